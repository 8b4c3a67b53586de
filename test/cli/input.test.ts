// The applicants' reader on hostile input: lines of any length in linear time, a broken first line or CR-only
// line ends rejecting only their line, invalid UTF-8 (or a GBK file) an error with its position, never U+FFFD,
// and a record that holds a "record" key read as the record it is.
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, parseItem, readApplicants, type InputItem } from '../../src/cli/applicants.ts';
import { textChunks, textLines } from '../../src/cli/input-bytes.ts';

const tmp = mkdtempSync(join(tmpdir(), 'stdc-input-'));
const record = JSON.parse(readFileSync('test/fixtures/valid-record.json', 'utf8'));
const line = (id: string) => JSON.stringify({ ...record, id });
let n = 0;

async function read(content: string | Buffer): Promise<InputItem[]> {
  const f = join(tmp, `in-${n++}`);
  writeFileSync(f, content);
  const out: InputItem[] = [];
  for await (const item of readApplicants(f)) out.push(item);
  return out;
}

const parsed = (items: InputItem[]) => items.map((i) => parseItem(i, 'x'));
const ids = (items: InputItem[]) => parsed(items).map((p) => (p.error ? `!${p.error}` : (p.record as { id: string }).id));

async function* chunked(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('applicants reader', () => {
  it('a 16 MB line is read in linear time (the old reader took about 14 s of CPU for it)', async () => {
    const big = JSON.stringify({ ...record, name: 'x'.repeat(16 << 20) });
    const t = process.cpuUsage();
    const items = await read(`${big}\n${line('B')}\n`);
    const u = process.cpuUsage(t);
    expect(items).toHaveLength(2);
    expect((items[0] as { text: string }).text.length).toBe(big.length);
    expect((u.user + u.system) / 1000).toBeLessThan(4000);
  }, 60_000);

  it('a broken first line is rejected alone, with its number; the batch goes on', async () => {
    const items = await read(`{not json\n${line('A')}\n${line('B')}\n`);
    const r = ids(items);
    expect(r[0]).toMatch(/^!第 1 行不是有效的 JSON/);
    expect(r.slice(1)).toEqual(['A', 'B']);
    // two broken lines first: still NDJSON
    const two = ids(await read(`{not\n{json\n${line('A')}\n`));
    expect([two[0].startsWith('!第 1 行'), two[1].startsWith('!第 2 行'), two[2]]).toEqual([true, true, 'A']);
  });

  it('lines are numbered from the file\'s first line, blank lines included', async () => {
    const r = ids(await read(`\n\n${line('A')}\n{oops\n`));
    expect(r[1]).toMatch(/^!第 4 行/);
  });

  it('CR-only and mixed line ends split lines (a CR at the end of one chunk, its LF in the next)', async () => {
    expect(ids(await read(`${line('A')}\r${line('B')}\r{bad\r${line('C')}`))).toEqual(['A', 'B', '!第 3 行不是有效的 JSON', 'C']);
    const lines: { line: number; text?: string }[] = [];
    for await (const l of textLines(chunked(Buffer.from('a\r\nb\r\rc\nd'), 2))) lines.push(l as { line: number; text: string });
    expect(lines).toEqual([{ line: 1, text: 'a' }, { line: 2, text: 'b' }, { line: 4, text: 'c' }, { line: 5, text: 'd' }]);
  });

  it('invalid UTF-8 rejects its line with the position; "Q\\xff" and "Q\\xfe" do not collide as U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from(`${line('X')}\n{"id":"Q`), Buffer.from([0xff]), Buffer.from('"}\n{"id":"Q'), Buffer.from([0xfe]), Buffer.from(`"}\n${line('Y')}\n`)]);
    const r = ids(await read(bytes));
    expect(r[0]).toBe('X');
    expect(r[1]).toMatch(/^!第 2 行不是有效的 UTF-8 文本（第 2 行第 9 列，第 \d+ 字节）/);
    expect(r[2]).toMatch(/^!第 3 行不是有效的 UTF-8/);
    expect(r[3]).toBe('Y');
    expect(r.join()).not.toContain('\ufffd');
  });

  it('a GBK file: a clear Chinese error that names GBK and asks for UTF-8', async () => {
    // GBK bytes of 张 and 三 (the records are otherwise ASCII)
    const gbk = (s: string) => Buffer.from([...s].flatMap((ch) => (ch === '张' ? [0xd5, 0xc5] : ch === '三' ? [0xc8, 0xfd] : [ch.charCodeAt(0)])));
    const a = { id: 'A', name: 'Li' };
    const b = { id: 'B', name: '张三' };
    const array = gbk(JSON.stringify([a, b]));
    await expect(read(array)).rejects.toThrow(InputError);
    await expect(read(array)).rejects.toThrow(/第 2 个元素不是有效的 UTF-8 文本（第 1 行第 43 列，第 43 字节）：看起来是 GBK（GB18030）编码，请另存为 UTF-8/);
    const nd = ids(await read(gbk(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`)));
    expect(nd[0]).toBe('A');
    expect(nd[1]).toMatch(/第 2 行不是有效的 UTF-8.*GBK/);
    // one document
    await expect(read(gbk(JSON.stringify(b, null, 2)))).rejects.toThrow(/第 3 行第 12 列.*GBK/);
  });

  it('a character cut between two chunks is decoded whole; a truncated one at the end is an error', async () => {
    const text = JSON.stringify([{ ...record, name: '张三李四' }]);
    for (const size of [1, 2, 3, 5, 7]) {
      let out = '';
      for await (const t of textChunks(chunked(Buffer.from(text), size))) out += t;
      expect(out).toBe(text);
    }
    const cut = Buffer.from('["张').subarray(0, 3);
    await expect((async () => { for await (const _ of textChunks(chunked(cut, 1))) {} })()).rejects.toThrow('invalid UTF-8');
  });

  it('a record holding a "record" key is a record (validated as such); only a sample file is unwrapped', async () => {
    const [item] = await read(JSON.stringify({ ...record, record: { id: 'inner' } }, null, 2));
    expect((item as { record: { id: string } }).record.id).toBe(record.id);
    const [sample] = await read(JSON.stringify({ description: 'd', record, expected: {} }, null, 2));
    expect((sample as { record: { id: string } }).record.id).toBe(record.id);
  });

  it('a BOM before NDJSON or an array is skipped', async () => {
    expect(ids(await read(`\ufeff${line('A')}\n${line('B')}\n`))).toEqual(['A', 'B']);
    expect(ids(await read(`\ufeff[${line('A')}]`))).toEqual(['A']);
  });
});

// Found by the fuzzer (test/fuzz/properties.ts): the outcome must not depend on how the bytes are cut.
describe('applicants reader, however the bytes are cut', () => {
  async function outcome(bytes: Buffer, size: number): Promise<string[]> {
    const { readStream } = await import('../../src/cli/applicants.ts');
    const out: string[] = [];
    try {
      for await (const item of readStream(chunked(bytes, size), 'x')) {
        const p = parseItem(item, 'x');
        out.push(p.error ?? JSON.stringify(p.record));
      }
    } catch (e) {
      out.push(`InputError ${(e as Error).message}`);
    }
    return out;
  }
  for (const [what, hex] of [
    ['an element, then junk after the array', '5b5b5d5d7b'],
    ['a BOM cut into single bytes', 'efbbbf5b5d'],
    ['an invalid byte after CR LF (its column)', '0d0a5b5dff7b7d'],
    ['an invalid byte after a lone CR (its line)', '5b0deda080'],
    ['GBK bytes after the array', '5b5df4908080']
  ] as const) {
    it(what, async () => {
      const bytes = Buffer.from(hex, 'hex');
      const whole = await outcome(bytes, bytes.length);
      for (const size of [1, 2, 3]) expect(await outcome(bytes, size)).toEqual(whole);
    });
  }
});

describe('shares for --jobs', () => {
  it('are whole lines, numbered on from the shares before, over buffers given back by the workers', async () => {
    const { byteShares, giveBack, shareItems } = await import('../../src/cli/shares.ts');
    const text = `${line('A')}\r\n\n${line('B')}\r${line('C')}\n`;
    const spare = new ArrayBuffer(1 << 12);
    giveBack(spare);
    const shares = [];
    for await (const s of byteShares(chunked(Buffer.from(text), 7), 64)) shares.push(s);
    expect(shares.length).toBeGreaterThan(1);
    expect(shares[0].bytes.buffer).toBe(spare); // reused, not a fresh buffer outside the heap
    expect(Buffer.concat(shares.map((s) => s.bytes)).toString()).toBe(text);
    const items = shares.flatMap((s) => [...shareItems(s)]) as { line: number; text: string }[];
    expect(items.map((i) => [i.line, JSON.parse(i.text).id])).toEqual([[1, 'A'], [3, 'B'], [4, 'C']]);
  });
});

describe('a file read in shares', () => {
  it('is read whole through buffers that are reused once copied: lines of every length, across megabyte reads', async () => {
    const { shareItems } = await import('../../src/cli/shares.ts');
    // lines from a few bytes to two megabytes, with Chinese (3-byte) text, so that lines and characters are cut
    // by the file's megabyte reads at every kind of place; 4.5 MB in all
    const lengths = [10, 3000, 700_000, 5, 2_100_000, 1, 400_000, 90_000, 1_000_000, 200_000, 12];
    const records = lengths.map((len, i) => ({ id: `R${i}`, name: '张'.repeat(len % 1000), pad: '技'.repeat(Math.floor(len / 3)) }));
    const f = join(tmp, `big-${n++}.ndjson`);
    writeFileSync(f, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const got: unknown[] = [];
    for await (const item of readApplicants(f, true)) for (const i of 'share' in item ? shareItems(item.share) : [item]) got.push(parseItem(i, f).record);
    expect(got).toEqual(records);
  });

  it('closes the file however reading ends: a reader that stops early, a file of white space, a broken array', async () => {
    if (!existsSync('/proc/self/fd')) return; // Linux only: the open files are read from /proc
    const open = (f: string) => readdirSync('/proc/self/fd').some((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === f;
      } catch {
        return false; // closed meanwhile
      }
    });
    const big = join(tmp, `early-${n++}.ndjson`);
    writeFileSync(big, `${line('A')}\n`.repeat(3000)); // several megabytes: reading is not over after one chunk
    for await (const item of readApplicants(big, true)) {
      expect(open(big)).toBe(true);
      void item;
      break;
    }
    const blank = join(tmp, `blank-${n++}.ndjson`);
    writeFileSync(blank, ' \n'.repeat(10));
    for await (const item of readApplicants(blank, true)) void item;
    const broken = join(tmp, `broken-${n++}.json`);
    writeFileSync(broken, `[${line('A')},{"id":`);
    await expect((async () => {
      for await (const item of readApplicants(broken, true)) void item;
    })()).rejects.toThrow(InputError);
    await new Promise((r) => setImmediate(r));
    expect([big, blank, broken].filter(open)).toEqual([]);
  });
});

