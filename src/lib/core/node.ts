// Node-only helpers: read a standard set and its samples from disk. Nothing here throws on what is on the disk:
// a directory named x.std, a dangling symlink, a symlink loop, bytes that are not UTF-8, an empty folder, an
// import that leaves the set's folder: each is a coded Chinese diagnostic (E011–E015), and the file is not read.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { compile, type CompileResult, type ImportResolver, type SourceFile } from './index.ts';
import { diag, type Diagnostic } from './diagnostics/index.ts';
import { LIMITS } from './limits.ts';
import { decodeUtf8 } from './utf8.ts';

const fileStart = (file: string) => ({ file, start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 });

/** Why a path cannot be read, in the clerk's words (from the system's error code). */
export function unreadableReason(path: string, e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'EISDIR') return '这是一个目录，不是文件';
  if (code === 'ELOOP') return '符号链接形成循环';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return '符号链接指向的文件不存在';
    } catch {}
    return '文件不存在';
  }
  return `系统错误 ${code ?? (e as Error).message}`;
}

export type ReadText = { text: string } | { diagnostic: Diagnostic };

/** A text file's content, decoded strictly as UTF-8; or the diagnostic (E012, E014, E015) saying why not. */
export function readTextFile(path: string, display = displayPath(path)): ReadText {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { diagnostic: diag('unreadableFile', fileStart(display), { path: display, reason: '这是一个目录，不是文件' }) };
    if (st.size > LIMITS.fileBytes) return { diagnostic: diag('fileTooLarge', fileStart(display), { size: st.size, max: LIMITS.fileBytes }) };
    bytes = readFileSync(path);
  } catch (e) {
    return { diagnostic: diag('unreadableFile', fileStart(display), { path: display, reason: unreadableReason(path, e) }) };
  }
  const d = decodeUtf8(bytes);
  if ('text' in d) return d;
  const { line, col, byte } = d.fault;
  return { diagnostic: diag('invalidUtf8', { ...fileStart(display), line, col, endLine: line, endCol: col + 1 }, { line, col, byte }) };
}

export interface ReadSet {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/** The .std files of a directory (or one file), each read strictly; E013 when a directory holds none. */
export function readStandardFiles(dirOrFile: string): ReadSet {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const add = (path: string) => {
    const display = displayPath(path);
    const r = readTextFile(path, display);
    if ('text' in r) files.push({ path: display, text: r.text });
    else diagnostics.push(r.diagnostic);
  };
  let names: string[];
  try {
    if (!statSync(dirOrFile).isDirectory()) {
      add(dirOrFile);
      return { files, diagnostics };
    }
    names = readdirSync(dirOrFile);
  } catch (e) {
    const display = displayPath(dirOrFile);
    return { files, diagnostics: [diag('unreadableFile', fileStart(display), { path: display, reason: unreadableReason(dirOrFile, e) })] };
  }
  const std = names.filter((f) => f.endsWith('.std')).sort();
  if (!std.length) diagnostics.push(diag('noStandardFiles', fileStart(displayPath(dirOrFile)), { path: displayPath(dirOrFile) }));
  for (const f of std) add(join(dirOrFile, f));
  return { files, diagnostics };
}

/** The readable .std files of a directory (what cannot be read is left out: see readStandardFiles). */
export function readStandardDir(dir: string): SourceFile[] {
  return readStandardFiles(dir).files;
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

/**
 * Reads imported files from the disk, only inside `root` (the set's folder): a symlink that leads out of it is
 * refused like an import path that does (E011), and what cannot be read is said so (E012, E014).
 */
export function diskResolverWithin(root: string): ImportResolver {
  let realRoot: string | null = null;
  try {
    realRoot = realpathSync(root);
  } catch {}
  return (path) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT' && !isSymlink(path)) return null; // not there: E010
      real = path; // a dangling symlink or a loop: readTextFile says which
    }
    if (realRoot && real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) return { problem: 'outside' };
    const r = readTextFile(path, displayPath(path));
    return 'text' in r ? r.text : { problem: 'diagnostic', diagnostic: r.diagnostic };
  };
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads imports from anywhere on the disk that analyze allows (inside the sources' common folder). */
export const diskResolver: ImportResolver = (path) => diskResolverWithin('/')(path);

export interface LoadedStandardSet extends CompileResult {
  files: SourceFile[];
}

export function loadStandardSet(dirOrFile: string): LoadedStandardSet {
  const read = readStandardFiles(dirOrFile);
  let root = dirOrFile;
  try {
    if (!statSync(dirOrFile).isDirectory()) root = dirname(dirOrFile);
  } catch {}
  const compiled = compile(read.files, diskResolverWithin(root));
  const diagnostics = [...read.diagnostics, ...compiled.diagnostics];
  return { files: read.files, bundle: read.diagnostics.length ? null : compiled.bundle, diagnostics };
}

export interface Sample {
  file: string;
  description: string;
  record: unknown;
  expected: Record<string, { verdict: string; route: string | null; score: number | null }>;
}

/** A sample file that cannot be used, and why (in Chinese). */
export interface BrokenSample {
  file: string;
  error: string;
}

/** The sample files of a set (its samples/ folder, or the folder itself), in name order; broken ones say why. */
export function readSampleFiles(dir: string): (Sample | BrokenSample)[] {
  const sdir = isDir(join(dir, 'samples')) ? join(dir, 'samples') : dir;
  let names: string[];
  try {
    names = readdirSync(sdir);
  } catch {
    return [];
  }
  return names
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f): Sample | BrokenSample => {
      const file = join(sdir, f);
      const r = readTextFile(file);
      if ('diagnostic' in r) return { file, error: r.diagnostic.message };
      let data: unknown;
      try {
        data = JSON.parse(r.text);
      } catch (e) {
        return { file, error: `不是有效的 JSON：${(e as Error).message}` };
      }
      if (!data || typeof data !== 'object' || Array.isArray(data) || !('record' in data)) return { file, error: '不是样例文件（应为含“record”的 JSON 对象）' };
      const s = data as { description?: unknown; record: unknown; expected?: Sample['expected'] };
      return { file, description: typeof s.description === 'string' ? s.description : '', record: s.record, expected: s.expected ?? {} };
    });
}

/** The samples of a set; throws if one is broken (tests and scripts; the CLI reports them with readSampleFiles). */
export function loadSamples(dir: string): Sample[] {
  return readSampleFiles(dir).map((s) => {
    if ('error' in s) throw new Error(`${s.file}：${s.error}`);
    return s;
  });
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
