// An upper bound of a numeric IR value, assuming record amounts, counts and hours are non-negative.
// Used to report a cap that can never be reached (上限高于可能的最高分).
import type { IR } from '../ir.ts';

export function upperBound(ir: IR): number {
  switch (ir.k) {
    case 'lit': return typeof ir.value === 'number' ? ir.value : Infinity;
    case 'field': return Infinity;
    case 'arith': {
      const a = upperBound(ir.left);
      const b = upperBound(ir.right);
      if (ir.op === '+') return a + b;
      if (ir.op === '-') return a; // the subtrahend is non-negative
      if (ir.op === '*') return a === 0 || b === 0 ? 0 : a * b;
      return ir.right.k === 'lit' && typeof ir.right.value === 'number' && ir.right.value > 0 ? a / ir.right.value : Infinity;
    }
    case 'floor': return Math.floor(upperBound(ir.arg));
    case 'min': return Math.min(...ir.args.map(upperBound));
    case 'if': return Math.max(upperBound(ir.then), upperBound(ir.else));
    case 'agg':
      if (ir.agg === 'max') return ir.take ? Math.max(0, upperBound(ir.take)) : Infinity;
      if (ir.agg === 'sum') return ir.take && upperBound(ir.take) === 0 ? 0 : Infinity;
      return Infinity;
    default:
      return Infinity;
  }
}
