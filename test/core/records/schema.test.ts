import { describe, expect, it } from 'vitest';
import { recordSchema, type SchemaNode } from '../../../src/lib/core/records/index.ts';
import { recordFields, type FieldInfo } from '../../../src/lib/core/records/fields.ts';
import { Lexer } from 'chevrotain';
import { allTokens } from '../../../grammar/tokens.ts';

const lexer = new Lexer(allTokens, { ensureOptimizations: false });

function* nodes(node: SchemaNode, path = ''): Generator<[string, SchemaNode]> {
  yield [path, node];
  for (const [name, child] of Object.entries(node.properties ?? {})) yield* nodes(child, path ? `${path}.${name}` : name);
  if (node.items) yield* nodes(node.items, `${path}[]`);
}

describe('recordSchema', () => {
  it('is draft 2020-12', () => {
    expect(recordSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('requires every property and forbids extra ones on every object', () => {
    for (const [path, node] of nodes(recordSchema)) {
      if (!node.properties) continue;
      expect(node.additionalProperties, path).toBe(false);
      expect(node.required, path).toEqual(Object.keys(node.properties));
    }
  });

  it('gives every property a Chinese title', () => {
    for (const [path, node] of nodes(recordSchema)) {
      expect(node.title, path).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('labels every enum value', () => {
    for (const [path, node] of nodes(recordSchema)) {
      if (!node.enum) continue;
      expect(Object.keys(node['x-enum-labels'] ?? {}), path).toEqual(node.enum);
    }
  });

  it('states the enums of section 8 exactly', () => {
    const p = recordSchema.properties!;
    const a = p.achievements.properties!;
    expect(p.target_level.enum).toEqual(['研究实习员', '助理研究员', '副研究员', '研究员']);
    expect(p.employment_status.enum).toEqual(['in_service', 'resigned', 'retired']);
    expect(p.current_title.type).toEqual(['object', 'null']);
    expect(p.current_title.properties!.level.enum).toEqual(['junior', 'intermediate', 'associate_senior', 'senior']);
    expect(a.platforms.items!.properties!.level.enum).toEqual(['national', 'provincial', 'municipal', 'district']);
    expect(a.awards.items!.properties!.grade.enum).toEqual(['special', 'first', 'second', 'third']);
    expect(a.contracts.items!.properties!.kind.enum).toEqual(['development', 'transfer', 'license', 'consulting', 'service']);
  });

  it('gives every field and enum value a Chinese DSL name that lexes as one name and means one thing', () => {
    const objects: FieldInfo[] = [];
    const visit = (f: FieldInfo): void => {
      if (f.type.kind === 'object') {
        objects.push(f);
        Object.values(f.type.fields).forEach(visit);
      }
      if (f.type.kind === 'array') visit(f.type.item);
    };
    visit(recordFields);
    const oneName = (word: string) => {
      const tokens = lexer.tokenize(word).tokens;
      return tokens.length === 1 && tokens[0].tokenType.name === 'Identifier';
    };
    let enums = 0;
    for (const o of objects) {
      if (o.type.kind !== 'object') continue;
      const fields = Object.values(o.type.fields);
      const names = fields.map((f) => f.zh);
      expect(new Set(names).size, o.path).toBe(names.length);
      for (const f of fields) {
        expect(oneName(f.zh), `${f.path}: ${f.zh}`).toBe(true);
        expect(f.zh, f.path).toMatch(/[\u4e00-\u9fff]/);
        if (f.type.kind !== 'enum') continue;
        enums++;
        const labels = f.type.values.map((v) => (f.type as { labels: Record<string, string> }).labels[v]);
        expect(new Set(labels).size, f.path).toBe(labels.length);
        for (const l of labels) {
          expect(oneName(l), `${f.path}: ${l}`).toBe(true);
          expect(f.type.values.includes(l) && (f.type as { labels: Record<string, string> }).labels[l] !== l, `${f.path}: ${l} is another value's code`).toBe(false);
        }
      }
    }
    expect(enums).toBeGreaterThan(10);
  });
});
