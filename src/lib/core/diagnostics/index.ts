// A diagnostic is data: a stable code, a severity, a Chinese message and an exact span.
// All message texts live in messages.ts (one catalogue).
import type { Span } from '../../../../grammar/ast.ts';
import { messages, type MessageId } from './messages.ts';

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
  return `${d.file}:${d.line}:${d.col}: ${sev} ${d.code}: ${d.message}`;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}

export { messages, type MessageId };
