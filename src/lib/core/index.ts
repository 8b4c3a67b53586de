// The core's facade: analyze (parse + check), compile (→ bundle), evaluate, explain.
// Framework-free: the CLI, the editor's worker, the server and the tests all call these.
import { parse, type SourceFileAst } from '../../../grammar/index.ts';
import { checkProgram } from './check/program.ts';
import { compileBundle } from './compile/bundle.ts';
import type { Bundle } from './compile/bundle-types.ts';
import { capPerFile, diag, hasErrors, type Diagnostic } from './diagnostics/index.ts';
import type { StandardSetModel } from './model.ts';
import { dirname, joinPath, normalisePath } from './paths.ts';

export interface SourceFile {
  path: string;
  text: string;
}

export interface AnalyzeResult {
  files: SourceFileAst[];
  model: StandardSetModel | null;
  diagnostics: Diagnostic[];
}

/** Reads an imported file that is not among the given ones (the CLI reads the disk; the editor has them all). */
export type ImportResolver = (path: string) => string | null;

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
  while (queue.length) {
    const s = queue.shift()!;
    if (byPath.has(s.path)) continue;
    const r = parseCached(s.text, s.path, cache);
    for (const d of r.diagnostics) diagnostics.push(d);
    byPath.set(s.path, r.ast);
    for (const d of r.ast.decls) {
      if (d.kind !== 'import') continue;
      const target = joinPath(dirname(s.path), d.path.text);
      if (byPath.has(target) || queue.some((q) => q.path === target)) continue;
      const text = resolve(target);
      if (text === null) diagnostics.push(diag('importNotFound', d.path.span, { path: d.path.text }));
      else queue.push({ path: target, text });
    }
  }
  const files = [...byPath.values()];
  const checked = checkProgram(files);
  // A level cut short by a syntax error is "missing" its entries only as a consequence: say it once.
  const broken = new Set(diagnostics.filter((d) => d.code.startsWith('E00')).map((d) => d.file));
  for (const d of checked.diagnostics) if (!(d.code === 'E304' && broken.has(d.file))) diagnostics.push(d);
  return { files, model: checked.model, diagnostics: capPerFile(diagnostics) };
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
