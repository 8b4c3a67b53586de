import { readFileSync } from 'node:fs';

/** A fresh deep copy of test/fixtures/valid-record.json for each test to mutate. */
export function validRecord(): any {
  return JSON.parse(readFileSync(new URL('../../fixtures/valid-record.json', import.meta.url), 'utf8'));
}
