import { describe, expect, it } from 'vitest';
import { validateBatch, validateRecord, type RecordCheck } from '../../../src/lib/core/records/index.ts';
import { validRecord } from './helpers.ts';

const errorAt = (check: RecordCheck, path: string) => check.errors.find((e) => e.path === path);

describe('validateRecord: a valid record', () => {
  it('passes the full fixture with no errors or warnings', () => {
    const check = validateRecord(validRecord());
    expect(check).toEqual({ id: 'HZ2026-062-0017', ok: true, errors: [], warnings: [] });
  });

  it('accepts a null current_title, empty lists and a leap day', () => {
    const r = validRecord();
    r.current_title = null;
    r.achievements.awards = [];
    r.education[0].awarded_on = '2024-02-29';
    expect(validateRecord(r).ok).toBe(true);
  });
});

describe('validateRecord: schema errors', () => {
  it('reports a missing field at its own path with its label', () => {
    const r = validRecord();
    delete r.achievements.contracts[2].amount_yuan;
    const check = validateRecord(r);
    expect(check.ok).toBe(false);
    expect(errorAt(check, 'achievements.contracts[2].amount_yuan')?.message).toBe('缺少必填字段 "amount_yuan"（成交金额）');
  });

  it('reports a missing achievements list', () => {
    const r = validRecord();
    delete r.achievements.trainings;
    expect(errorAt(validateRecord(r), 'achievements.trainings')?.message).toContain('培训授课');
  });

  it('reports a wrong type', () => {
    const r = validRecord();
    r.is_retired = 'no';
    r.annual_assessments[0].year = '2021';
    const check = validateRecord(r);
    expect(errorAt(check, 'is_retired')?.message).toBe('是否离退休人员：应为布尔值（true 或 false），实际为 "no"');
    expect(errorAt(check, 'annual_assessments[0].year')?.message).toContain('应为整数');
  });

  it('reports a float amount with its unit', () => {
    const r = validRecord();
    r.achievements.contracts[2].amount_yuan = 1500000.5;
    const error = errorAt(validateRecord(r), 'achievements.contracts[2].amount_yuan');
    expect(error?.message).toContain('应为整数（单位：元）');
    expect(error?.message).toContain('成交金额');
  });

  it('reports a negative amount and negative hours', () => {
    const r = validRecord();
    r.achievements.transformations[0].value_yuan = -1;
    r.achievements.trainings[1].hours = -2;
    const check = validateRecord(r);
    expect(errorAt(check, 'achievements.transformations[0].value_yuan')?.message).toBe('转化金额：不能为负数（单位：元），实际为 -1');
    expect(errorAt(check, 'achievements.trainings[1].hours')?.message).toContain('（单位：学时）');
  });

  it('reports rank below 1', () => {
    const r = validRecord();
    r.achievements.awards[0].rank = 0;
    expect(errorAt(validateRecord(r), 'achievements.awards[0].rank')?.message).toBe('排名：应不小于 1，实际为 0');
  });

  it('reports a bad enum value with a did-you-mean', () => {
    const r = validRecord();
    r.achievements.platforms[0].level = 'municpal';
    const check = validateRecord(r);
    expect(errorAt(check, 'achievements.platforms[0].level')?.message).toBe(
      '平台级别：取值 "municpal" 不在允许范围内：national / provincial / municipal / district（您是否要写 "municipal"？）'
    );
    expect(check.errors).toHaveLength(1);
  });

  it('offers no suggestion for a value that is nothing like the allowed ones', () => {
    const r = validRecord();
    r.employment_status = 'unknown';
    expect(errorAt(validateRecord(r), 'employment_status')?.message).not.toContain('您是否要写');
  });

  it('reports one type error, not also an enum error, for a non-string enum value', () => {
    const r = validRecord();
    r.target_level = 3;
    const check = validateRecord(r);
    expect(check.errors.map((e) => e.path)).toEqual(['target_level']);
    expect(check.errors[0].message).toContain('应为字符串');
  });

  it('reports an extra field, with a did-you-mean for a misspelt key', () => {
    const r = validRecord();
    r.foo = 1;
    r.achievements.contracts[0].amuont_yuan = r.achievements.contracts[0].amount_yuan;
    delete r.achievements.contracts[0].amount_yuan;
    const check = validateRecord(r);
    expect(errorAt(check, 'foo')?.message).toBe('不允许的字段 "foo"');
    expect(errorAt(check, 'achievements.contracts[0].amuont_yuan')?.message).toBe(
      '不允许的字段 "amuont_yuan"（您是否要写 "amount_yuan"？）'
    );
  });

  it('reports malformed dates and region codes', () => {
    const r = validRecord();
    r.achievements.enterprise_services[0].served_on = '2020/04/16';
    r.work_region_code = '3301';
    const check = validateRecord(r);
    expect(errorAt(check, 'achievements.enterprise_services[0].served_on')?.message).toContain('YYYY-MM-DD');
    expect(errorAt(check, 'work_region_code')?.message).toContain('6 位数字');
  });

  it('reports a current_title of the wrong type', () => {
    const r = validRecord();
    r.current_title = '工程师';
    expect(errorAt(validateRecord(r), 'current_title')?.message).toContain('应为对象或空值 null');
  });
});

