// Text the user wrote, made safe for the place it is shown: a terminal, a CSV cell, a spreadsheet cell.
// One room, so the CLI, the server's exports and the Excel writer neutralise the same things the same way.

// C0 controls but TAB and LF, DEL, C1 controls, and the bidirectional overrides that can reorder a line.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

/** For a terminal, keeping line breaks: every other control character shown as \u{..}, never sent raw. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** For one cell or one line of a terminal (a table cell, a diagnostic): line breaks are escaped too. */
export function terminalInline(text: string): string {
  return text.replace(UNSAFE_INLINE, visible);
}

/** A cell a spreadsheet would take for a formula (= + - @, or TAB/CR that some programs strip first). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** Text for a spreadsheet cell: a leading apostrophe keeps a would-be formula as text (OWASP's advice). */
export function spreadsheetText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** One CSV field: formula-neutralised, then quoted when it holds a quote, a comma or a line break. */
export function csvCell(text: string): string {
  const s = spreadsheetText(text);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
