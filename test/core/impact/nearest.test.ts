// Nearest qualifying paths on the 2026 set: constructed applicants worked out by hand, and a property test that
// the proposed change makes the applicant pass and that no smaller change does (brute force over a hand-listed
// set of achievement kinds, independent of the kinds templates.ts derives).
import { describe, expect, it } from 'vitest';
import { compile, type Bundle } from '../../../src/lib/core/index.ts';
import { readStandardDir } from '../../../src/lib/core/node.ts';
import { evaluateRecord } from '../../../src/lib/core/evaluate/evaluate.ts';
import { validateRecord } from '../../../src/lib/core/records/index.ts';
import { applyAdded, nearestPath } from '../../../src/lib/core/impact/nearest.ts';
import { generateApplicants } from '../../../bench/generate.ts';

const bundle: Bundle = compile(readStandardDir('standards/2026')).bundle!;
const REF = bundle.meta.referenceDate;
type Rec = Record<string, unknown>;

function junior(id: string, services: number, lectureHours = 0, extra: Partial<Rec> = {}): Rec {
  return {
    id, name: id, target_level: '研究实习员', employment_status: 'in_service', work_region_code: '330106', is_civil_servant: false, is_retired: false,
    integrity: { blacklisted: false, violations: [] }, education: [{ degree: 'bachelor', awarded_on: '2020-06-30' }], current_title: null,
    annual_assessments: [2023, 2024, 2025].map((year) => ({ year, result: 'competent' })),
    continuing_education: [2023, 2024, 2025].map((year) => ({ year, total_hours: 90, professional_hours: 60 })),
    achievements: {
      contracts: [], transformations: [], platforms: [], awards: [],
      enterprise_services: Array.from({ length: services }, (_, i) => ({ enterprise: `企业${i + 1}`, served_on: '2025-05-01' })),
      trainings: lectureHours ? [{ title: '培训', held_on: '2025-03-01', hours: lectureHours, role: 'lecturer' }] : []
    },
    ...extra
  };
}
function verdict(r: Rec, level: string) {
  const e = evaluateRecord(bundle, r, { explain: false, levels: [level] });
  if (!e.results) throw new Error(JSON.stringify(e.errors));
  return e.results[0].verdict;
}

describe('nearest path, worked out by hand (研究实习员: 2 of A 50万元 / B 3项 / C 5家 / F 8学时, 20分)', () => {
  it('J1: 5 services only (C; 2.5分): one lead contract of 800万元 (A, and 2.5 + 2 + ⌊800/50⌋ = 20.5分)', () => {
    // one item can add at most one performance item; a lead contract x gives A (x >= 50万) and 2 + ⌊x/50万⌋ points:
    // 4.5 + ⌊x/50万⌋ >= 20 → ⌊x/50万⌋ >= 16 → 800万元. Lecturing gives F but at most 5分; a member contract needs 1600万元.
    const p = nearestPath(bundle, '研究实习员', junior('J1', 5));
    expect(p.status).toBe('path');
    expect(p.text).toBe('新增 1 项技术合同（合同角色：主持，成交金额 800万元）');
    expect([p.items.length, p.yuan, p.hours]).toEqual([1, 8_000_000, 0]);
  });

  it('J2: 5 services and 8学时 (C, F; 4.5分): one lead contract of 700万元 (15.5 more points: 2 + 14)', () => {
    const p = nearestPath(bundle, '研究实习员', junior('J2', 5, 8));
    expect(p.text).toBe('新增 1 项技术合同（合同角色：主持，成交金额 700万元）');
    expect(p.yuan).toBe(7_000_000);
  });

  it('J3: nothing yet: a lead contract of 650万元 and 20学时 of lecturing (A, F; 13 + 2 + 5 = 20分)', () => {
    // two items, one per performance item (A and F are the only ones one item can reach); 元 first: with S6 at
    // its 5分 cap the contract needs ⌊x/50万⌋ >= 13 → 650万元; then 0.25 × h >= 5 → 20学时 (F needs only 8).
    const p = nearestPath(bundle, '研究实习员', junior('J3', 0));
    expect([p.items.length, p.yuan, p.hours]).toEqual([2, 6_500_000, 20]);
    expect(p.text).toBe('新增 1 项技术合同（合同角色：主持，成交金额 650万元）；新增 1 项培训授课（培训角色：授课，学时 20学时）');
  });

  it('J4: a civil servant cannot get there by achievements; the reason is the gate', () => {
    const p = nearestPath(bundle, '研究实习员', junior('J4', 0, 0, { is_civil_servant: true }));
    expect(p.status).toBe('unreachable');
    expect(p.reasons).toEqual(['非公务员：公务员（含参公人员）不得申报']);
  });

  it('an applicant who passes needs nothing', () => {
    expect(nearestPath(bundle, '研究实习员', junior('J5', 5, 8, {})).status).not.toBe('passes');
    const p = nearestPath(bundle, '研究实习员', applyAdded(junior('J5', 5, 8), nearestPath(bundle, '研究实习员', junior('J5', 5, 8)).items));
    expect(p.status).toBe('passes');
  });
});

