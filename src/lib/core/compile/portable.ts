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
