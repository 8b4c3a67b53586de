// Property-based fuzzing (fast-check) of the pipeline on hostile input: lexer → parser → checker → compiler →
// formatter on mutated and generated standard text, and the applicants' reader on hostile bytes cut into
// chunks at random. Shared by the bounded run in `npm test` (test/core/fuzz.test.ts) and `npm run fuzz`
// (scripts/fuzz.ts, for FUZZ_SECONDS).
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { analyze, compile, type Diagnostic } from '../../src/lib/core/index.ts';
import { formatSource } from '../../src/lib/core/fmt/index.ts';
import { validateBundle } from '../../src/lib/core/compile/validate-bundle.ts';
import { InputError, parseItem, readStream, readStreamShares, type InputItem } from '../../src/cli/applicants.ts';
import { shareItems } from '../../src/cli/shares.ts';
import { runFolds } from './folds.ts';

const dir = 'standards/2026';
const originals = readdirSync(dir)
  .filter((f) => f.endsWith('.std'))
  .sort()
  .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));

/** Pieces of the language and of known hostile input (every defect of issue 8 that text can carry). */
const SNIPPETS = [
  '{', '}', '(', ')', '[', ']', '：', '，', '且', '或', '非', '存在', '于', '其中', '取', '计数', '合计', '500万元', '3年', '"', '“', '”',
  '定义', '级别', '窗口', '=', '>=', '+', '-', '*', '.', '\n', '\r', '\r\n', '\t', '满', '近', '情形', '至少', '2026-02-30', '基准日',
  '导入 "x.std"', '导入 "../../etc/passwd"', '导入 "/etc/passwd"', '−', '?', '\u0000', '\u001b[2K', '\u202e', '\ufeff', '\ud800',
  '近 999999年', '满 300000年', '9'.repeat(400), '('.repeat(60), '非 '.repeat(150), '1分 + '.repeat(200), '§', '空', '是', '否'
];

const snippet = fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));

type Op = { kind: 'delete' | 'insert' | 'swap' | 'repeat'; at: number; to: number; text: string };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'swap', 'repeat'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  to: fc.double({ min: 0, max: 1, noNaN: true }),
  text: snippet
});

