// The `stdc` command line: argument parsing and output only; all the work is the core's.
import { existsSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors, type Bundle, type Diagnostic } from '../lib/core/index.ts';
import { diskResolverWithin, loadStandardSet, readSampleFiles, readStandardFiles, readTextFile, unreadableReason } from '../lib/core/node.ts';
import { validateBundle } from '../lib/core/compile/validate-bundle.ts';
import { formatSource } from '../lib/core/fmt/index.ts';
import { renameToChinese } from '../lib/core/fmt/names.ts';
import type { Done, EvalSetup, Format } from './evaluate-items.ts';
import type { Workers } from './jobs.ts';
import { USAGE, UsageError } from './usage.ts';
// Each verb's own modules are imported when it runs (below): a cold `stdc check` does not load the evaluator's
// input and output, the impact analysis, signatures (node:crypto) or the --jobs workers (node:worker_threads).

export interface Io {
  out: (s: string) => void;
  /** Output already in UTF-8 (a run of results); without it, such output is decoded and given to `out`. */
  bytes?: (b: Uint8Array) => void;
  err: (s: string) => void;
  /** Resolves when what was written has been taken (stdout's buffer drained): streaming output waits for it. */
  drain?: () => Promise<void>;
}

let stdoutFull = false;
const stdio: Io = {
  out: (s) => {
    if (!process.stdout.write(s)) stdoutFull = true;
  },
  bytes: (b) => {
    if (!process.stdout.write(b)) stdoutFull = true;
  },
  err: (s) => process.stderr.write(s),
  drain: () => {
    if (!stdoutFull) return Promise.resolve();
    return new Promise((resolve) =>
      process.stdout.once('drain', () => {
        stdoutFull = false;
        resolve();
      })
    );
  }
};

/** `stdc eval … | head`: the reader went away, so there is no one left to tell; stop quietly. */
function quietOnBrokenPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  if (io === stdio) quietOnBrokenPipe();
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check': return check(rest, io);
      case 'build': return build(rest, io);
      case 'eval': return await evaluate(rest, io);
      case 'test': return await test(rest, io);
      case 'fmt': return fmt(rest, io);
      case 'pull': return await (await import('./pull.ts')).pull(rest, io);
      case 'verify': return (await import('./verify.ts')).verifyCommand(rest, io);
      case 'diff': case 'nearest': return await impactCommand(command, rest, io);
      case undefined: case '-h': case '--help': case 'help':
        io.out(USAGE + '\n');
        return command ? 0 : 2;
      default:
        throw new UsageError(`未知命令“${command}”`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`stdc: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

function args(argv: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options'] = {}) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

function mustExist(path: string): void {
  if (!existsSync(path)) throw new UsageError(`找不到“${path}”`);
}

function printDiagnostics(ds: Diagnostic[], io: Io): void {
  for (const d of ds) io.err(formatDiagnostic(d) + '\n');
}

function summary(ds: Diagnostic[]): string {
  const e = ds.filter((d) => d.severity === 'error').length;
  const w = ds.filter((d) => d.severity === 'warning').length;
  return `${e} 个错误，${w} 个警告`;
}

function check(argv: string[], io: Io): number {
  const { positionals } = args(argv);
  if (!positionals.length) throw new UsageError('check 需要至少一个文件或目录');
  let failed = false;
  for (const p of positionals) {
    mustExist(p);
    const set = loadStandardSet(p);
    printDiagnostics(set.diagnostics, io);
    io.err(`${p}：${summary(set.diagnostics)}\n`);
    failed ||= hasErrors(set.diagnostics);
  }
  return failed ? 1 : 0;
}

function build(argv: string[], io: Io): number {
  const { positionals, values } = args(argv, { output: { type: 'string', short: 'o' } });
  if (positionals.length !== 1) throw new UsageError('build 需要一个标准目录');
  mustExist(positionals[0]);
  const set = loadStandardSet(positionals[0]);
  printDiagnostics(set.diagnostics, io);
  if (!set.bundle) {
    io.err(`编译失败：${summary(set.diagnostics)}\n`);
    return 1;
  }
  const text = JSON.stringify(set.bundle) + '\n';
  if (values.output) {
    const problem = writeAtomically(values.output as string, text);
    if (problem) {
      io.err(`stdc: 无法写入“${values.output}”：${problem}\n`);
      return 2;
    }
    io.err(`已写入 ${values.output}（${set.bundle.levels.length} 个级别，${Buffer.byteLength(text, 'utf8')} 字节）\n`);
  } else io.out(text);
  return 0;
}

/**
 * Writes a file whole or not at all: to a temporary file next to it, then renamed over it (a folder that does not
 * exist yet is made). The reason in Chinese when it cannot be written, else null.
 */
function writeAtomically(path: string, text: string): string | null {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path) && statSync(path).isDirectory()) return '这是一个目录';
    // the file keeps its permissions (the temporary one would get the default ones)
    writeFileSync(tmp, text, existsSync(path) ? { mode: statSync(path).mode & 0o7777 } : {});
    renameSync(tmp, path);
    return null;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {}
    const code = (e as { code?: string }).code;
    return code === 'EEXIST' || code === 'ENOTDIR' ? '路径中有同名的文件，不是目录' : unreadableReason(path, e).replace('读取', '写入');
  }
}

function loadBundle(path: string, io: Io): Bundle | null {
  mustExist(path);
  if (statSync(path).isFile() && path.endsWith('.json')) {
    const read = readTextFile(path, path);
    if ('diagnostic' in read) {
      printDiagnostics([read.diagnostic], io);
      return null;
    }
    let data: unknown;
    try {
      data = JSON.parse(read.text);
    } catch (e) {
      io.err(`${path}: error E020: 不是有效的 JSON：${(e as Error).message}\n`);
      return null;
    }
    const v = validateBundle(data);
    if (!v.ok) {
      io.err(`${path}: error E021: 不是有效的 bundle：\n  ${v.errors.join('\n  ')}\n`);
      return null;
    }
    return v.bundle;
  }
  const set = loadStandardSet(path);
  printDiagnostics(set.diagnostics.filter((d) => d.severity === 'error'), io);
  return set.bundle;
}

async function evaluate(argv: string[], io: Io): Promise<number> {
  const { positionals, values } = args(argv, {
    format: { type: 'string', short: 'f', default: 'table' },
    level: { type: 'string', short: 'l', multiple: true },
    explain: { type: 'boolean', default: false },
    codes: { type: 'boolean', default: false },
    jobs: { type: 'string', short: 'j', default: '1' }
  });
  if (positionals.length !== 2) throw new UsageError('eval 需要标准（目录或 bundle.json）和申请人文件（“-”为标准输入）');
  const format = values.format as Format;
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`未知格式“${format}”（可选 table、json、csv）`);
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs 应为 1 到 64 的整数，而不是“${values.jobs}”`);
  // the workers start while the standard set compiles (they are given it when it has)
  const workers = jobs > 1 ? (await import('./jobs.ts')).startWorkers(jobs) : undefined;
  const request: EvalRequest = {
    standard: positionals[0], applicants: positionals[1], format, jobs,
    explain: values.explain as boolean, codes: values.codes as boolean, levels: values.level as string[] | undefined
  };
  try {
    return await evaluateWith(request, workers, io);
  } finally {
    await workers?.stop();
  }
}

