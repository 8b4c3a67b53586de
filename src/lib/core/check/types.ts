// Types of DSL expressions, and how a clerk reads them.
import type { FieldInfo } from '../records/fields.ts';
import { dimensionName, type Dimension } from './units.ts';

export type Type =
  | { t: 'number'; dim: Dimension | null }
  | { t: 'date' }
  | { t: 'duration' }
  | { t: 'string' }
  | { t: 'boolean' }
  | { t: 'enum'; field: string; values: string[]; labels: Record<string, string>; order?: string[] }
  /** A bare word not (yet) known: an enum value once compared with an enum field. */
  | { t: 'symbol'; name: string; at?: import('../../../../grammar/ast.ts').Span }
  | { t: 'null' }
  | { t: 'list'; field: FieldInfo }
  | { t: 'object'; field: FieldInfo }
  | { t: 'error' };

export const NUMBER: Type = { t: 'number', dim: null };
export const BOOLEAN: Type = { t: 'boolean' };
export const DATE: Type = { t: 'date' };
export const STRING: Type = { t: 'string' };
export const ERROR: Type = { t: 'error' };
export const NULL: Type = { t: 'null' };

export function describeType(ty: Type): string {
  switch (ty.t) {
    case 'number': return ty.dim ? dimensionName[ty.dim] : '数值';
    case 'date': return '日期';
    case 'duration': return '时长';
    case 'string': return '文本';
    case 'boolean': return '条件（真/假）';
    case 'enum': return `“${ty.field}”的取值`;
    case 'symbol': return `名称“${ty.name}”`;
    case 'null': return '空';
    case 'list': return `清单“${ty.field.label}”`;
    case 'object': return `“${ty.field.label}”`;
    case 'error': return '（错误）';
    default: {
      const never: never = ty;
      return never;
    }
  }
}
