// The stdc command line, run as the prebuilt binary (bin/stdc.js → dist/cli/).
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import Ajv2020 from 'ajv/dist/2020.js';
import { stdc } from './bin.ts';

// Each test runs the binary several times: a few seconds on an idle machine, far more on this shared one at
// load 20–28 (tests timed out at 20 s there). An honest ceiling, not a wait.
const LIMIT = { timeout: 300_000 };

async function run(...argv: string[]) {
  return stdc(argv);
}

const tmp = mkdtempSync(join(tmpdir(), 'stdc-'));

describe('stdc', LIMIT, () => {
  it('check: clean set exits 0', async () => {
    const r = await run('check', 'standards/2026');
    expect(r.code).toBe(0);
    expect(r.err).toContain('0 个错误');
  });

  it('check: errors in GNU format, exit 1', async () => {
    const f = join(tmp, 'bad.std');
    writeFileSync(f, '标准集 "x" { 年度 2026 基准日 2026-09-30 }\n定义 a = achievements.contracts.amount_yuan >= 5学时\n');
    const r = await run('check', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.std:2:\d+: error E\d{3}: /);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('usage errors exit 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('eval', 'standards/2026')).code).toBe(2);
    expect((await run('eval', 'standards/2026', 'test/fixtures/mixed-batch.json', '--format', 'xml')).code).toBe(2);
    expect((await run('check', '/no/such/dir')).code).toBe(2);
    expect((await run('eval', 'standards/2026', 'test/fixtures/mixed-batch.json', '--level', '教授')).code).toBe(2);
  });

  it('build writes a bundle that plain json-logic-js runs', async () => {
    const out = join(tmp, 'bundle.json');
    const r = await run('build', 'standards/2026', '-o', out);
    expect(r.code).toBe(0);
    // The size it reports is the file's size in bytes (the bundle's Chinese takes 3 bytes a character in UTF-8).
    const size = statSync(out).size;
    expect(size).toBeGreaterThan(readFileSync(out, 'utf8').length);
    expect(r.err).toContain(`${size} 字节`);
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    const record = JSON.parse(readFileSync('test/fixtures/valid-record.json', 'utf8'));
    const verdicts = bundle.levels.map((l: { verdict: unknown }) => jsonLogic.apply(l.verdict as never, record));
    const ev = JSON.parse((await run('eval', out, 'test/fixtures/valid-record.json', '--format', 'json')).out).results;
    expect(ev[0].results.map((x: { verdict: string }) => x.verdict)).toEqual(verdicts);
  });

  it('for every sample, stdc eval agrees with plain json-logic-js on the stdc build bundle, which fits its schema', async () => {
    const out = join(tmp, 'bundle-all.json');
    expect((await run('build', 'standards/2026', '-o', out)).code).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    const { validateBundle } = await import('../../src/lib/core/compile/validate-bundle.ts');
    expect(validateBundle(bundle).ok).toBe(true);
    const { loadSamples } = await import('../../src/lib/core/node.ts');
    const samples = loadSamples('standards/2026');
    const ev = JSON.parse((await run('eval', out, 'standards/2026/samples', '--format', 'json')).out).results;
    expect(ev).toHaveLength(samples.length);
    samples.forEach((s, i) => {
      expect(ev[i].id).toBe((s.record as { id: string }).id);
      bundle.levels.forEach((l: { name: string; verdict: unknown; route: unknown; score: unknown }, k: number) => {
        const mine = ev[i].results[k];
        expect(mine.level).toBe(l.name);
        expect([mine.verdict, mine.route, mine.score]).toEqual([
          jsonLogic.apply(l.verdict as never, s.record as never),
          jsonLogic.apply(l.route as never, s.record as never),
          jsonLogic.apply(l.score as never, s.record as never)
        ]);
      });
    });
  });

  it('eval --format json: compact, fits its schema; input order, results or errors per record, exit 1 when some are rejected', async () => {
    const r = await run('eval', 'standards/2026', 'test/fixtures/mixed-batch.json', '--format', 'json');
    expect(r.code).toBe(1);
    const input = JSON.parse(readFileSync('test/fixtures/mixed-batch.json', 'utf8'));
    const doc = JSON.parse(r.out);
    const validate = new Ajv2020({ allErrors: true, strict: true, strictTuples: false }).compile(JSON.parse(readFileSync('docs/eval-compact.schema.json', 'utf8')));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc.dictionary.levels.map((l: { name: string }) => l.name)).toEqual(['研究实习员', '助理研究员', '副研究员', '研究员']);
    // per applicant only what differs: far smaller than the dictionary, which is written once
    expect(JSON.stringify(doc.results[0]).length * 3).toBeLessThan(JSON.stringify(doc.dictionary).length);
    const out = doc.results;
    expect(out.map((x: { id: string }) => x.id)).toEqual(input.map((x: { id: string }) => x.id));
    const rejected = out.filter((x: { errors?: unknown }) => x.errors);
    expect(rejected.length).toBe(3);
    for (const x of rejected) expect(x.errors[0]).toEqual({ path: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    for (const x of out.filter((x: { results?: unknown }) => x.results)) {
      expect(x.results.map((l: { level: string }) => l.level)).toEqual(['研究实习员', '助理研究员', '副研究员', '研究员']);
      for (const l of x.results) {
        expect(['pass', 'fail', 'ineligible']).toContain(l.verdict);
        expect(typeof l.score).toBe('number');
      }
      // one result per slot the dictionary names, each gate of a level among them
      const dl = doc.dictionary.levels;
      const slots = new Set(dl.flatMap((l: { gates: { rules: { slot: number }[] } }) => l.gates.rules.map((r) => r.slot)));
      expect(dl[0].gates.rules.length).toBe(6);
      for (const s of slots) expect(x.rules[s as number]).toEqual([expect.any(Number), expect.any(Array)]);
      expect(x.components.length).toBe(dl[0].scoring.components.length);
    }
    // a schema that can fail: a result without its rules does not fit
    delete doc.results.find((x: { results?: unknown }) => x.results).rules;
    expect(validate(doc)).toBe(false);
  });

  it('eval --format json --explain: the full explanation of every level, with its tree', async () => {
    const r = await run('eval', 'standards/2026', 'test/fixtures/valid-record.json', '--format', 'json', '--explain', '--level', '副研究员');
    expect(r.code).toBe(0);
    const [one] = JSON.parse(r.out);
    expect(one.results[0].gates[0]).toMatchObject({ id: 'G1', label: expect.any(String), held: true, figures: expect.any(Array), at: expect.stringMatching(/common\.std:\d+:\d+/) });
    expect(one.results[0].explanation.children.length).toBeGreaterThanOrEqual(4);
  });

  it('eval: a valid batch exits 0; --level filters; csv has a header and a row per level', async () => {
    const json = await run('eval', 'standards/2026', 'test/fixtures/valid-record.json', '--format', 'json', '--level', '副研究员');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).results[0].results.map((l: { level: string }) => l.level)).toEqual(['副研究员']);
    const csv = await run('eval', 'standards/2026', 'test/fixtures/mixed-batch.json', '--format', 'csv');
    const lines = csv.out.replace(/^\ufeff/, '').trim().split(/\r\n/);
    expect(lines[0]).toBe('编号,姓名,申报级别,评价级别,结论,路线,积分,未满足的条件,提示');
    expect(lines.length).toBe(1 + 3 * 4 + 3);
  });

  it('eval: CSV in Chinese words by default, machine codes with --codes; JSON keeps codes with labels beside', async () => {
    const batch = ['01-junior-minimal-pass.json', '51-gate-blacklisted.json', '30-senior-direct-national-rank-5.json']
      .map((f) => JSON.parse(readFileSync(`standards/2026/samples/${f}`, 'utf8')).record);
    const f = join(tmp, 'words.json');
    writeFileSync(f, JSON.stringify(batch));
    const cells = (out: string) => out.replace(/^\ufeff/, '').trim().split(/\r\n/).slice(1).map((l) => l.split(','));
    const zh = cells((await run('eval', 'standards/2026', f, '--format', 'csv')).out);
    const codesOut = (await run('eval', 'standards/2026', f, '--format', 'csv', '--codes')).out;
    const codes = cells(codesOut);
    expect(new Set(zh.map((c) => c[4]))).toEqual(new Set(['通过', '不通过', '不符合申报资格']));
    expect(new Set(zh.map((c) => c[5]))).toEqual(new Set(['常规', '直接申报', '']));
    expect(new Set(codes.map((c) => c[4]))).toEqual(new Set(['pass', 'fail', 'ineligible']));
    expect(new Set(codes.map((c) => c[5]))).toEqual(new Set(['regular', 'direct', '']));
    // Ineligible: no route and no score, in both.
    for (const rows of [zh, codes]) {
      for (const c of rows.filter((x) => x[0] === 'S51')) expect([c[5], c[6]]).toEqual(['', '']);
    }
    const head = codesOut.replace(/^\ufeff/, '').split('\r\n')[0];
    expect(head).toBe('id,name,target_level,level,verdict,route,score,reasons,warnings');
    // Compact JSON: the labels once, in the dictionary, beside the codes of every result.
    const compact = JSON.parse((await run('eval', 'standards/2026', f, '--format', 'json')).out);
    expect(compact.dictionary.labels).toEqual({ verdict: { pass: '通过', fail: '不通过', ineligible: '不符合申报资格' }, route: { regular: '常规', direct: '直接申报' } });
    expect(compact.results.find((r: { id: string }) => r.id === 'S51').results[0]).toMatchObject({ verdict: 'ineligible', route: null, score: null });
    // Full JSON (--explain): the labels beside the codes of each level.
    const json = JSON.parse((await run('eval', 'standards/2026', f, '--format', 'json', '--explain')).out);
    const s51 = json.find((r: { id: string }) => r.id === 'S51').results[0];
    expect(s51).toMatchObject({ verdict: 'ineligible', verdictLabel: '不符合申报资格', route: null, routeLabel: null, score: null });
    const s30 = json.find((r: { id: string }) => r.id === 'S30').results.find((l: { level: string }) => l.level === '研究员');
    expect(s30).toMatchObject({ verdict: 'pass', verdictLabel: '通过', route: 'direct', routeLabel: '直接申报' });
  }, 90_000);

  it('eval: the default table is for a person, with Chinese headers', async () => {
    const r = await run('eval', 'standards/2026', 'test/fixtures/mixed-batch.json');
    expect(r.out.split('\n')[0]).toMatch(/^编号\s+姓名\s+申报级别\s+评价级别\s+结论\s+路线\s+积分$/);
    expect(r.out).toContain('记录有误');
    const explained = await run('eval', 'standards/2026', 'test/fixtures/valid-record.json', '--explain', '--level', '副研究员');
    expect(explained.out).toContain('业绩量化积分');
    expect(explained.out).toMatch(/common\.std:\d+/);
  });

  it('eval: record warnings (a date after the 基准日) reach the table and the CSV', async () => {
    const record = JSON.parse(readFileSync('test/fixtures/valid-record.json', 'utf8'));
    record.achievements.trainings[0].held_on = '2026-10-05';
    const f = join(tmp, 'future.json');
    writeFileSync(f, JSON.stringify([record]));
    const t = await run('eval', 'standards/2026', f, '--level', '副研究员');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/⚠ achievements\.trainings\[0\]\.held_on：.*晚于基准日/);
    const c = await run('eval', 'standards/2026', f, '--format', 'csv');
    expect(c.out.split('\r\n')[1]).toMatch(/held_on: .*晚于基准日/);
  });

  it('eval: NDJSON with a broken line rejects that line only', async () => {
    const f = join(tmp, 'batch.ndjson');
    const rec = readFileSync('test/fixtures/valid-record.json', 'utf8').replace(/\s*\n\s*/g, ' ');
    writeFileSync(f, `${rec}\n{not json\n${rec.replace('"HZ2026-062-0017"', '"OTHER"')}\n`);
    const r = await run('eval', 'standards/2026', f, '--format', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out).results;
    expect(out.length).toBe(3);
    expect(out[1].errors[0].message).toContain('第 2 行');
    expect(out[2].results).toHaveLength(4);
  });

  it('eval: a broken standard exits 2', async () => {
    const d = mkdtempSync(join(tmpdir(), 'stdc-bad-'));
    writeFileSync(join(d, 'a.std'), '级别 {');
    expect((await run('eval', d, 'test/fixtures/valid-record.json')).code).toBe(2);
    const b = join(tmp, 'not-bundle.json');
    writeFileSync(b, '{"format":"nope"}');
    expect((await run('eval', b, 'test/fixtures/valid-record.json')).code).toBe(2);
  });

  it('test: passes on the 2026 samples and fails when an expectation is wrong', async () => {
    const ok = await run('test', 'standards/2026');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/\d+ 个样例通过，0 个失败/);
    const d = mkdtempSync(join(tmpdir(), 'stdc-test-'));
    for (const f of ['common.std', '副研究员.std']) writeFileSync(join(d, f), readFileSync(`standards/2026/${f}`, 'utf8'));
    const sample = JSON.parse(readFileSync('standards/2026/samples/' + (await import('node:fs')).readdirSync('standards/2026/samples')[0], 'utf8'));
    const was = sample.expected['副研究员'].verdict;
    sample.expected['副研究员'].verdict = was === 'pass' ? 'fail' : 'pass';
    (await import('node:fs')).mkdirSync(join(d, 'samples'));
    writeFileSync(join(d, 'samples', 'x.json'), JSON.stringify(sample));
    const bad = await run('test', d);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('0 个样例通过，1 个失败');
    // The failure in the clerk's words, not codes.
    const words = { pass: '通过', fail: '不通过' } as Record<string, string>;
    expect(bad.out).toContain(`副研究员：预期 ${words[was === 'pass' ? 'fail' : 'pass']}，实际 ${words[was]}`);
    expect(bad.out).not.toMatch(/\b(pass|fail)\b/);
  });

  it('fmt --check: the 2026 set is formatted; a messy file is not', async () => {
    expect((await run('fmt', '--check', 'standards/2026')).code).toBe(0);
    const f = join(tmp, 'messy.std');
    writeFileSync(f, '标准集 "x" {\n年度 2026\n      基准日 2026-09-30\n}\n\n\n\n定义 a = 1   \n');
    expect((await run('fmt', '--check', f)).code).toBe(1);
    expect((await run('fmt', f)).code).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe('标准集 "x" {\n  年度 2026\n  基准日 2026-09-30\n}\n\n定义 a = 1\n');
  });
});
