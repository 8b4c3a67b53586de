// The lexer and the parser skip Chevrotain's validations at run time (they cost most of a cold start, and
// depend only on the grammar's source); they run here, so a grammar that breaks them fails the tests.
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { StdParser } from '../../grammar/parser.ts';
import { allTokens } from '../../grammar/tokens.ts';

describe('grammar', () => {
  it('the parser passes Chevrotain’s validations (no ambiguity, no left recursion, no unreachable alternative)', () => {
    const parser = new StdParser(true);
    expect(parser.definitionErrors).toEqual([]);
  });

  it('the tokens pass the lexer’s validations (no unreachable or empty-matching pattern)', () => {
    const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, deferDefinitionErrorsHandling: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });
});
