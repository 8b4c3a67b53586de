// Runs of results (evaluate-items.ts pack) travel as UTF-8 bytes and are written as they are: what reaches the
// output must be the records' texts, in order, whole, with the records written around a run (a repeated id's
// rejection) in their places — whether the output takes bytes (stdout) or only text (a test's or a caller's Io).
import { describe, expect, it } from 'vitest';
import { pack, type Done, type EvalSetup } from '../../src/cli/evaluate-items.ts';
import { Sink } from '../../src/cli/sink.ts';
import type { Io } from '../../src/cli/main.ts';
import { csvHead } from '../../src/cli/output.ts';

const record = (k: number, text: string): Done => ({ parsed: true, id: `Q${k}`, ok: true, rejected: false, name: `张${k}`, target: '副研究员', text });
// texts with characters of 1 to 4 UTF-8 bytes, so that a byte offset taken for a character offset shows
const texts = ['Q0,张三,副研究员,通过\r\n', 'Q1,李四 😀,研究员,不通过\r\n', 'Q2,王五,é,\r\n', 'Q3,赵六,研究员,通过\r\n'];

async function written(format: 'csv' | 'json', withBytes: boolean): Promise<{ text: string; bytesCalls: number }> {
  let text = '';
  let bytesCalls = 0;
  const io: Io = { out: (s) => (text += s), err: () => {} };
  if (withBytes) io.bytes = (b) => ((bytesCalls += 1), (text += new TextDecoder().decode(b)));
  const setup = { format, explain: true, bundle: null, path: 'x' } as unknown as EvalSetup;
  const sink = new Sink(io, setup);
  const run = pack(texts.map((t, k) => record(k, format === 'json' ? JSON.stringify(t) : t)), format);
  // records 0 and 2..3 from the run, record 1 replaced by another text (as a repeated id is)
  await sink.writeRun(run, 0, 1);
  await sink.write({ ...record(1, format === 'json' ? JSON.stringify('替换') : '替换\r\n') });
  await sink.writeRun(run, 2, 4);
  await sink.end(true);
  return { text, bytesCalls };
}

describe('a run of results written as bytes', () => {
  it('gives the records’ texts in order, cut at record boundaries however many bytes a character takes (CSV)', async () => {
    const expected = csvHead(false) + texts[0] + '替换\r\n' + texts[2] + texts[3];
    const bytes = await written('csv', true);
    expect(bytes.text).toBe(expected);
    expect(bytes.bytesCalls).toBeGreaterThan(0);
    expect((await written('csv', false)).text).toBe(expected);
  });

  it('keeps a JSON array valid around the records written in between', async () => {
    for (const withBytes of [true, false]) {
      const { text } = await written('json', withBytes);
      expect(JSON.parse(text)).toEqual([texts[0], '替换', texts[2], texts[3]]);
    }
  });

  it('packs a buffer of its own, transferable to another thread', () => {
    const run = pack([record(0, texts[1])], 'csv');
    const other = pack([record(0, texts[2])], 'csv');
    // not a slice of Node's shared pool: the buffer holds this run only (a transfer would detach the pool)
    expect(run.bytes.byteOffset).toBe(0);
    expect(run.bytes.buffer).not.toBe(other.bytes.buffer);
    expect(run.ends[0]).toBe(Buffer.byteLength(texts[1]));
    const { port1, port2 } = new MessageChannel();
    try {
      port1.postMessage(run.bytes, [run.bytes.buffer as ArrayBuffer]);
      expect(run.bytes.byteLength).toBe(0); // detached: it moved, it was not copied
    } finally {
      port1.close();
      port2.close();
    }
  });
});

describe('runs of any text, written around records in between', () => {
  it('give the bytes of the texts in order (fast-check: any Unicode, lone surrogates included; random cuts)', async () => {
    const fc = (await import('fast-check')).default;
    const encoder = new TextEncoder();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.boolean(),
        async (items, cutSeeds, withBytes) => {
          const chunks: Uint8Array[] = [];
          const io: Io = { out: (s) => void chunks.push(encoder.encode(s)), err: () => {} };
          if (withBytes) io.bytes = (b) => void chunks.push(b.slice());
          const sink = new Sink(io, { format: 'csv', explain: false, bundle: null, path: 'x', codes: true } as unknown as EvalSetup);
          const run = pack(items.map((t, k) => record(k, t)), 'csv');
          // records at the cuts are replaced by another text, as a repeated id's rejection is
          const cuts = [...new Set(cutSeeds.map((c) => c % items.length))].sort((a, b) => a - b);
          let expected = csvHead(true);
          let from = 0;
          for (const k of cuts) {
            await sink.writeRun(run, from, k);
            await sink.write(record(k, `<${k}>`));
            expected += items.slice(from, k).join('') + `<${k}>`;
            from = k + 1;
          }
          await sink.writeRun(run, from, items.length);
          expected += items.slice(from).join('');
          await sink.end(true);
          const got = Buffer.concat(chunks);
          // lone surrogates become U+FFFD in UTF-8, whether the text is encoded here or on its way to stdout
          return Buffer.compare(got, Buffer.from(encoder.encode(expected))) === 0;
        }
      ),
      { numRuns: 300, seed: 20261208 }
    );
  });
});