/** `stdc eval`'s arguments, checked. */
interface EvalRequest {
  standard: string;
  applicants: string;
  format: Format;
  jobs: number;
  explain: boolean;
  codes: boolean;
  levels?: string[];
}

async function evaluateWith({ standard, applicants, format, jobs, explain, codes, levels }: EvalRequest, workers: Workers | undefined, io: Io): Promise<number> {
  const bundle = loadBundle(standard, io);
  if (!bundle) return 2;
  const known = bundle.levels.map((l) => l.name);
  for (const l of levels ?? []) if (!known.includes(l)) throw new UsageError(`未知级别“${l}”（可选：${known.join('、')}）`);
  const setup: EvalSetup = { bundle, path: applicants, format, explain, codes, ...(levels ? { levels } : {}) };
  const [{ InputError, readApplicants }, { done }, { IdIndex }, { evaluateInOrder }, { Sink }, { repeatedId }] = await Promise.all([
    import('./applicants.ts'), import('./evaluate-items.ts'), import('./ids.ts'), import('./jobs.ts'), import('./sink.ts'), import('../lib/core/evaluate/evaluate.ts')
  ]);
  const out = new Sink(io, setup);
  const ids = new IdIndex();
  let parsed = 0;
  let total = 0;
  let rejected = 0;
  /** Counts a record; one whose id repeats an earlier one's comes back rejected, to be written in its place (as Batch does; the count is of parsed records). */
  const admit = (isParsed: boolean, ok: boolean, isRejected: boolean, id: string | null, name: string, target: string): Done | null => {
    total++;
    const index = isParsed ? parsed++ : -1;
    let instead: Done | null = null;
    if (ok) {
      const first = ids.get(id!);
      if (first === undefined) ids.set(id!, index);
      else instead = done(setup, { name, target, result: { id, errors: [{ path: 'id', message: repeatedId(id!, first) }] } }, true);
    }
    if (isRejected || instead) rejected++;
    return instead;
  };
  try {
    for await (const r of evaluateInOrder(readApplicants(setup.path, true), setup, jobs, workers)) {
      if (!('ends' in r)) {
        await out.write(admit(r.parsed, r.ok, r.rejected, r.id, r.name, r.target) ?? r);
        continue;
      }
      // a worker's run of records is written whole, around the records that repeat an id
      let from = 0;
      for (let k = 0; k < r.ends.length; k++) {
        const f = r.flags[k];
        const instead = admit(!!(f & 1), !!(f & 2), !!(f & 4), r.ids[k], r.names[k], r.targets[k]);
        if (!instead) continue;
        await out.writeRun(r, from, k);
        await out.write(instead);
        from = k + 1;
      }
      await out.writeRun(r, from, r.ends.length);
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    await out.end(false);
    io.err(`stdc: ${e.message}\n`);
    return 2;
  }
  await out.end(true);
  if (rejected) io.err(`${rejected} 条记录被拒绝，其余 ${total - rejected} 条已评估\n`);
  return rejected ? 1 : 0;
}

async function impactCommand(command: 'diff' | 'nearest', argv: string[], io: Io): Promise<number> {
  const { positionals, values } = args(argv, { format: { type: 'string', short: 'f', default: 'table' }, level: { type: 'string', short: 'l', multiple: true } });
  const format = values.format as 'table' | 'json' | 'csv';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`未知格式“${format}”（可选 table、json、csv）`);
  const levels = values.level as string[] | undefined;
  const o = { format, ...(levels ? { levels } : {}) };
  if (command === 'diff') {
    if (positionals.length !== 3) throw new UsageError('diff 需要旧版本、新版本（目录或 bundle.json）和申请人文件');
    const { diff } = await import('./diff.ts');
    return diff(positionals[0], positionals[1], positionals[2], o, io);
  }
  if (positionals.length !== 2) throw new UsageError('nearest 需要标准（目录或 bundle.json）和申请人文件');
  const { nearest } = await import('./nearest.ts');
  return nearest(positionals[0], positionals[1], o, io);
}

