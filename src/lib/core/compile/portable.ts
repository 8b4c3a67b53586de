import type { Bundle } from './bundle-types.ts';

// The JSON Logic a bundle holds: only the operations below, each of the strictly specified core that every
// engine passing the JSON Logic compatibility suite runs alike (docs/language.md, "The compiled JSON Logic").
// The compiler emits nothing else, and a bundle read from disk is refused when it holds anything else.

/** Operation → why its meaning is the same in every conformant engine, for values of the types we give it. */
export const PORTABLE_OPERATIONS = {
  var: 'a dotted path into the record or into reduce\'s {current, accumulator}; missing gives null',
  if: 'first truthy condition wins; the compiler gives it only booleans, numbers and texts to test',
  '===': 'strict equality of two values of one type (or 空): no coercion rules to differ on',
  '!==': 'the negation of ===',
  '!': 'logical not of a boolean',
  and: 'conjunction of booleans',
  or: 'disjunction of booleans',
  '<=': 'numbers with numbers, or ISO dates (texts of one length) with ISO dates',
  '>=': 'as <=',
  '>': 'as <=',
  '<': 'as <=',
  '+': 'sum of numbers',
  '-': 'difference of two numbers',
  '*': 'product of numbers',
  '/': 'quotient of two numbers, the divisor a non-zero constant',
  '%': 'remainder of two numbers, the divisor a non-zero constant',
  min: 'least of numbers',
  max: 'largest of numbers',
  in: 'a value in a literal array of texts or numbers (strict comparison in every engine)',
  substr: 'a prefix of a text, from position 0',
  cat: 'texts joined (a match mask grows by "1" or "0")',
  merge: 'arrays flattened one level into one; it builds every array that holds computed values',
  reduce: 'a fold over an array from a literal initial value; its accumulator only ever holds scalars or a pair of scalars'
} as const;

export type PortableOperation = keyof typeof PORTABLE_OPERATIONS;

export function isPortableOperation(op: string): op is PortableOperation {
  return Object.prototype.hasOwnProperty.call(PORTABLE_OPERATIONS, op);
}

/** Deepest nesting of operations a bundle may hold (the 2026 bundle reaches about 30); deeper is refused. */
export const MAX_LOGIC_DEPTH = 1000;

/** Every piece of logic of a bundle, with where it is: those that run on a record, and `take` (on one list item). */
export function* logicPieces(bundle: Bundle): Generator<{ where: string; logic: unknown; onItem?: true }> {
  for (const l of bundle.levels) {
    yield { where: `${l.name} verdict`, logic: l.verdict };
    yield { where: `${l.name} route`, logic: l.route };
    yield { where: `${l.name} score`, logic: l.score };
    yield { where: `${l.name} met`, logic: l.performance.met };
    const rules = [...l.gates.rules, ...(l.routes.regular?.lines ?? []), ...(l.routes.direct?.requires ?? []), ...(l.routes.direct?.lines ?? []), ...l.performance.items];
    for (const r of rules) {
      const where = `${l.name} ${r.id ?? ''} ${r.label}`;
      yield { where, logic: r.logic };
      for (const [i, f] of r.figures.entries()) {
        yield { where: `${where} figure ${i}`, logic: f.value };
        yield { where: `${where} target ${i}`, logic: f.target };
      }
      for (const [i, m] of r.lists.entries()) {
        yield { where: `${where} list ${i}`, logic: m.matches };
        if (m.take !== undefined) yield { where: `${where} list ${i} take`, logic: m.take, onItem: true };
      }
    }
    for (const c of l.scoring.components) {
      yield { where: `${l.name} ${c.id} points`, logic: c.points };
      for (const [i, m] of c.lists.entries()) {
        yield { where: `${l.name} ${c.id} list ${i}`, logic: m.matches };
        if (m.take !== undefined) yield { where: `${l.name} ${c.id} list ${i} take`, logic: m.take, onItem: true };
      }
    }
  }
}

/** The pieces that run on a record, each distinct one once. */
export function bundleLogic(bundle: Bundle): { where: string; logic: unknown }[] {
  const out = new Map<string, { where: string; logic: unknown }>();
  for (const { where, logic, onItem } of logicPieces(bundle)) {
    const key = JSON.stringify(logic);
    if (!onItem && !out.has(key)) out.set(key, { where, logic });
  }
  return [...out.values()];
}

/**
 * What keeps a piece of logic from being a bundle's: an operation outside PORTABLE_OPERATIONS (unknown ones,
 * `method`, `log`), or nesting deeper than MAX_LOGIC_DEPTH. Iterative, so hostile nesting cannot overflow it.
 */
export function logicProblem(logic: unknown): string | null {
  const stack: [unknown, number][] = [[logic, 0]];
  while (stack.length) {
    const [x, depth] = stack.pop()!;
    if (depth > MAX_LOGIC_DEPTH) return `嵌套超过 ${MAX_LOGIC_DEPTH} 层`;
    if (Array.isArray(x)) {
      for (const y of x) stack.push([y, depth + 1]);
      continue;
    }
    if (x === null || typeof x !== 'object') continue;
    const keys = Object.keys(x);
    if (keys.length !== 1) return `不是一个 JSON Logic 运算（应恰有一个键，实际为 ${keys.length} 个）`;
    if (!isPortableOperation(keys[0])) return `不允许的运算“${keys[0].slice(0, 40)}”`;
    stack.push([(x as Record<string, unknown>)[keys[0]], depth + 1]);
  }
  return null;
}
