// The record validators are generated code (scripts/gen-validators.ts); they must be those of today's schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedPath, generatedValidators } from '../../../scripts/gen-validators.ts';

describe('generated record validators', () => {
  it('are current with src/lib/core/records/schema.ts (else run: npm run gen:validators)', () => {
    const fresh = generatedValidators();
    for (const kind of ['full', 'quick'] as const) {
      expect(readFileSync(generatedPath(kind), 'utf8') === fresh[kind], `${generatedPath(kind)} is out of date: npm run gen:validators`).toBe(true);
    }
  });

  it('hold no code that compiles code at run time', () => {
    for (const kind of ['full', 'quick'] as const) expect(readFileSync(generatedPath(kind), 'utf8')).not.toMatch(/new Function|\beval\(/);
  });
});
