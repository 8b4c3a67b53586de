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

// ---------- dates ----------

/** DATE_PATTERN (^\d{4}-\d{2}-\d{2}$, JS `\d` being 0-9) without a regular expression. */
function dateShaped(s: string): boolean {
  if (s.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/** isCalendarDate for a string that is date-shaped. */
function calendarDay(s: string): boolean {
  const m = digits(s, 5, 7), d = digits(s, 8, 10);
  if (d >= 1 && d <= 28) return m >= 1 && m <= 12; // every month has these days: the common case, no year needed
  const y = digits(s, 0, 4);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Where the walk is: object keys and array indexes, turned into a path string only when there is an issue. */
type Trail = (string | number)[];

function render(trail: Trail): string {
  let path = '';
  for (const step of trail) path = typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  return path;
}

type Walk = (value: unknown, referenceDate: string, trail: Trail, out: RecordIssue[]) => void;

/**
 * Every date field is found, however deep, by walking the record along the field tree; the walk is compiled
 * once and skips subtrees without dates. A bad calendar date is an error, a date after 基准日 a warning.
 */
function dateWalk(field: FieldInfo): Walk | null {
  const { type } = field;
  if (type.kind === 'date') {
    return (v, ref, trail, out) => {
      if (typeof v !== 'string' || !dateShaped(v)) return;
      if (!calendarDay(v)) out.push({ path: render(trail), severity: 'error', message: `${field.label}：${v} 不是有效的日历日期` });
      else if (v > ref) {
        out.push({ path: render(trail), severity: 'warning', message: `${field.label} ${v}：日期晚于基准日 ${ref}，不计入任何条件` });
      }
    };
  }
  if (type.kind === 'array') {
    const item = dateWalk(type.item);
    if (!item) return null;
    return (v, ref, trail, out) => {
      if (!Array.isArray(v)) return;
      for (let i = 0; i < v.length; i++) {
        trail.push(i);
        item(v[i], ref, trail, out);
        trail.pop();
      }
    };
  }
  if (type.kind === 'object') {
    const children: [string, Walk][] = [];
    for (const [name, child] of Object.entries(type.fields)) {
      const walk = dateWalk(child);
      if (walk) children.push([name, walk]);
    }
    if (!children.length) return null;
    return (v, ref, trail, out) => {
      if (!isObj(v)) return;
      for (const [name, walk] of children) {
        if (!Object.hasOwn(v, name)) continue;
        trail.push(name);
        walk(v[name], ref, trail, out);
        trail.pop();
      }
    };
  }
  return null;
}

const walkDates: Walk = dateWalk(recordFields) ?? (() => {});

/** Whether `key` repeats within `items` (the condition under which duplicates() reports). */
function repeats(items: unknown[], key: string): boolean {
  if (items.length < 2) return false;
  const seen = new Set<unknown>();
  for (const item of items) {
    const value = isObj(item) ? item[key] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    if (seen.has(value)) return true;
    seen.add(value);
  }
  return false;
}

/** The uniqueness and hours rules, without building a message: most records break neither. */
function mayBreakRules(record: Obj): boolean {
  if (repeats(listAt(record.achievements, 'contracts'), 'registration_no')) return true;
  if (repeats(listAt(record, 'annual_assessments'), 'year')) return true;
  const ce = listAt(record, 'continuing_education');
  if (repeats(ce, 'year')) return true;
  for (const entry of ce) {
    if (!isObj(entry)) continue;
    const { total_hours: total, professional_hours: professional } = entry;
    if (typeof total === 'number' && typeof professional === 'number' && professional > total) return true;
  }
  return false;
}

export function contractIssues(record: unknown, referenceDate: string): RecordIssue[] {
  if (!isObj(record)) return [];
  const issues = mayBreakRules(record) ? [...uniquenessIssues(record), ...hoursIssues(record)] : [];
  walkDates(record, referenceDate, [], issues);
  return issues;
}
