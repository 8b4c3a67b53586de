// `stdc fmt --names zh` and the editor's quick fix: record codes written in a standard (`degree`, `doctor`)
// rewritten as their Chinese names from the record schema (`学位`, `博士`). Only what the checker resolved is
// rewritten, and only where the Chinese name means nothing else there; the result checks to the same bundle
// logic, and a second run changes nothing.
import { analyze, type ImportResolver, type SourceFile } from '../index.ts';
import { hasErrors, type Diagnostic } from '../diagnostics/index.ts';
import type { Rename } from '../check/context.ts';
import { normalisePath } from '../paths.ts';

export type { Rename };

export interface RenameResult {
  files: SourceFile[];
  /** How many names were rewritten. */
  count: number;
  diagnostics: Diagnostic[];
}

/** The renames of one file, once each (a definition expanded at several uses notes its names each time). */
export function renamesIn(renames: Rename[], file: string): Rename[] {
  const byStart = new Map<number, Rename>();
  for (const r of renames) if (r.span.file === file && !byStart.has(r.span.start)) byStart.set(r.span.start, r);
  return [...byStart.values()].sort((a, b) => a.span.start - b.span.start);
}

/** Apply renames to one file's text (from the end, so earlier offsets stay valid). */
export function applyRenames(text: string, renames: Rename[]): string {
  let out = text;
  for (const r of [...renames].sort((a, b) => b.span.start - a.span.start)) {
    if (out.slice(r.span.start, r.span.end) !== r.code) continue;
    out = out.slice(0, r.span.start) + r.zh + out.slice(r.span.end);
  }
  return out;
}

/** Rewrite every code of `sources` (a standard set, imports resolved by `resolve`) as its Chinese name. */
export function renameToChinese(sources: SourceFile[], resolve?: ImportResolver): RenameResult {
  const a = analyze(sources, resolve);
  if (hasErrors(a.diagnostics)) return { files: sources, count: 0, diagnostics: a.diagnostics };
  let count = 0;
  const files = sources.map((s) => {
    const rs = renamesIn(a.renames, normalisePath(s.path));
    count += rs.length;
    return rs.length ? { path: s.path, text: applyRenames(s.text, rs) } : s;
  });
  return { files, count, diagnostics: a.diagnostics };
}
