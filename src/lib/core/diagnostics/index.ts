// A diagnostic is data: a stable code, a severity, a Chinese message and an exact span.
// All message texts live in messages.ts (one catalogue).
import type { Span } from '../../../../grammar/ast.ts';
import { messages, type MessageId } from './messages.ts';
import { LIMITS } from '../limits.ts';
import { terminalInline } from '../safe-text.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  start: number;
  end: number;
  /** Replacement texts a quick fix may offer (did-you-mean). */
  suggestions?: string[];
}

export function diag(id: MessageId, span: Span, args: Record<string, string | number> = {}, suggestions?: string[]): Diagnostic {
  const m = messages[id];
  const message = m.text.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? `{${k}}`));
  return {
    code: m.code,
    severity: m.severity,
    message,
    file: span.file,
    line: span.line,
    col: span.col,
    endLine: span.endLine,
    endCol: span.endCol,
    start: span.start,
    end: span.end,
    ...(suggestions && suggestions.length ? { suggestions } : {})
  };
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** GNU style: `path:line:col: error CODE: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const sev = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note';
  // file names and messages quote what the user wrote: never a raw control character on a terminal
  return terminalInline(`${d.file}:${d.line}:${d.col}: ${sev} ${d.code}: ${d.message}`);
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}

/**
 * At most LIMITS.diagnosticsPerFile diagnostics per file, errors first (so that an error is never the one left
 * out), then one warning saying how many more there were. Sorted as sortDiagnostics sorts.
 */
export function capPerFile(ds: Diagnostic[]): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of ds) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: Diagnostic[] = [];
  for (const list of byFile.values()) {
    if (list.length <= LIMITS.diagnosticsPerFile) {
      for (const d of list) out.push(d);
      continue;
    }
    const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2);
    const kept = [...list].sort((a, b) => rank(a) - rank(b) || a.start - b.start).slice(0, LIMITS.diagnosticsPerFile);
    const last = kept.reduce((a, b) => (b.start > a.start ? b : a));
    for (const d of kept) out.push(d);
    out.push(diag('tooManyDiagnostics', last, { more: list.length - kept.length, max: LIMITS.diagnosticsPerFile }));
  }
  return sortDiagnostics(out);
}

export { messages, type MessageId };
