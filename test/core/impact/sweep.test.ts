// Threshold sweeps: the number under the cursor, compiled once as a parameter, gives the pass counts that
// recompiling the set with each value gives; at the written value they are a plain evaluation's.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/core/index.ts';
import { readStandardDir } from '../../../src/lib/core/node.ts';
import { compileBundle } from '../../../src/lib/core/compile/bundle.ts';
import { evaluateRecord } from '../../../src/lib/core/evaluate/evaluate.ts';
import { range, recompiled, sweep, sweepTargetAt, type SweepTarget } from '../../../src/lib/core/impact/sweep.ts';
import { generateApplicants } from '../../../bench/generate.ts';

const files = readStandardDir('standards/2026');
const a = analyze(files);
const model = a.model!;
const cohort = generateApplicants(400, 7);

function at(file: string, needle: string, plus = 0): SweepTarget | null {
  const f = files.find((x) => x.path.endsWith('/' + file))!;
  const i = f.text.indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  expect(f.text.indexOf(needle, i + 1), `${needle} once`).toBe(-1);
  return sweepTargetAt(a.files, model, f.path, i + plus);
}

function plainPasses(level: string): number {
  const b = compileBundle(model);
  return cohort.filter((r) => evaluateRecord(b, r, { explain: false, levels: [level] }).results?.[0]?.verdict === 'pass').length;
}

describe('sweep targets by cursor', () => {
  it('a threshold of one level', () => {
    const t = at('副研究员.std', '合同成交额 >= 500万元', '合同成交额 >= '.length + 1)!;
    expect(t).toMatchObject({ kind: 'literal', value: 5_000_000, levels: ['副研究员'], parametrised: true, unit: { name: '万元', factor: 10_000 } });
    expect(t.label).toBe('副研究员 A 促成技术合同成交额 门槛');
  });
  it('the N, the minimum score, a cap shared by every level, a number in a list condition', () => {
    expect(at('研究员.std', '至少 3 项', 3)).toMatchObject({ kind: 'need', value: 3, levels: ['研究员'] });
    expect(at('副研究员.std', '最低 55分', 4)).toMatchObject({ kind: 'minimum', value: 55, levels: ['副研究员'] });
    expect(at('common.std', '上限 40分', 4)).toMatchObject({ kind: 'cap', value: 40, component: 'S1', levels: ['研究实习员', '助理研究员', '副研究员', '研究员'] });
    expect(at('common.std', '排名 <= 5 于', 7)).toMatchObject({ kind: 'literal', value: 5, parametrised: false });
    expect(at('副研究员.std', '级别 副研究员')).toBeNull();
  });
});

describe('sweep', () => {
  const cases: [string, string, string, number, number][] = [
    ['threshold', '研究实习员.std', '合同成交额 >= 50万元', 10, 0],
    ['need', '研究实习员.std', '至少 2 项', 3, 0],
    ['minimum', '助理研究员.std', '最低 35分', 4, 0],
    ['cap', 'common.std', '上限 40分', 4, 0],
    ['item-scope number (recompiled)', 'common.std', '排名 <= 5 于', 7, 0]
  ];
  for (const [name, file, needle, plus] of cases) {
    it(`${name}: the parametrised sweep agrees with recompiling per value`, () => {
      const t = at(file, needle, plus)!;
      const values = t.kind === 'need' ? range(0, 4, 5) : [0, 0.5, 1, 2, 5, 10, 20].map((x) => Math.round(t.value * x));
      const fast = sweep(model, t, cohort, values);
      expect(fast.applicants).toBe(cohort.length);
      const slow = recompiled(model, t, cohort, values);
      expect(fast.levels).toEqual(slow.levels);
      const level = t.levels[t.levels.length - 1];
      const k = values.indexOf(t.value);
      expect(fast.levels.find((l) => l.level === level)!.pass[k]).toBe(plainPasses(level));
      // the counts move: a sweep that changes nothing would pass this test without testing anything
      expect(new Set(fast.levels.flatMap((l) => l.pass)).size).toBeGreaterThan(1);
    });
  }
});