function apply(text: string, o: Op): string {
  const at = Math.floor(o.at * text.length);
  const to = Math.floor(o.to * text.length);
  switch (o.kind) {
    case 'delete':
      return text.slice(0, Math.min(at, to)) + text.slice(Math.max(at, to));
    case 'insert':
      return text.slice(0, at) + o.text + text.slice(at);
    case 'swap': {
      const lines = text.split('\n');
      const a = Math.floor(o.at * lines.length);
      const b = Math.floor(o.to * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'repeat':
      return text.slice(0, at) + o.text.repeat(1 + Math.floor(o.to * 50)) + text.slice(at);
  }
}

/** A standard set: the 2026 set with one file mutated, or one file of generated text. */
export const standardSet: fc.Arbitrary<{ path: string; text: string }[]> = fc.oneof(
  fc.record({ file: fc.nat({ max: originals.length - 1 }), ops: fc.array(op, { minLength: 1, maxLength: 6 }) }).map(({ file, ops }) =>
    originals.map((f, i) => (i === file ? { ...f, text: ops.reduce(apply, f.text) } : f))
  ),
  fc.array(snippet, { maxLength: 120 }).map((parts) => [{ path: 'soup.std', text: parts.join(' ') }]),
  fc.string({ unit: 'binary', maxLength: 400 }).map((text) => [{ path: 'random.std', text }])
);

function wellFormed(files: { path: string; text: string }[], ds: Diagnostic[]): void {
  for (const d of ds) {
    if (!/^[EW]\d{3}$/.test(d.code)) throw new Error(`bad code ${d.code}`);
    if (!/[\u4e00-\u9fff]/.test(d.message)) throw new Error(`message not in Chinese: ${d.message}`);
    const f = files.find((x) => x.path === d.file);
    if (!f) continue; // an import that does not exist
    const lines = f.text.split(/\r\n|\r|\n/).length; // the lexer, like the editor, ends lines at \r too
    if (!(d.line >= 1 && d.line <= lines && d.col >= 1)) throw new Error(`${d.code} outside its file at ${d.line}:${d.col}`);
  }
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Checker, compiler and formatter never throw; diagnostics are well-formed; a bundle is one the validator takes; fmt only moves white space and is idempotent. */
export const pipelineProperty = fc.property(standardSet, (files) => {
  const a = analyze(files);
  wellFormed(files, a.diagnostics);
  const c = compile(files);
  if (c.bundle) {
    const v = validateBundle(JSON.parse(JSON.stringify(c.bundle)));
    if (!v.ok) throw new Error(`compiled bundle rejected: ${v.errors.slice(0, 3).join('; ')}`);
  }
  for (const f of files) {
    const once = formatSource(f.text, f.path);
    if (once.diagnostics.some((d) => d.severity === 'error')) {
      if (once.text !== f.text) throw new Error('a file with errors was changed by fmt');
      continue;
    }
    if (squeeze(once.text) !== squeeze(f.text)) throw new Error('fmt changed more than white space');
    if (formatSource(once.text, f.path).text !== once.text) throw new Error('fmt is not idempotent');
  }
});

const enc = (s: string) => Buffer.from(s, 'utf8');

/** Hostile bytes for the applicants' reader: records, line ends, brackets, BOMs, invalid UTF-8, random bytes. */
export const inputBytes: fc.Arbitrary<Buffer> = fc
  .array(
    fc.oneof(
      fc.json({ maxDepth: 3 }).map(enc),
      fc.object({ maxDepth: 2 }).map((o) => enc(JSON.stringify(o))),
      fc.constantFrom('\n', '\r', '\r\n', '\ufeff', '{', '}', '[', ']', ',', '"', ' ', '\\', '{"record":{}}', '张三').map(enc),
      fc.constantFrom([0xff], [0xfe], [0xc3], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xd5, 0xc5]).map((b) => Buffer.from(b)),
      fc.uint8Array({ maxLength: 16 }).map((b) => Buffer.from(b))
    ),
    { maxLength: 40 }
  )
  .map((parts) => Buffer.concat(parts));

async function* chunks(bytes: Buffer, sizes: number[]) {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes.length ? sizes[i % sizes.length] : bytes.length;
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

/**
 * Chunks as the file reader gives them (RecyclingChunks): each in a buffer of its own, which `recycle` scribbles
 * over, as the reader's next read into it would. A share or line that still needed its bytes would show it.
 */
function recyclingChunks(bytes: Buffer, sizes: number[]) {
  const given = new Set<ArrayBufferLike>();
  return {
    recycle: (chunk: Uint8Array) => {
      if (given.has(chunk.buffer)) throw new Error('a chunk given back twice');
      given.add(chunk.buffer);
      new Uint8Array(chunk.buffer).fill(0xff);
    },
    async *[Symbol.asyncIterator]() {
      for await (const c of chunks(bytes, sizes)) yield new Uint8Array(c);
    }
  };
}

/**
 * What the reader makes of a stream: each item parsed (or its rejection), then an InputError's message if any.
 * `share`: NDJSON in shares of about that many bytes, each read as a --jobs worker reads it.
 */
async function outcome(bytes: Buffer, sizes: number[], share = 0): Promise<string[]> {
  const out: string[] = [];
  const put = (item: InputItem) => {
    const p = parseItem(item, 'x');
    out.push(p.error ?? JSON.stringify(p.record));
  };
  try {
    if (!share) for await (const item of readStream(chunks(bytes, sizes), 'x')) put(item);
    else for await (const item of readStreamShares(recyclingChunks(bytes, sizes), 'x', share)) for (const i of 'share' in item ? shareItems(item.share) : [item]) put(i);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    out.push(`InputError: ${e.message}`);
  }
  return out;
}

/**
 * The reader throws nothing but InputError, does not depend on how the bytes are cut nor on whether NDJSON is
 * read in shares (--jobs), and never makes U+FFFD.
 */
export const readerProperty = fc.asyncProperty(inputBytes, fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 6 }), fc.integer({ min: 1, max: 256 }), async (bytes, sizes, share) => {
  const whole = await outcome(bytes, []);
  const cut = await outcome(bytes, sizes);
  if (JSON.stringify(whole) !== JSON.stringify(cut)) throw new Error(`cut into ${sizes} gives ${JSON.stringify(cut)} instead of ${JSON.stringify(whole)}`);
  const shared = await outcome(bytes, sizes, share);
  if (JSON.stringify(whole) !== JSON.stringify(shared)) throw new Error(`cut into ${sizes}, in shares of ${share} bytes, gives ${JSON.stringify(shared)} instead of ${JSON.stringify(whole)}`);
  if (!bytes.includes(Buffer.from([0xef, 0xbf, 0xbd])) && whole.some((s) => s.includes('\ufffd'))) throw new Error('U+FFFD in the output');
});

/** NDJSON of any objects, with any line ends, gives back exactly those objects, in order. */
export const ndjsonProperty = fc.asyncProperty(
  fc.array(fc.object({ maxDepth: 2 }), { minLength: 2, maxLength: 12 }),
  fc.constantFrom('\n', '\r\n', '\r'),
  fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 6 }),
  async (records, eol, sizes) => {
    const bytes = enc(records.map((r) => JSON.stringify(r)).join(eol) + eol);
    const want = records.map((r) => JSON.stringify(JSON.parse(JSON.stringify(r))));
    for (const share of [0, 1, 100]) {
      const got = await outcome(bytes, sizes, share);
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`in shares of ${share} bytes, got ${JSON.stringify(got)}`);
    }
  }
);

