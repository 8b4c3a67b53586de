// A plain aligned text table for the terminal (CJK-aware widths); every cell made safe for a terminal.
import stringWidth from 'string-width';
import { csvCell, terminalInline } from '../lib/core/safe-text.ts';

export function columns(head: string[], body: string[][]): string {
  const rows = body.map((r) => r.map(terminalInline));
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - stringWidth(c)))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** A CSV document: a BOM (Excel then reads Chinese), CRLF lines, every cell through csvCell. */
export function csvDocument(head: string[], body: string[][]): string {
  return '\ufeff' + [head, ...body].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