describe('validateRecord: contract checks', () => {
  it('rejects a date that does not exist, once', () => {
    const r = validRecord();
    r.achievements.contracts[1].signed_on = '2025-02-30';
    const check = validateRecord(r);
    expect(check.errors).toEqual([
      { path: 'achievements.contracts[1].signed_on', severity: 'error', message: '签订日期：2025-02-30 不是有效的日历日期' }
    ]);
  });

  it('rejects bad dates deep inside nested lists', () => {
    const r = validRecord();
    r.integrity.violations = [{ kind: '材料造假', decided_on: '2019-13-01', ban_until: '2023-02-29' }];
    const paths = validateRecord(r).errors.map((e) => e.path);
    expect(paths).toEqual(['integrity.violations[0].decided_on', 'integrity.violations[0].ban_until']);
  });

  it('rejects a duplicate registration_no on the second occurrence', () => {
    const r = validRecord();
    r.achievements.contracts[4].registration_no = r.achievements.contracts[1].registration_no;
    const check = validateRecord(r);
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0].path).toBe('achievements.contracts[4].registration_no');
    expect(check.errors[0].message).toContain('合同登记编号 "2020330106000123" 重复');
  });

  it('rejects two annual assessments or two continuing-education entries for one year', () => {
    const r = validRecord();
    r.annual_assessments.push({ year: 2024, result: 'competent' });
    r.continuing_education.push({ year: 2023, total_hours: 90, professional_hours: 60 });
    const check = validateRecord(r);
    expect(errorAt(check, 'annual_assessments[5].year')?.message).toContain('考核年度 2024 重复');
    expect(errorAt(check, 'continuing_education[4].year')?.message).toContain('继续教育年度 2023 重复');
  });

  it('rejects professional_hours above total_hours', () => {
    const r = validRecord();
    r.continuing_education[1].professional_hours = 100;
    const check = validateRecord(r);
    expect(errorAt(check, 'continuing_education[1].professional_hours')?.message).toBe(
      '专业科目学时 100 超过总学时 96（单位：学时），专业科目学时不得大于总学时'
    );
  });
});

describe('validateRecord: warnings', () => {
  it('warns about a date after the reference date without failing the record', () => {
    const r = validRecord();
    r.achievements.trainings[0].held_on = '2026-10-01';
    const check = validateRecord(r);
    expect(check.ok).toBe(true);
    expect(check.warnings).toEqual([
      {
        path: 'achievements.trainings[0].held_on',
        severity: 'warning',
        message: '举办日期 2026-10-01：日期晚于基准日 2026-09-30，不计入任何条件'
      }
    ]);
  });

  it('measures against the given reference date, inclusively', () => {
    const r = validRecord();
    expect(validateRecord(r, '2025-12-10').warnings).toHaveLength(0);
    expect(validateRecord(r, '2025-12-09').warnings.map((w) => w.path)).toEqual(['achievements.contracts[9].signed_on']);
  });
});

describe('validateRecord: never throws', () => {
  const inputs: unknown[] = [null, undefined, 42, 'record', [], [validRecord()], {}, { id: 7 }, { achievements: 'x' },
    { id: 'a', achievements: { contracts: [null, 1, 'x', { registration_no: 5 }] }, continuing_education: [null] }];
  it.each(inputs.map((input) => [JSON.stringify(input)?.slice(0, 40), input]))('%s', (_, input) => {
    const check = validateRecord(input);
    expect(check.ok).toBe(false);
    expect(check.errors.length).toBeGreaterThan(0);
    for (const e of check.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports a non-object input at the root with id null', () => {
    const check = validateRecord([1, 2]);
    expect(check.id).toBeNull();
    expect(check.errors).toEqual([{ path: '', severity: 'error', message: '申报人记录：应为对象，实际为 数组' }]);
  });

  it('keeps a string id even when the record is otherwise broken', () => {
    expect(validateRecord({ id: 'X-1' }).id).toBe('X-1');
  });
});

describe('validateBatch', () => {
  it('flags duplicate ids on the second and later occurrences only', () => {
    const a = validRecord();
    const b = validRecord();
    b.id = 'other';
    const checks = validateBatch([a, b, validRecord(), validRecord()]);
    expect(checks.map((c) => c.ok)).toEqual([true, true, false, false]);
    expect(checks[2].errors).toEqual([
      { path: 'id', severity: 'error', message: 'id 重复："HZ2026-062-0017" 已在第 1 条记录中出现，批次内 id 必须唯一' }
    ]);
  });

  it('checks every record independently, whatever their neighbours are', () => {
    const checks = validateBatch([null, validRecord(), 'x']);
    expect(checks.map((c) => c.ok)).toEqual([false, true, false]);
    expect(checks.map((c) => c.id)).toEqual([null, 'HZ2026-062-0017', null]);
  });
});
