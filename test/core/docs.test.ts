// The language reference lists every diagnostic code of the catalogue, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { messages } from '../../src/lib/core/diagnostics/messages.ts';
import { PORTABLE_OPERATIONS } from '../../src/lib/core/compile/portable.ts';

it('docs/language.md documents every diagnostic code', () => {
  const doc = readFileSync('docs/language.md', 'utf8');
  const missing = Object.values(messages).filter((m) => !doc.includes(`| ${m.code} |`)).map((m) => m.code);
  expect(missing).toEqual([]);
  const codes = Object.values(messages).map((m) => m.code);
  expect(new Set(codes).size).toBe(codes.length);
});

it('docs/language.md explains every JSON Logic operation a bundle may use', () => {
  const doc = readFileSync('docs/language.md', 'utf8');
  const section = doc.slice(doc.indexOf('## The compiled JSON Logic'), doc.indexOf('## Diagnostics'));
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  const documented = new Set(rows.flatMap((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])));
  expect(Object.keys(PORTABLE_OPERATIONS).filter((op) => !documented.has(op))).toEqual([]);
  expect([...documented].filter((op) => !(op in PORTABLE_OPERATIONS))).toEqual([]);
});
