// Units of the DSL. Values are normalised to a base unit per dimension (money: 元), so that 500万元 is the
// integer 5,000,000 and no float of 万元 is ever compared.
export type Dimension = 'money' | 'hours' | 'points' | 'people' | 'workdays';

export interface UnitInfo {
  dim: Dimension | 'count' | 'duration';
  factor: number; // to the base unit (元, 学时, 分, 人, 工作日; months for durations)
  name: string;
}

export const units: Record<string, UnitInfo> = {
  元: { dim: 'money', factor: 1, name: '元' },
  万元: { dim: 'money', factor: 10_000, name: '万元' },
  亿元: { dim: 'money', factor: 100_000_000, name: '亿元' },
  学时: { dim: 'hours', factor: 1, name: '学时' },
  分: { dim: 'points', factor: 1, name: '分' },
  人: { dim: 'people', factor: 1, name: '人' },
  工作日: { dim: 'workdays', factor: 1, name: '工作日' },
  项: { dim: 'count', factor: 1, name: '项' },
  年: { dim: 'duration', factor: 12, name: '年' },
  个月: { dim: 'duration', factor: 1, name: '个月' }
};

export const baseUnitName: Record<Dimension, string> = {
  money: '元', hours: '学时', points: '分', people: '人', workdays: '工作日'
};

export const dimensionName: Record<Dimension, string> = {
  money: '金额（元）', hours: '学时', points: '分值', people: '人数', workdays: '工作日'
};

/** The record schema's `x-unit` annotation → dimension. */
export function dimensionOfSchemaUnit(unit: string | undefined): Dimension | null {
  if (unit === '元') return 'money';
  if (unit === '学时') return 'hours';
  return null;
}
