// The lexer and the parser skip Chevrotain's validations at run time (they cost most of a cold start, and
// depend only on the grammar's source); they run here, so a grammar that breaks them fails the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { StdParser } from '../../grammar/parser.ts';
import { allTokens } from '../../grammar/tokens.ts';

describe('grammar', () => {
  it('the parser passes Chevrotain’s validations (no ambiguity, no left recursion, no unreachable alternative)', () => {
    // Chevrotain keeps them on a field its types do not declare.
    const parser = new StdParser(true) as unknown as { definitionErrors: unknown[] };
    expect(parser.definitionErrors).toEqual([]);
  });

  it('the tokens pass the lexer’s validations (no unreachable or empty-matching pattern)', () => {
    const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, deferDefinitionErrorsHandling: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });
});

// index.ts parses with a parser that has no error recovery first (cheaper to construct) and again with the
// recovering one only when that fails: the two must give the same tree for text that parses.
describe('the parser without error recovery', () => {
  const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
  const plain = new StdParser(false, false);
  const recovering = new StdParser(false, true);
  const tree = (p: StdParser, file: string, text: string) => {
    p.file = file;
    p.input = lexer.tokenize(text).tokens;
    return { decls: p.file_(), errors: p.errors.length };
  };
  const files = ['standards/2026', 'test/fixtures/standards-2026-codes'].flatMap((dir) =>
    readdirSync(dir).filter((f) => f.endsWith('.std')).map((f) => join(dir, f))
  );

  it('gives the same tree as the recovering one for every file of the reference sets', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const a = tree(plain, f, text);
      expect(a.errors, f).toBe(0);
      expect(a).toEqual(tree(recovering, f, text));
    }
  });

  it('stops at the first error, where the recovering parser goes on and finds more', () => {
    const text = '级别 甲 {\n  代码 "1"\n  常规路线 "一" 任一 {\n    "甲": 持有学位(博士, 0年) 且\n  }\n  业绩条件 "二" 至少 1 项 {\n    A "乙": 合同成交额 >= \n  }\n}\n';
    expect(tree(plain, 'x.std', text).errors).toBe(1);
    expect(tree(recovering, 'x.std', text).errors).toBeGreaterThan(1);
  });
});