// ---------- the property test ----------

const on = REF;
const KINDS: { list: string; item: Rec; open?: string }[] = [
  ...['lead', 'member'].map((role) => ({ list: 'achievements.contracts', item: { registration_no: 'X', kind: 'development', signed_on: on, amount_yuan: 0, role }, open: 'amount_yuan' })),
  ...['host', 'participant'].map((role) => ({ list: 'achievements.transformations', item: { name: 'X', completed_on: on, role, value_yuan: 0 } })),
  { list: 'achievements.enterprise_services', item: { enterprise: 'X', served_on: on } },
  ...['national', 'provincial', 'municipal', 'district'].map((level) => ({ list: 'achievements.platforms', item: { name: 'X', level, role: 'builder', established_on: on } })),
  ...['national', 'provincial', 'municipal'].flatMap((level) => ['special', 'first', 'second', 'third'].flatMap((grade) => [1, 4, 6].map((rank) =>
    ({ list: 'achievements.awards', item: { name: 'X', level, grade, rank, awarded_on: on } })))),
  ...['lecturer', 'organizer'].map((role) => ({ list: 'achievements.trainings', item: { title: 'X', held_on: on, hours: 0, role }, open: 'hours' }))
];
const BIG = { amount_yuan: 10_000_000_000, hours: 100_000 };
const GRID = { amount_yuan: 100_000, hours: 1 }; // every threshold of the 2026 set is a multiple of these

function pairs(n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) out.push([i, j]);
  return out;
}
let serial = 0;
const added = (ks: number[], amounts: number[]) => ks.map((k, i) => {
  const item = { ...KINDS[k].item };
  for (const f of ['registration_no', 'name', 'enterprise', 'title']) if (f in item) item[f] = `X${serial++}`;
  if (KINDS[k].open) item[KINDS[k].open!] = amounts[i];
  return { list: KINDS[k].list, item };
});
const cost = (ks: number[], amounts: number[]) => {
  let yuan = 0, hours = 0;
  ks.forEach((k, i) => (KINDS[k].open === 'amount_yuan' ? (yuan += amounts[i]) : KINDS[k].open === 'hours' ? (hours += amounts[i]) : 0));
  return { yuan, hours };
};

describe('nearest path: property test against brute force', () => {
  const levels = ['研究实习员', '助理研究员'];
  const cases = (generateApplicants(160, 11) as Rec[])
    .flatMap((r) => levels.map((level) => ({ r, level })))
    .filter(({ r, level }) => verdict(r, level) === 'fail');

  it('finds cases to check', () => expect(cases.length).toBeGreaterThan(10));

  it('the path passes, and no path with fewer items, or as many and less 元 then 学时, passes', () => {
    let checked = 0;
    for (const { r, level } of cases) {
      const p = nearestPath(bundle, level, r);
      if (p.status === 'unreachable') {
        // not even every kind at once helps
        const all = KINDS.flatMap((x, k) => added([k, k], [0, 0].map(() => (x.open ? BIG[x.open as 'hours'] : 0))));
        expect(verdict(applyAdded(r, all), level)).not.toBe('pass');
        continue;
      }
      expect(p.status).toBe('path');
      const after = applyAdded(r, p.items);
      expect(validateRecord(after, REF).ok).toBe(true);
      expect(verdict(after, level)).toBe('pass');
      const k = p.items.length;
      if (k > 2) continue;
      checked++;
      const shapes = k === 1 ? KINDS.map((_, i) => [i]) : pairs(KINDS.length);
      // fewer items: no single kind (k = 2) or nothing (k = 1) passes, even with the largest amounts
      if (k === 2) for (let i = 0; i < KINDS.length; i++) expect(verdict(applyAdded(r, added([i], [BIG[KINDS[i].open as 'hours'] ?? 0])), level)).not.toBe('pass');
      // as many items: none passes with less 元, or as little 元 and fewer 学时, on the grid below the path's amounts
      for (const ks of shapes) {
        const big = ks.map((x) => (KINDS[x].open ? BIG[KINDS[x].open as 'hours'] : 0));
        if (verdict(applyAdded(r, added(ks, big)), level) !== 'pass') continue;
        const grids = ks.map((x) => {
          const f = KINDS[x].open as 'amount_yuan' | 'hours' | undefined;
          if (!f) return [0];
          const limit = f === 'amount_yuan' ? p.yuan : Math.max(p.hours, 0);
          const vs: number[] = [];
          for (let v = 0; v <= limit; v += GRID[f]) vs.push(v);
          return f === 'hours' ? [...vs, BIG.hours] : vs;
        });
        for (const a of grids[0]) for (const b of grids[1] ?? [0]) {
          const amounts = ks.length === 1 ? [a] : [a, b];
          const c = cost(ks, amounts);
          const smaller = c.yuan < p.yuan || (c.yuan === p.yuan && c.hours < p.hours);
          if (!smaller) continue;
          expect(verdict(applyAdded(r, added(ks, amounts)), level), `${r.id} ${level}: ${JSON.stringify(added(ks, amounts))} beats ${p.text}`).not.toBe('pass');
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
