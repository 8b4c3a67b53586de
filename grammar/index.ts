// The DSL front end: parse(text, file) → { ast, diagnostics }. Never throws on user input.
import { Lexer, type IRecognitionException, type IToken } from 'chevrotain';
import { allTokens, Comment } from './tokens.ts';
import { StdParser } from './parser.ts';
import { repair } from './repair.ts';
import type { SourceFileAst, Span } from './ast.ts';
import { diag, type Diagnostic } from '../src/lib/core/diagnostics/index.ts';

export * from './ast.ts';
export * as tokens from './tokens.ts';

// Validations of the token definitions run in test/core/grammar-validation.test.ts, not at every start.
const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, skipValidations: true });
let parser: StdParser | undefined;

function tokenSpan(file: string, t: IToken): Span {
  return {
    file, start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1,
    line: t.startLine ?? 1, col: t.startColumn ?? 1, endLine: t.endLine ?? t.startLine ?? 1, endCol: (t.endColumn ?? t.startColumn ?? 1) + 1
  };
}

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

export function parse(text: string, file = '<input>'): ParseResult {
  parser ??= new StdParser();
  const diagnostics: Diagnostic[] = [];
  const lexed = lexer.tokenize(text);
  for (const err of lexed.errors) {
    const span: Span = {
      file, start: err.offset, end: err.offset + err.length, line: err.line ?? 1, col: err.column ?? 1,
      endLine: err.line ?? 1, endCol: (err.column ?? 1) + err.length
    };
    diagnostics.push(diag('lexUnknownChar', span, { char: text.substr(err.offset, err.length) }));
  }
  parser.file = file;
  parser.input = lexed.tokens;
  let decls: SourceFileAst['decls'] = [];
  try {
    decls = parser.file_() ?? [];
  } catch (e) {
    // Chevrotain recovers from ordinary errors; anything thrown here is a bug in the parser, reported, not hidden.
    diagnostics.push(diag('parseUnexpected', { file, start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 }, {
      message: String(e)
    }));
  }
  const tokens = lexed.tokens;
  for (const e of parser.errors) {
    const idx = tokens.indexOf(e.token);
    const prev = idx > 0 ? tokens[idx - 1] : tokens[tokens.length - 1];
    diagnostics.push(parseDiagnostic(file, e, prev));
  }
  const comments = (lexed.groups.comments ?? []).map((t) => ({ text: t.image, span: tokenSpan(file, t) }));
  const end = text.length;
  const lines = text.split('\n');
  const ast: SourceFileAst = {
    kind: 'file', path: file, decls: repair(decls, { file, start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 }), comments,
    span: { file, start: 0, end, line: 1, col: 1, endLine: lines.length, endCol: (lines[lines.length - 1]?.length ?? 0) + 1 }
  };
  void Comment;
  return { ast, diagnostics };
}