async function test(argv: string[], io: Io): Promise<number> {
  const { positionals } = args(argv);
  if (positionals.length !== 1) throw new UsageError('test 需要一个标准目录');
  mustExist(positionals[0]);
  const set = loadStandardSet(positionals[0]);
  if (!set.bundle) {
    printDiagnostics(set.diagnostics, io);
    return 2;
  }
  const { runSampleTests } = await import('./test-samples.ts');
  const report = runSampleTests(set.bundle, readSampleFiles(positionals[0]));
  io.out(report.text);
  return report.failed ? 1 : 0;
}

/**
 * Formats every file in memory first and writes only when all of them could be formatted: a file that cannot be
 * read (not UTF-8, a directory, a dangling symlink) or does not parse is reported and nothing is written, so a
 * set is never left half formatted. Each file is written whole (temporary file, then rename).
 */
function fmt(argv: string[], io: Io): number {
  const { positionals, values } = args(argv, { check: { type: 'boolean', default: false }, names: { type: 'string' } });
  if (!positionals.length) throw new UsageError('fmt 需要至少一个文件或目录');
  if (values.names !== undefined && values.names !== 'zh') throw new UsageError('--names 只能是 zh（把代码改写为中文名称）');
  const writes: { path: string; text: string }[] = [];
  let failed = false;
  for (const p of positionals) {
    mustExist(p);
    const read = readStandardFiles(p);
    if (read.diagnostics.length) {
      printDiagnostics(read.diagnostics, io);
      failed = true;
    }
    let files: { path: string; text: string; original?: string }[] = read.files;
    if (values.names === 'zh') {
      // The whole set is checked (imports read from its folder), so that each name is resolved where it stands.
      const renamed = renameToChinese(files, diskResolverWithin(statSync(p).isDirectory() ? p : dirname(p)));
      if (hasErrors(renamed.diagnostics)) {
        printDiagnostics(renamed.diagnostics, io);
        failed = true;
        continue;
      }
      const original = new Map(files.map((f) => [f.path, f.text]));
      files = renamed.files.map((f) => ({ ...f, original: original.get(f.path) }));
    }
    for (const f of files) {
      const r = formatSource(f.text, f.path);
      if (hasErrors(r.diagnostics)) {
        printDiagnostics(r.diagnostics, io);
        failed = true;
        continue;
      }
      if (r.text !== (f.original ?? f.text)) writes.push({ path: f.path, text: r.text });
    }
  }
  if (values.check) {
    for (const w of writes) io.err(`需要格式化：${w.path}\n`);
    io.err(`${writes.length} 个文件需要格式化\n`);
    return failed || writes.length ? 1 : 0;
  }
  if (failed) {
    io.err(`有文件无法格式化，未写入任何文件${writes.length ? `（另有 ${writes.length} 个文件需要格式化）` : ''}\n`);
    return 1;
  }
  for (const w of writes) {
    const problem = writeAtomically(w.path, w.text);
    if (problem) {
      io.err(`stdc: 无法写入“${w.path}”：${problem}\n`);
      return 1;
    }
  }
  io.err(`已格式化 ${writes.length} 个文件\n`);
  return 0;
}
