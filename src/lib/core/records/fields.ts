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
  name: string;
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
  let current: FieldInfo = scope;
  const segments = dotted.replace(/\[\d+\]/g, '').split('.').filter((s) => s !== '');
  for (const segment of segments) {
    while (current.type.kind === 'array') current = current.type.item;
    if (current.type.kind !== 'object' || !Object.hasOwn(current.type.fields, segment)) return undefined;
    current = current.type.fields[segment];
  }
  return current;
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
