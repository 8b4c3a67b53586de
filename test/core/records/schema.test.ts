import { describe, expect, it } from 'vitest';
import { recordSchema, type SchemaNode } from '../../../src/lib/core/records/index.ts';

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
});
