// The DSL front end: parse(text, file) → { ast, diagnostics }. Never throws on user input.
import { Lexer, type IRecognitionException, type IToken } from 'chevrotain';
import { allTokens, Comment } from './tokens.ts';
import { StdParser } from './parser.ts';
import { repair } from './repair.ts';
import { bracketsTooDeep, limitDepth, nestingTooDeep, textTooLarge, tokenSpan } from './guards.ts';
import type { SourceFileAst, Span } from './ast.ts';
import { diag, type Diagnostic } from '../src/lib/core/diagnostics/index.ts';

export * from './ast.ts';
export * as tokens from './tokens.ts';

// Validations of the token definitions run in test/core/grammar-validation.test.ts, not at every start.
const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, skipValidations: true });
// Two parsers, each made on first use: one without error recovery for text that parses (most of it, and all of
// a clean `stdc check`: its construction is cheaper), and one with recovery, which parses again text that did
// not, so that one pass reports several problems. For text that parses both give the same tree, so once the
// recovering one exists (a long-lived editor worker, after the first slip) it parses everything, in one pass.
let plain: StdParser | undefined;
let recovering: StdParser | undefined;

/** Messages come in Chinese from errors.ts; here they get a stable code and a position. */
function parseDiagnostic(file: string, e: IRecognitionException, prev: IToken | undefined): Diagnostic {
  const tok = e.token;
  const atEof = tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset);
  // Errors at the end of input, or on a token made up by recovery, are anchored at the previous real token.
  const anchor = atEof && prev ? tokenSpan(file, prev) : tokenSpan(file, tok);
  if (e.name === 'NotAllInputParsedException') return diag('parseExtra', anchor, { found: e.message });
  return diag(atEof ? 'parseMissing' : 'parseUnexpected', anchor, { message: e.message });
}

export interface ParseResult {
  ast: SourceFileAst;
  diagnostics: Diagnostic[];
}

function run(parser: StdParser, file: string, tokens: IToken[]): SourceFileAst['decls'] {
  parser.file = file;
  parser.input = tokens;
  return parser.file_() ?? [];
}

export function parse(text: string, file = '<input>'): ParseResult {
  const lines = text.split('\n');
  const whole: Span = { file, start: 0, end: text.length, line: 1, col: 1, endLine: lines.length, endCol: (lines[lines.length - 1]?.length ?? 0) + 1 };
  const unparsed = (d: Diagnostic): ParseResult => ({ ast: { kind: 'file', path: file, decls: [], comments: [], span: whole }, diagnostics: [d] });
  const tooLarge = textTooLarge(text, file);
  if (tooLarge) return unparsed(tooLarge);
  const diagnostics: Diagnostic[] = [];
  const lexed = lexer.tokenize(text);
  for (const err of lexed.errors) {
    const span: Span = {
      file, start: err.offset, end: err.offset + err.length, line: err.line ?? 1, col: err.column ?? 1,
      endLine: err.line ?? 1, endCol: (err.column ?? 1) + err.length
    };
    diagnostics.push(diag('lexUnknownChar', span, { char: text.substr(err.offset, err.length) }));
  }
  const tokens = lexed.tokens;
  const deep = bracketsTooDeep(tokens, file);
  if (deep) return { ...unparsed(deep), diagnostics: [...diagnostics, deep] };
  let parser = recovering ?? (plain ??= new StdParser(false, false));
  let decls: SourceFileAst['decls'] = [];
  try {
    decls = run(parser, file, tokens);
    if (parser.errors.length && parser !== recovering) {
      parser = recovering ??= new StdParser(false, true);
      decls = run(parser, file, tokens);
    }
  } catch (e) {
    if (!(e instanceof RangeError)) throw e; // a bug in the parser: not hidden as a diagnostic
    // Recursion without brackets (非 非 非 …, 若 … 否则 若 …) deeper than the stack: where the parser had got to.
    const idx = Math.min((parser as unknown as { exportLexerState(): number }).exportLexerState() + 1, tokens.length - 1);
    const where = tokens[Math.max(idx, 0)];
    const d = nestingTooDeep(where ? tokenSpan(file, where) : whole, '表达式');
    parser.input = [];
    return { ...unparsed(d), diagnostics: [...diagnostics, d] };
  }
  const index = parser.errors.length ? new Map(tokens.map((t, i) => [t, i])) : null;
  for (const e of parser.errors) {
    const idx = index!.get(e.token) ?? -1;
    const prev = idx > 0 ? tokens[idx - 1] : tokens[tokens.length - 1];
    diagnostics.push(parseDiagnostic(file, e, prev));
  }
  for (const d of limitDepth(decls, file)) diagnostics.push(d);
  const comments = (lexed.groups.comments ?? []).map((t) => ({ text: t.image, span: tokenSpan(file, t) }));
  const ast: SourceFileAst = {
    kind: 'file', path: file, decls: repair(decls, { file, start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 }), comments,
    span: whole
  };
  void Comment;
  return { ast, diagnostics };
}