/**
 * `weight`: the property's share of the time, against 1 for each other run. The standard text gets three: each
 * of its cases compiles a whole set (about 4 ms, where a reader's case takes about 0.1 ms), and it is the one
 * that has found crashes in 30-minute runs.
 */
export const PROPERTIES = [
  { name: 'checker, compiler and formatter on hostile standard text', property: pipelineProperty, weight: 3 },
  { name: 'applicants reader on hostile bytes cut at random', property: readerProperty, weight: 1 },
  { name: 'NDJSON round trip with any line ends', property: ndjsonProperty, weight: 1 }
] as const;

export interface FuzzRun {
  name: string;
  cases: number;
  failed: boolean;
  report: string;
}

/** The fold loops against json-logic-js (folds.ts), unfused and fused: runs of their own beside the properties. */
const FOLD_RUNS = [false, true].map((fuse) => ({ name: `fold loops against json-logic-js, ${fuse ? 'fused' : 'each its own loop'}`, fuse }));

/**
 * Runs every property and fold run for `ms` in all, shared by weight; `seed` makes a run repeatable. `folds: false`
 * leaves out the fold runs (npm test runs them in folds.test.ts, for a fixed number of rules).
 */
export async function fuzz(ms: number, seed: number, { folds = true } = {}): Promise<FuzzRun[]> {
  const runs: FuzzRun[] = [];
  const foldRuns = folds ? FOLD_RUNS : [];
  const unit = ms / (PROPERTIES.reduce((n, p) => n + p.weight, 0) + foldRuns.length);
  const slice = (weight: number) => Math.max(200, weight * unit); // each run's time: at least 200 ms
  for (const { name, property, weight } of PROPERTIES) {
    const params = { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: slice(weight), markInterruptAsFailure: false };
    const r = await fc.check(property as fc.IRawProperty<unknown>, params);
    runs.push({ name, cases: r.numRuns, failed: r.failed, report: r.failed ? fc.defaultReportMessage(r) ?? '' : '' });
  }
  for (const { name, fuse } of foldRuns) {
    const r = runFolds({ seed, fuse, ms: slice(1) });
    runs.push({ name, cases: r.cases, failed: r.failure !== null, report: r.failure ?? '' });
  }
  return runs;
}
