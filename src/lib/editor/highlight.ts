// Syntax highlighting from the grammar's own token list: the same Chevrotain token definitions the parser
// lexes with, applied one line at a time (comments and strings never span lines, so a line needs no state).
import { Lexer } from 'chevrotain';
import { allTokens, Comment, tokenCategory } from '../../../grammar/tokens.ts';

export type HighlightClass = ReturnType<typeof tokenCategory> | 'invalid' | '';

export interface LineToken {
	/** 0-based offset in the line where this token starts; it runs until the next token starts. */
	start: number;
	scope: HighlightClass;
}

const lexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

export function tokenizeLine(line: string): LineToken[] {
	const lexed = lexer.tokenize(line);
	const spans: { start: number; end: number; scope: HighlightClass }[] = [];
	for (const t of lexed.tokens) spans.push({ start: t.startOffset, end: t.startOffset + t.image.length, scope: tokenCategory(t.tokenType) });
	for (const t of lexed.groups.comments ?? []) spans.push({ start: t.startOffset, end: t.startOffset + t.image.length, scope: tokenCategory(Comment) });
	for (const e of lexed.errors) spans.push({ start: e.offset, end: e.offset + e.length, scope: 'invalid' });
	spans.sort((a, b) => a.start - b.start);
	const out: LineToken[] = [];
	let at = 0;
	for (const s of spans) {
		if (s.start > at) out.push({ start: at, scope: '' });
		out.push({ start: s.start, scope: s.scope });
		at = s.end;
	}
	if (at < line.length || out.length === 0) out.push({ start: at, scope: '' });
	return out;
}
