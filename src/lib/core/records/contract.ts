// Contract rules of policy section 8 that JSON Schema cannot express. The record may be
// arbitrarily malformed here (ajv reports that); every check looks only at values of the right shape.
import { recordFields, type FieldInfo } from './fields.ts';
import { DATE_PATTERN } from './schema.ts';
import type { RecordIssue } from './validate.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const listAt = (v: unknown, key: string): unknown[] => (isObj(v) && Array.isArray(v[key]) ? v[key] : []);
const dateShape = new RegExp(DATE_PATTERN);

export function isCalendarDate(text: string): boolean {
  if (!dateShape.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Flags the second and later entries whose `key` repeats an earlier one. */
function duplicates(items: unknown[], listPath: string, key: string, message: (v: unknown, first: number) => string) {
  const seen = new Map<unknown, number>();
  const issues: RecordIssue[] = [];
  items.forEach((item, i) => {
    const value = isObj(item) ? item[key] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else issues.push({ path: `${listPath}[${i}].${key}`, severity: 'error', message: message(value, first) });
  });
  return issues;
}

function uniquenessIssues(record: Obj): RecordIssue[] {
  const contracts = listAt(record.achievements, 'contracts');
  return [
    ...duplicates(contracts, 'achievements.contracts', 'registration_no',
      (v, first) => `合同登记编号 "${v}" 重复（与 achievements.contracts[${first}] 相同），同一记录内登记编号不得重复`),
    ...duplicates(listAt(record, 'annual_assessments'), 'annual_assessments', 'year',
      (v, first) => `考核年度 ${v} 重复（与 annual_assessments[${first}] 相同），每年至多一条年度考核记录`),
    ...duplicates(listAt(record, 'continuing_education'), 'continuing_education', 'year',
      (v, first) => `继续教育年度 ${v} 重复（与 continuing_education[${first}] 相同），每年至多一条继续教育记录`)
  ];
}

function hoursIssues(record: Obj): RecordIssue[] {
  const issues: RecordIssue[] = [];
  listAt(record, 'continuing_education').forEach((entry, i) => {
    if (!isObj(entry)) return;
    const { total_hours: total, professional_hours: professional } = entry;
    if (typeof total === 'number' && typeof professional === 'number' && professional > total) {
      issues.push({
        path: `continuing_education[${i}].professional_hours`,
        severity: 'error',
        message: `专业科目学时 ${professional} 超过总学时 ${total}（单位：学时），专业科目学时不得大于总学时`
      });
    }
  });
  return issues;
}

/** Walks the record along the field tree so that every date field is found, however deep. */
function dateIssues(value: unknown, field: FieldInfo, path: string, referenceDate: string, out: RecordIssue[]) {
  const { type } = field;
  if (type.kind === 'date' && typeof value === 'string' && dateShape.test(value)) {
    if (!isCalendarDate(value)) {
      out.push({ path, severity: 'error', message: `${field.label}：${value} 不是有效的日历日期` });
    } else if (value > referenceDate) {
      out.push({
        path,
        severity: 'warning',
        message: `${field.label} ${value}：日期晚于基准日 ${referenceDate}，不计入任何条件`
      });
    }
  } else if (type.kind === 'array' && Array.isArray(value)) {
    value.forEach((item, i) => dateIssues(item, type.item, `${path}[${i}]`, referenceDate, out));
  } else if (type.kind === 'object' && isObj(value)) {
    for (const [name, child] of Object.entries(type.fields)) {
      if (Object.hasOwn(value, name)) dateIssues(value[name], child, path ? `${path}.${name}` : name, referenceDate, out);
    }
  }
}

export function contractIssues(record: unknown, referenceDate: string): RecordIssue[] {
  if (!isObj(record)) return [];
  const dates: RecordIssue[] = [];
  dateIssues(record, recordFields, '', referenceDate, dates);
  return [...uniquenessIssues(record), ...hoursIssues(record), ...dates];
}
