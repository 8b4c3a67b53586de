// stdc eval as a stream: stdin ("-"), NDJSON and JSON arrays split as they arrive, --jobs with results in
// input order, repeated ids across the whole stream, and a JSON array that breaks off midway.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stdc } from './bin.ts';
import { IdIndex } from '../../src/cli/ids.ts';
import { generateApplicants } from '../../bench/generate.ts';

// Each test runs the binary several times: a few seconds on an idle machine, far more on this shared one at
// load 20–28 (tests timed out at 20 s there). An honest ceiling, not a wait.
const LIMIT = { timeout: 300_000 };

async function run(...argv: string[]) {
  return stdc(argv);
}

const tmp = mkdtempSync(join(tmpdir(), 'stdc-stream-'));
// 600 records, some messy, one id repeated far from its first use: more than two batches per worker
const records = generateApplicants(600, 77, true) as { id: string }[];
records.push({ ...records[10] });
const ndjson = join(tmp, 'batch.ndjson');
writeFileSync(ndjson, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
const array = join(tmp, 'batch.json');
writeFileSync(array, JSON.stringify(records, null, 2));

describe('stdc eval streaming', LIMIT, () => {
  it('NDJSON and a JSON array give the same output, in input order, one thread or three', async () => {
    const one = await run('eval', 'standards/2026', ndjson, '--format', 'csv');
    expect(one.code).toBe(1);
    const lines = one.out.trim().split('\r\n');
    expect(lines.at(-1)).toContain('id 重复');
    for (const args of [[array], [ndjson, '--jobs', '3'], [array, '--jobs', '2']]) {
      const r = await run('eval', 'standards/2026', ...args, '--format', 'csv');
      expect({ code: r.code, err: r.err }).toEqual({ code: one.code, err: one.err });
      expect(r.out).toBe(one.out);
    }
    const json = await run('eval', 'standards/2026', array, '--format', 'json', '--jobs', '2');
    expect(JSON.parse(json.out).results.map((x: { id: string }) => x.id)).toEqual(records.map((r) => (typeof r.id === 'string' ? r.id : null)));
  }, 300_000);

  it('reads stdin when the path is "-"', () => {
    const r = stdc(['eval', 'standards/2026', '-', '--format', 'csv'], { input: records.slice(0, 20).map((x) => JSON.stringify(x)).join('\n') });
    expect(r.out.trim().split('\r\n').length).toBeGreaterThan(20);
    expect([0, 1]).toContain(r.code);
  }, 30_000);

  it('a JSON array that breaks off: what came before is written, then exit 2', async () => {
    const f = join(tmp, 'broken.json');
    writeFileSync(f, JSON.stringify(records.slice(0, 3)).slice(0, -40));
    const r = await run('eval', 'standards/2026', f, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是有效的 JSON');
    expect(JSON.parse(r.out).results).toHaveLength(2);
    const g = join(tmp, 'garbage.json');
    writeFileSync(g, '[{"id":"a"} {"id":"b"}]');
    expect((await run('eval', 'standards/2026', g)).code).toBe(2);
    writeFileSync(g, '[{"id":"a"}] x');
    expect((await run('eval', 'standards/2026', g)).code).toBe(2);
    writeFileSync(g, ' [ ] ');
    const empty = await run('eval', 'standards/2026', g, '--format', 'json');
    expect({ code: empty.code, err: empty.err, results: JSON.parse(empty.out).results }).toEqual({ code: 0, err: '', results: [] });
    expect(await run('eval', 'standards/2026', g, '--format', 'json', '--explain')).toEqual({ code: 0, out: '[]\n', err: '' });
  });

  it('one thread and --jobs read NDJSON in the same shares and agree: broken lines, bytes that are not UTF-8, any line ends, ids repeated within a share', async () => {
    const l = (i: number) => JSON.stringify(records[i]);
    const parts: (string | Buffer)[] = [
      l(0), '\r\n', '{not json', '\n', '\n', l(1), '\r', l(0), '\n', Buffer.from([0x7b, 0xff, 0x7d]), '\n', l(2), '\r\n', '   ', '\n', l(2), '\n', l(3)
    ];
    const f = join(tmp, 'hostile.ndjson');
    writeFileSync(f, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    for (const format of ['csv', 'json', 'table']) {
      const one = await run('eval', 'standards/2026', f, '--format', format);
      expect(one.code).toBe(1);
      expect(one.err).toMatch(/^\d+ 条记录被拒绝/);
      const two = await run('eval', 'standards/2026', f, '--format', format, '--jobs', '2');
      expect(two).toEqual(one);
    }
    const csv = (await run('eval', 'standards/2026', f, '--format', 'csv', '--jobs', '2')).out;
    expect(csv).toContain('第 2 行不是有效的 JSON');
    expect(csv).toContain('第 6 行不是有效的 UTF-8 文本');
    expect(csv.match(/id 重复/g)).toHaveLength(2);
  }, 300_000);

  it('--jobs must be a small positive integer', async () => {
    expect((await run('eval', 'standards/2026', ndjson, '--jobs', '0')).code).toBe(2);
    expect((await run('eval', 'standards/2026', ndjson, '--jobs', 'x')).code).toBe(2);
  });
});

describe('IdIndex', () => {
  it('behaves as a Map from id to first index', () => {
    const ids = new IdIndex();
    const map = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const id = i % 3 ? `G${(i * 7919) % 5000}` : `编号${i % 700}`;
      expect(ids.get(id)).toBe(map.get(id));
      if (!map.has(id)) {
        map.set(id, i);
        ids.set(id, i);
      }
    }
    expect(ids.size).toBe(map.size);
    expect(ids.get('')).toBeUndefined();
  });
});
