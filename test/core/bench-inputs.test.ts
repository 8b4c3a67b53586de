// What the benchmarks feed the language core must be what they say it is: `npm run bench` times check and
// compile on a generated standard set, and its edit loop stops the bench if the set has an error (a new check,
// E119, once made the generated set invalid and the bench crashed before its last tables).
import { describe, expect, it } from 'vitest';
import { analyze, compile, hasErrors } from '../../src/lib/core/index.ts';
import { generateStandardSet } from '../../bench/generate-std.ts';

describe('the benchmarks’ generated standard set', () => {
  it('checks without errors and compiles, at the size run.ts times (10,000 lines)', () => {
    const files = generateStandardSet(10_000);
    const a = analyze(files);
    const errors = a.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`)).toEqual([]);
    expect(hasErrors(a.diagnostics)).toBe(false);
    expect(compile(files).bundle?.levels.length).toBe(4);
  });
});
