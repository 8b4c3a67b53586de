// After error recovery the AST may miss pieces: a rule Chevrotain skipped comes back undefined, an operand
// may be absent. This pass gives later phases a well-formed tree: missing list entries are dropped and
// missing required expressions become `error` nodes (whose syntax error is already reported).
import type { Span } from './ast.ts';

/** Keys that must hold an expression (or window), per node kind; `rule` nodes have no kind. */
const required: Record<string, string[]> = {
  compare: ['left', 'right'], arith: ['left', 'right'], not: ['arg'], negate: ['arg'], floor: ['arg'],
  memberOf: ['value'], startsWith: ['value', 'prefix'], fullPeriod: ['date', 'period'], define: ['body'],
  const: ['value'], performance: ['need'], scoreRef: ['minimum'], postGrades: ['from', 'to'], recent: ['period'],
  since: ['from'], conditional: ['cond'], rule: ['expr'], component: ['expr'], arm: ['when', 'then'], logical: []
};

/** Keys that must hold a list, per node kind. */
const lists: Record<string, string[]> = {
  directRoute: ['lines', 'requires'], regularRoute: ['lines'], performance: ['items'], gateGroup: ['gates'],
  scoreTable: ['components'], committee: ['params'], level: ['entries'], memberOf: ['set'], logical: ['args'],
  case: ['arms'], aggregate: ['list'], header: ['issuers'], order: ['field', 'values'], dateField: ['field'],
  ref: ['path'], call: ['args'], define: ['params'], methods: ['values']
};

/** Keys that must hold a name or label ({ text, span }). */
const names: Record<string, string[]> = {
  directRoute: ['label', 'waives'], regularRoute: ['label'], performance: ['label'], level: ['name'], define: ['name'],
  const: ['name'], window: ['name'], gateGroup: ['name'], scoreTable: ['name'], committee: ['name'], import: ['path'],
  header: ['name'], code: ['value'], tier: ['value'], committeeRef: ['name'], gatesRef: ['name'], scoreRef: ['table'],
  call: ['callee'], rule: ['label'], component: ['id', 'label']
};

function errorNode(span: Span) {
  return { kind: 'error', span };
}

export function repair<T>(node: T, fallback: Span): T {
  if (Array.isArray(node)) {
    return node.filter((x) => x !== undefined && x !== null).map((x) => repair(x, fallback)) as T;
  }
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const span = (obj.span as Span | undefined) ?? fallback;
  if (!obj.span && ('kind' in obj || 'label' in obj)) obj.span = span;
  const kind = typeof obj.kind === 'string' ? obj.kind : 'id' in obj && 'cap' in obj ? 'component' : 'expr' in obj ? 'rule' : 'when' in obj ? 'arm' : '';
  for (const key of required[kind] ?? []) if (obj[key] === undefined || obj[key] === null) obj[key] = errorNode(span);
  for (const key of lists[kind] ?? []) if (!Array.isArray(obj[key])) obj[key] = [];
  for (const key of names[kind] ?? []) if (!obj[key]) obj[key] = { text: '', span };
  if (kind === 'conditional') {
    for (const key of ['then', 'else']) if (!obj[key]) obj[key] = { kind: 'allTime', span };
  }
  for (const [k, v] of Object.entries(obj)) {
    if (k !== 'span' && v && typeof v === 'object') obj[k] = repair(v, span);
  }
  return node;
}
