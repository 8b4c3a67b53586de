// Section 7 of the policy: the review procedure's parameters, published with the standard set as data.
import type * as A from '../../../../grammar/ast.ts';
import type { ProcedureParamModel } from '../model.ts';
import { report, type CheckContext } from './context.ts';
import { closest, hintFor } from '../suggest.ts';
import { units } from './units.ts';

/** Known parameters and the unit each is measured in ('' plain number, 'ratio' a fraction, 'texts' a list). */
export const procedureParams: Record<string, { unit: string; label: string }> = {
  委员人数: { unit: '人', label: '当年度评审委员会人数' },
  出席比例: { unit: 'ratio', label: '出席评审的专家比例' },
  专业审议组人数: { unit: '人', label: '专业审议组人数' },
  表决通过比例: { unit: 'ratio', label: '赞成票占出席委员的比例' },
  专家库倍数: { unit: '', label: '专家库人数与委员会人数之比' },
  专家库调整周期: { unit: '年', label: '专家库调整周期' },
  专家库调整比例: { unit: 'ratio', label: '专家库每次调整的比例' },
  单位公示: { unit: '工作日', label: '单位公示时间' },
  评前公示: { unit: '工作日', label: '评前公示时间' },
  结果公示: { unit: '工作日', label: '结果公示时间' },
  评价方式: { unit: 'texts', label: '评价方式' }
};

export function procedureParam(p: A.ProcedureParam, ctx: CheckContext): ProcedureParamModel | null {
  const known = procedureParams[p.name.text];
  if (!known) {
    const sug = closest(p.name.text, Object.keys(procedureParams));
    report(ctx, 'unknownParam', p.name.span, { name: p.name.text + hintFor(sug) }, sug);
    return null;
  }
  if (known.unit === 'texts') {
    if (!p.texts) return typeError(p, ctx, '文本列表');
    return { name: p.name.text, texts: p.texts.map((t) => t.text) };
  }
  if (!p.value || !p.op) return typeError(p, ctx, '比较与数值（如 >= 11人）');
  const v = p.value;
  if (known.unit === 'ratio') {
    if (v.kind === 'arith' && v.op === '/' && v.left.kind === 'number' && v.right.kind === 'number' && v.right.value !== 0) {
      return { name: p.name.text, op: p.op, ratio: [v.left.value, v.right.value], value: v.left.value / v.right.value };
    }
    return typeError(p, ctx, '分数（如 2/3）');
  }
  if (known.unit === '') {
    if (v.kind === 'number') return { name: p.name.text, op: p.op, value: v.value };
    return typeError(p, ctx, '数字');
  }
  if (v.kind === 'quantity' && units[v.unit]?.name === known.unit) {
    return { name: p.name.text, op: p.op, value: v.value, unit: known.unit };
  }
  return typeError(p, ctx, `以“${known.unit}”为单位的数值（如 5${known.unit}）`);
}

function typeError(p: A.ProcedureParam, ctx: CheckContext, expected: string): null {
  report(ctx, 'typeMismatch', p.span, { what: `参数“${p.name.text}”`, expected, actual: p.texts ? '文本' : '其他' });
  return null;
}
