// stdc diff and stdc nearest, in-process with captured output, on the hand-built pair and the 2026 set.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { applicant, NEW, OLD, W } from '../core/impact/fixture.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'stdc-impact-'));
const cohortFile = join(tmp, 'cohort.json');
writeFileSync(cohortFile, JSON.stringify([
  applicant({ id: 'P1', contracts: [450 * W], lectureHours: 20 }),
  applicant({ id: 'P4', contracts: [600 * W], lectureHours: 20 }),
  { ...applicant({ id: '=HYPERLINK("x")', contracts: [450 * W], lectureHours: 20 }) }
]));

describe('stdc diff', () => {
  it('table: the change list, the counts per level, each flip with its causes', async () => {
    const r = await run('diff', OLD, NEW, cohortFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain('· 助理研究员 业绩条件 A 促成技术合同成交额：门槛由 500万元 调整为 400万元');
    expect(r.out).toContain('· 助理研究员 业绩条件 B 合同项数：删除');
    expect(r.out).toMatch(/P1\s+助理研究员\s+不通过→通过\s+不通过（28）→ 通过（28）\s+A 促成技术合同成交额 450万元：原要求 >= 500万元（不满足），现要求 >= 400万元（满足）/);
    expect(r.out).not.toMatch(/^P4 /m);
  });

  it('csv: every applicant × level, formula-neutralised ids, Chinese headers', async () => {
    const r = await run('diff', OLD, NEW, cohortFile, '--format', 'csv');
    const lines = r.out.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('编号,评价级别,原结论,现结论,原路线,现路线,原积分,现积分,变化,原因');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^P1,助理研究员,不通过,通过,常规,常规,28,28,不通过→通过,/);
    expect(lines[2]).toBe('P4,助理研究员,通过,通过,常规,常规,34,34,,');
    expect(lines[3].startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
  });

  it('json: changes, summary and rows; a bad record is rejected with exit 1', async () => {
    const bad = join(tmp, 'bad.ndjson');
    writeFileSync(bad, JSON.stringify(applicant({ id: 'P1', contracts: [450 * W] })) + '\n{"id":"X"}\n');
    const r = await run('diff', OLD, NEW, bad, '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.changes.map((c: { kind: string }) => c.kind)).toEqual(['minimum', 'threshold', 'added', 'removed', 'removed']);
    expect(j.rows).toHaveLength(1);
    expect(j.rejected[0].id).toBe('X');
    expect(r.err).toContain('1 条记录被拒绝');
  });

  it('usage errors exit 2', async () => {
    expect((await run('diff', OLD, NEW)).code).toBe(2);
    expect((await run('diff', OLD, NEW, cohortFile, '--format', 'xml')).code).toBe(2);
    expect((await run('diff', OLD, join(tmp, 'missing'), cohortFile)).code).toBe(2);
  });
});

describe('stdc nearest', () => {
  it('table and csv: the nearest path for the applicant’s own level', async () => {
    const r = await run('nearest', NEW, cohortFile);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/P1\s+申请人P1\s+助理研究员\s+已通过/);
    const c = await run('nearest', 'standards/2026', 'standards/2026/samples/01-junior-minimal-pass.json', '--level', '助理研究员', '--format', 'csv');
    expect(c.out.split('\r\n')[0]).toBe('\ufeff编号,姓名,评价级别,状态,最少新增,新增金额（元）,新增学时');
    expect(c.out.split('\r\n')[1]).toMatch(/^S01,申请人01,助理研究员,(可达|不可达),/);
  });
});
