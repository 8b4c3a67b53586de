// How a record field reads in completion details and hovers: its Chinese label, type, unit and values.
import type { FieldInfo } from '../records/fields.ts';

const TYPE_NAMES: Record<string, string> = {
  string: '文本', integer: '整数', number: '数值', boolean: '是/否', date: '日期（YYYY-MM-DD）', enum: '枚举', object: '对象', array: '清单'
};

export function fieldDetail(f: FieldInfo): string {
  return `${f.label} · ${TYPE_NAMES[f.type.kind]}${f.unit ? `（${f.unit}）` : ''}`;
}

export function describeField(f: FieldInfo): string {
  const lines = [`**${f.zh}**${f.zh !== f.label ? `（${f.label}）` : ''} 代码 \`${f.path}\``, `类型：${TYPE_NAMES[f.type.kind]}${f.unit ? `，单位：${f.unit}` : ''}${f.nullable ? '，可为空' : ''}`];
  if (f.type.kind === 'enum') {
    const labels = f.type.labels;
    lines.push(`取值：${f.type.values.map((v) => `${labels[v] ?? v} \`${v}\``).join('、')}`);
  }
  if (f.type.kind === 'array' && f.type.item.type.kind === 'object') {
    lines.push(`每项字段：${Object.values(f.type.item.type.fields).map((c) => `${c.zh} \`${c.name}\``).join('、')}`);
  }
  return lines.join('\n\n');
}
