// The language reference lists every diagnostic code of the catalogue, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { messages } from '../../src/lib/core/diagnostics/messages.ts';

it('docs/language.md documents every diagnostic code', () => {
  const doc = readFileSync('docs/language.md', 'utf8');
  const missing = Object.values(messages).filter((m) => !doc.includes(`| ${m.code} |`)).map((m) => m.code);
  expect(missing).toEqual([]);
  const codes = Object.values(messages).map((m) => m.code);
  expect(new Set(codes).size).toBe(codes.length);
});
