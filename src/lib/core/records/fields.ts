// The field tree used by the DSL checker and the editor, derived from recordSchema so that
// names, types, units and labels can never drift from the contract.
import { DATE_PATTERN, recordSchema, type JsonType, type SchemaNode, type Unit } from './schema.ts';

export type FieldType =
  | { kind: 'string' }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'enum'; values: string[]; labels: Record<string, string> }
  | { kind: 'object'; fields: Record<string, FieldInfo> }
  | { kind: 'array'; item: FieldInfo };

export interface FieldInfo {
  path: string;
  /** The record's code for the field (the data contract's name): `degree`. */
  name: string;
  /** Its Chinese name in the DSL: the schema's `x-dsl-name`, else its title (`学位`). */
  zh: string;
  label: string;
  type: FieldType;
  unit?: Unit;
  nullable: boolean;
}

function typeOf(node: SchemaNode, path: string, label: string): FieldType {
  const types: JsonType[] = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  const base = types.find((t) => t !== 'null');
  switch (base) {
    case 'string':
      if (node.enum) return { kind: 'enum', values: [...node.enum], labels: { ...node['x-enum-labels'] } };
      return node.pattern === DATE_PATTERN ? { kind: 'date' } : { kind: 'string' };
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: base };
    case 'object': {
      const fields: Record<string, FieldInfo> = {};
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        fields[name] = toField(child, path ? `${path}.${name}` : name, name);
      }
      return { kind: 'object', fields };
    }
    case 'array':
      // Items share the array's path: the DSL addresses "achievements.contracts.amount_yuan".
      return { kind: 'array', item: toField(node.items ?? {}, path, path.split('.').pop() ?? '', label) };
    default:
      throw new Error(`recordSchema: unsupported type at "${path}"`);
  }
}

function toField(node: SchemaNode, path: string, name: string, fallbackLabel = name): FieldInfo {
  const label = node.title ?? fallbackLabel;
  const info: FieldInfo = {
    path,
    name,
    zh: node['x-dsl-name'] ?? label,
    label,
    type: typeOf(node, path, label),
    nullable: Array.isArray(node.type) && node.type.includes('null')
  };
  if (node['x-unit']) info.unit = node['x-unit'];
  return info;
}

export const recordFields: FieldInfo = toField(recordSchema, '', '');

/**
 * Resolve a dotted path relative to `scope`. Arrays are stepped through transparently and
 * `[n]` indices are ignored, so both 'achievements.contracts.role' and
 * 'achievements.contracts[2].role' work; '' returns the scope itself.
 */
export function lookupField(scope: FieldInfo, dotted: string): FieldInfo | undefined {
  return resolveField(scope, dotted.replace(/\[\d+\]/g, '').split('.').filter((s) => s !== ''))?.field;
}

/** A child of an object field by its code or by its Chinese name. */
export function childField(parent: FieldInfo, segment: string): FieldInfo | undefined {
  let current = parent;
  while (current.type.kind === 'array') current = current.type.item;
  if (current.type.kind !== 'object') return undefined;
  if (Object.hasOwn(current.type.fields, segment)) return current.type.fields[segment];
  return byZh(current).get(segment);
}

const zhMaps = new WeakMap<FieldInfo, Map<string, FieldInfo>>();
function byZh(obj: FieldInfo): Map<string, FieldInfo> {
  let m = zhMaps.get(obj);
  if (!m) {
    m = new Map();
    if (obj.type.kind === 'object') for (const f of Object.values(obj.type.fields)) m.set(f.zh, f);
    zhMaps.set(obj, m);
  }
  return m;
}

/**
 * Resolve a path written with codes, Chinese names or both (`业绩.contracts.成交金额`) relative to `scope`:
 * the field, and the path in codes (what the bundle and the record use).
 */
export function resolveField(scope: FieldInfo, segments: string[]): { field: FieldInfo; codes: string[]; zh: string[] } | undefined {
  let current: FieldInfo = scope;
  const codes: string[] = [];
  const zh: string[] = [];
  for (const segment of segments) {
    const next = childField(current, segment);
    if (!next) return undefined;
    codes.push(next.name);
    zh.push(next.zh);
    current = next;
  }
  return { field: current, codes, zh };
}

/** An enum value by its code or its Chinese label → the code; undefined when it is neither. */
export function enumCode(type: { values: string[]; labels: Record<string, string> }, word: string): string | undefined {
  if (type.values.includes(word)) return word;
  return type.values.find((v) => type.labels[v] === word);
}

/** The Chinese label of an enum value of the field at `path` (codes): `education.degree`, `doctor` → 博士. */
export function enumLabelOf(path: string, code: string): string | undefined {
  const f = lookupField(recordFields, path);
  return f && f.type.kind === 'enum' ? f.type.labels[code] : undefined;
}

/** A path in codes written with the Chinese names: `education.degree` → `学历.学位`. */
export function zhPath(path: string, scope: FieldInfo = recordFields): string {
  const r = resolveField(scope, path.split('.').filter((s) => s !== ''));
  return r ? r.zh.join('.') : path;
}

let pathCache: string[] | undefined;

/** Every dotted field path below the root, in schema order (for did-you-mean suggestions). */
export function allFieldPaths(): string[] {
  if (!pathCache) {
    const out: string[] = [];
    const visit = (field: FieldInfo): void => {
      if (field.path !== '' && out[out.length - 1] !== field.path) out.push(field.path);
      if (field.type.kind === 'object') Object.values(field.type.fields).forEach(visit);
      if (field.type.kind === 'array') visit(field.type.item);
    };
    visit(recordFields);
    pathCache = out;
  }
  return [...pathCache];
}

/** Every field path written with Chinese names, in schema order (for did-you-mean, beside the codes). */
export function allZhPaths(): string[] {
  return allFieldPaths().map((p) => zhPath(p));
}
