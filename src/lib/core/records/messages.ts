// Turns ajv's errors into messages a clerk can act on: dotted paths instead of JSON pointers,
// Chinese wording with the field's label and unit, and a did-you-mean for misspelt values and keys.
import type { ErrorObject } from 'ajv/dist/2020.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { lookupField, recordFields, type FieldInfo } from './fields.ts';
import { REGION_CODE_PATTERN } from './schema.ts';
import type { RecordIssue } from './validate.ts';
import { editDistance } from '../suggest.ts';

/** '/achievements/contracts/2/amount_yuan' → 'achievements.contracts[2].amount_yuan' */
export function pointerToPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    // Only schema-declared properties are ever descended into, and none is numeric,
    // so a numeric segment is always an array index.
    path = /^\d+$/.test(segment) ? `${path}[${segment}]` : joinPath(path, segment);
  }
  return path;
}

export function joinPath(parent: string, key: string): string {
  const part = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (part.startsWith('[')) return parent + part;
  return parent ? `${parent}.${part}` : part;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  const folded = candidates.find((c) => c.toLowerCase() === value.trim().toLowerCase());
  if (folded) return folded;
  const limit = Math.max(1, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(value, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= limit ? best : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '数组',
  null: '空值 null'
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'object') return '对象';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Like lookupField, but an indexed path ('…contracts[2]') means the item, not the array. */
function fieldAt(path: string): FieldInfo | undefined {
  const field = lookupField(recordFields, path);
  return field?.type.kind === 'array' && path.endsWith(']') ? field.type.item : field;
}

const unitNote = (field?: FieldInfo) => (field?.unit ? `（单位：${field.unit}）` : '');
const withLabel = (field: FieldInfo | undefined, text: string) => (field?.label ? `${field.label}：${text}` : text);

function typeMessage(e: ErrorObject, field?: FieldInfo): string {
  if (field?.type.kind === 'date') return `应为 YYYY-MM-DD 格式的日期字符串，实际为 ${describe(e.data)}`;
  const wanted = String(e.params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join('或');
  return `应为${wanted}${unitNote(field)}，实际为 ${describe(e.data)}`;
}

function enumMessage(e: ErrorObject): string {
  const allowed = (e.params.allowedValues as string[]) ?? [];
  const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
  return (
    `取值 ${describe(e.data)} 不在允许范围内：${allowed.join(' / ')}` + (hint ? `（您是否要写 "${hint}"？）` : '')
  );
}

function patternMessage(e: ErrorObject, field?: FieldInfo): string {
  if (field?.type.kind === 'date') return `应为 YYYY-MM-DD 格式的日期，实际为 ${describe(e.data)}`;
  if (e.params.pattern === REGION_CODE_PATTERN) return `应为 6 位数字的行政区划代码（如 330106），实际为 ${describe(e.data)}`;
  return `格式不正确，实际为 ${describe(e.data)}`;
}

function minimumMessage(e: ErrorObject, field?: FieldInfo): string {
  const limit = Number(e.params.limit);
  const rule = limit === 0 ? '不能为负数' : `应不小于 ${limit}`;
  return `${rule}${unitNote(field)}，实际为 ${describe(e.data)}`;
}

function fallbackMessage(e: ErrorObject): string {
  const copy = { ...e };
  localizeZh([copy]);
  return copy.message ?? e.keyword;
}

/** One ajv error → one issue, with the path pointing at the offending field itself. */
export function ajvErrorToIssue(e: ErrorObject): RecordIssue {
  const at = pointerToPath(e.instancePath);
  const field = fieldAt(at);
  switch (e.keyword) {
    case 'required': {
      const name = String(e.params.missingProperty);
      const path = joinPath(at, name);
      const label = lookupField(recordFields, path)?.label;
      return { path, severity: 'error', message: `缺少必填字段 "${name}"${label ? `（${label}）` : ''}` };
    }
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const siblings = field?.type.kind === 'object' ? Object.keys(field.type.fields) : [];
      const hint = didYouMean(name, siblings);
      const message = `不允许的字段 "${name}"` + (hint ? `（您是否要写 "${hint}"？）` : '');
      return { path: joinPath(at, name), severity: 'error', message };
    }
    case 'type':
      return { path: at, severity: 'error', message: withLabel(field, typeMessage(e, field)) };
    case 'enum':
      return { path: at, severity: 'error', message: withLabel(field, enumMessage(e)) };
    case 'pattern':
      return { path: at, severity: 'error', message: withLabel(field, patternMessage(e, field)) };
    case 'minimum':
      return { path: at, severity: 'error', message: withLabel(field, minimumMessage(e, field)) };
    default:
      return { path: at, severity: 'error', message: withLabel(field, fallbackMessage(e)) };
  }
}

/** Drop follow-up errors (enum, pattern, …) at a path that already has the wrong type. */
export function ajvErrorsToIssues(errors: readonly ErrorObject[]): RecordIssue[] {
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors
    .filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath))
    .map(ajvErrorToIssue);
}
