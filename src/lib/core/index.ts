// The core's facade: analyze (parse + check), compile (→ bundle), evaluate, explain.
// Framework-free: the CLI, the editor's worker, the server and the tests all call these.
import { parse, type SourceFileAst, type Span } from '../../../grammar/index.ts';
import { checkProgram } from './check/program.ts';
import { compileBundle } from './compile/bundle.ts';
import type { Bundle } from './compile/bundle-types.ts';
import { capPerFile, diag, hasErrors, type Diagnostic } from './diagnostics/index.ts';
import type { StandardSetModel } from './model.ts';
import type { Rename } from './check/context.ts';
import { dirname, joinPath, normalisePath } from './paths.ts';

export interface SourceFile {
  path: string;
  text: string;
}

export interface AnalyzeResult {
  files: SourceFileAst[];
  model: StandardSetModel | null;
  diagnostics: Diagnostic[];
  /** Record codes written where a Chinese name would do (see fmt/names.ts). */
  renames: Rename[];
}

/**
 * Reads an imported file that is not among the given ones (the CLI reads the disk; the editor has them all):
 * its text, null when there is none, or why it cannot be read (outside the set's folder after symlinks, or a
 * diagnostic such as invalid UTF-8).
 */
export type ImportResolver = (path: string) => string | null | ImportProblem;
export type ImportProblem = { problem: 'outside' } | { problem: 'diagnostic'; diagnostic: Diagnostic };

/** The folder that holds every source: imports may not leave it. */
function commonFolder(paths: string[]): string {
  if (!paths.length) return '';
  let parts = dirname(paths[0]).split('/');
  for (const p of paths.slice(1)) {
    const q = dirname(p).split('/');
    let k = 0;
    while (k < parts.length && k < q.length && parts[k] === q[k]) k++;
    parts = parts.slice(0, k);
  }
  return parts.join('/');
}

function inside(root: string, target: string): boolean {
  if (target === '..' || target.startsWith('../')) return false;
  if (!root) return !target.startsWith('/');
  return target.startsWith(root.endsWith('/') ? root : `${root}/`);
}

const atSpan = (s: Span) => ({ file: s.file, line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol, start: s.start, end: s.end });

/** An import path written as absolute (POSIX, Windows, a drive or a share): never read. */
const absolute = (p: string) => /^([\\/]|[A-Za-z]:)/.test(p);

/** Parse results by path, reused while a file's text is unchanged (the editor re-parses only what changed). */
export type ParseCache = Map<string, { text: string; result: ReturnType<typeof parse> }>;

function parseCached(text: string, path: string, cache?: ParseCache): ReturnType<typeof parse> {
  const hit = cache?.get(path);
  if (hit && hit.text === text) return hit.result;
  const result = parse(text, path);
  cache?.set(path, { text, result });
  return result;
}

export function analyze(sources: SourceFile[], resolve: ImportResolver = () => null, cache?: ParseCache): AnalyzeResult {
  const diagnostics: Diagnostic[] = [];
  const byPath = new Map<string, SourceFileAst>();
  const queue = sources.map((s) => ({ ...s, path: normalisePath(s.path) }));
  const root = commonFolder(queue.map((q) => q.path));
  while (queue.length) {
    const s = queue.shift()!;
    if (byPath.has(s.path)) continue;
    const r = parseCached(s.text, s.path, cache);
    for (const d of r.diagnostics) diagnostics.push(d);
    byPath.set(s.path, r.ast);
    for (const d of r.ast.decls) {
      if (d.kind !== 'import') continue;
      const target = joinPath(dirname(s.path), d.path.text);
      if (absolute(d.path.text) || d.path.text.includes('\\') || !inside(root, target)) {
        diagnostics.push(diag('importOutside', d.path.span, { path: d.path.text }));
        continue;
      }
      if (byPath.has(target) || queue.some((q) => q.path === target)) continue;
      const text = resolve(target);
      if (text === null) diagnostics.push(diag('importNotFound', d.path.span, { path: d.path.text }));
      else if (typeof text === 'string') queue.push({ path: target, text });
      else if (text.problem === 'outside') diagnostics.push(diag('importOutside', d.path.span, { path: d.path.text }));
      // bad bytes are shown where they are; a file that cannot be read at all, at the import that names it
      else if (text.diagnostic.code === 'E014') diagnostics.push(text.diagnostic);
      else diagnostics.push({ ...text.diagnostic, ...atSpan(d.path.span) });
    }
  }
  const files = [...byPath.values()];
  const checked = checkProgram(files);
  // A level cut short by a syntax error is "missing" its entries only as a consequence: say it once.
  const broken = new Set(diagnostics.filter((d) => d.code.startsWith('E00')).map((d) => d.file));
  for (const d of checked.diagnostics) if (!(d.code === 'E304' && broken.has(d.file))) diagnostics.push(d);
  return { files, model: checked.model, diagnostics: capPerFile(diagnostics), renames: checked.renames };
}

export interface CompileResult {
  bundle: Bundle | null;
  diagnostics: Diagnostic[];
}

export function compile(sources: SourceFile[], resolve?: ImportResolver): CompileResult {
  const a = analyze(sources, resolve);
  const bundle = a.model && !hasErrors(a.diagnostics) ? compileBundle(a.model) : null;
  return { bundle, diagnostics: a.diagnostics };
}

export { Batch, evaluateRecord, evaluateBatch, type RecordResult, type LevelResult, type EvaluateOptions } from './evaluate/evaluate.ts';
export type { ExplanationNode, LevelExplanation } from './evaluate/explain.ts';
export type { Bundle, BundleLevel } from './compile/bundle-types.ts';
export { formatDiagnostic, hasErrors, type Diagnostic } from './diagnostics/index.ts';
export { parse } from '../../../grammar/index.ts';
