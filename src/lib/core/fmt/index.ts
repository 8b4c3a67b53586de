// The formatter behind `stdc fmt` and the editor's "format document". It changes only whitespace at line
// starts and ends, and blank lines: indentation follows braces (two spaces a level), a statement's
// continuation lines get two more, comments are kept where they are. A file with syntax errors is
// returned unchanged, with the errors. Formatting twice gives the same text.
import { parse, type SourceFileAst } from '../../../../grammar/index.ts';
import { hasErrors, type Diagnostic } from '../diagnostics/index.ts';

export interface FormatResult {
  text: string;
  diagnostics: Diagnostic[];
}

/** Lines on which a declaration, a level entry, a rule, a score component or a parameter begins. */
function statementLines(ast: SourceFileAst): Set<number> {
  const lines = new Set<number>();
  for (const d of ast.decls) {
    lines.add(d.span.line);
    if (d.kind === 'gateGroup') d.gates.forEach((g) => lines.add(g.span.line));
    if (d.kind === 'scoreTable') d.components.forEach((c) => lines.add(c.span.line));
    if (d.kind === 'committee') d.params.forEach((p) => lines.add(p.span.line));
    if (d.kind === 'level') {
      for (const e of d.entries) {
        lines.add(e.span.line);
        if (e.kind === 'regularRoute') e.lines.forEach((r) => lines.add(r.span.line));
        if (e.kind === 'performance') e.items.forEach((r) => lines.add(r.span.line));
        if (e.kind === 'directRoute') [...e.requires, ...e.lines].forEach((r) => lines.add(r.span.line));
      }
    }
  }
  return lines;
}

const STATEMENT_WORDS = /^(年度|基准日|发布单位|任一|须|其他)(?![A-Za-z_\u3400-\u4dbf\u4e00-\u9fff0-9])/;

/** Braces outside strings and comments, per line. */
function braces(line: string): { opens: number; closes: number; leadingClose: boolean } {
  let opens = 0;
  let closes = 0;
  let quote: string | null = null;
  const closeOf: Record<string, string> = { '"': '"', '“': '”', '「': '」' };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '/' && line[i + 1] === '/') break;
    if (ch === '#') break;
    if (closeOf[ch]) quote = closeOf[ch];
    else if (ch === '{' || ch === '｛') opens++;
    else if (ch === '}' || ch === '｝') closes++;
  }
  return { opens, closes, leadingClose: /^[}｝]/.test(line.trim()) };
}

export function formatSource(text: string, file = '<input>'): FormatResult {
  const { ast, diagnostics } = parse(text, file);
  if (hasErrors(diagnostics)) return { text, diagnostics };
  const starts = statementLines(ast);
  const input = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  // Each open brace: the indent of its line, and whether it opened inside an expression (情形 { … }),
  // where every line is an arm of its own rather than a continuation.
  const stack: { indent: number; expr: boolean }[] = [];
  let base = 0; // indent of statements at the current depth
  let inStatement = false; // the previous code line left a statement unfinished
  input.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      return;
    }
    const b = braces(line);
    const comment = /^(\/\/|#)/.test(line);
    const isStart = starts.has(i + 1) || STATEMENT_WORDS.test(line);
    let indent: number;
    const inExpr = stack.length > 0 && stack[stack.length - 1].expr;
    if (b.leadingClose) indent = stack.length ? stack[stack.length - 1].indent : 0;
    else if (comment || isStart || !inStatement || inExpr) indent = base;
    else indent = base + 2;
    out.push(' '.repeat(indent) + line);
    if (comment) return;
    // Update the brace stack: each `{` opens a block whose statements sit two deeper than this line.
    let closes = b.closes;
    if (b.leadingClose && closes) {
      stack.pop();
      closes--;
    }
    const opensExpr = !isStart && inStatement;
    for (let k = 0; k < b.opens; k++) stack.push({ indent, expr: opensExpr });
    for (let k = 0; k < closes && stack.length; k++) stack.pop();
    base = stack.length ? stack[stack.length - 1].indent + 2 : 0;
    inStatement = !(b.opens > b.closes) && !line.endsWith('}') && !line.endsWith('｝');
  });
  while (out.length && out[out.length - 1] === '') out.pop();
  return { text: out.join('\n') + '\n', diagnostics };
}
