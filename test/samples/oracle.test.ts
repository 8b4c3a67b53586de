import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate2026, type ApplicantRecord, type Level } from '../../bench/handwritten-2026.ts';

const DIR = join(import.meta.dirname, '../../standards/2026/samples');
const LEVELS: Level[] = ['研究实习员', '助理研究员', '副研究员', '研究员'];

interface Sample {
  description: string;
  reasoning: string;
  record: ApplicantRecord;
  expected: Record<Level, { verdict: string; route: string | null; score: number | null }>;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const samples = files.map((f) => ({ file: f, s: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Sample }));

// ---- minimal structural check of section 8 (not a full schema) ----
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function problems(r: unknown): string[] {
  const p: string[] = [];
  const need = (cond: boolean, path: string) => { if (!cond) p.push(path); };
  const oneOf = (v: unknown, xs: string[]) => typeof v === 'string' && xs.includes(v);
  const date = (v: unknown) => typeof v === 'string' && DATE.test(v);
  const list = (v: unknown, path: string, check: (e: Record<string, unknown>, path: string) => void) => {
    if (!Array.isArray(v)) { p.push(path); return; }
    v.forEach((e, i) => (isObj(e) ? check(e, `${path}[${i}]`) : p.push(`${path}[${i}]`)));
  };
  if (!isObj(r)) return ['record'];
  need(typeof r.id === 'string' && r.id.length > 0, 'id');
  need(typeof r.name === 'string', 'name');
  need(oneOf(r.target_level, LEVELS), 'target_level');
  need(oneOf(r.employment_status, ['in_service', 'resigned', 'retired']), 'employment_status');
  need(typeof r.work_region_code === 'string' && /^\d{6}$/.test(r.work_region_code), 'work_region_code');
  need(typeof r.is_civil_servant === 'boolean', 'is_civil_servant');
  need(typeof r.is_retired === 'boolean', 'is_retired');
  if (isObj(r.integrity)) {
    need(typeof r.integrity.blacklisted === 'boolean', 'integrity.blacklisted');
    list(r.integrity.violations, 'integrity.violations', (e, q) => {
      need(typeof e.kind === 'string', `${q}.kind`);
      need(date(e.decided_on), `${q}.decided_on`);
      need(date(e.ban_until), `${q}.ban_until`);
    });
  } else p.push('integrity');
  list(r.education, 'education', (e, q) => {
    need(oneOf(e.degree, ['college', 'bachelor', 'master', 'doctor']), `${q}.degree`);
    need(date(e.awarded_on), `${q}.awarded_on`);
  });
  if (!('current_title' in r)) p.push('current_title');
  else if (r.current_title !== null) {
    const t = r.current_title;
    if (!isObj(t)) p.push('current_title');
    else {
      need(oneOf(t.level, ['junior', 'intermediate', 'associate_senior', 'senior']), 'current_title.level');
      need(typeof t.name === 'string', 'current_title.name');
      need(typeof t.series === 'string', 'current_title.series');
      need(date(t.obtained_on), 'current_title.obtained_on');
    }
  }
  const years = new Set<number>();
  list(r.annual_assessments, 'annual_assessments', (e, q) => {
    need(Number.isInteger(e.year) && !years.has(e.year as number), `${q}.year`);
    years.add(e.year as number);
    need(oneOf(e.result, ['excellent', 'competent', 'basic', 'incompetent']), `${q}.result`);
  });
  const ceYears = new Set<number>();
  list(r.continuing_education, 'continuing_education', (e, q) => {
    need(Number.isInteger(e.year) && !ceYears.has(e.year as number), `${q}.year`);
    ceYears.add(e.year as number);
    need(typeof e.total_hours === 'number' && e.total_hours >= 0, `${q}.total_hours`);
    need(typeof e.professional_hours === 'number' && e.professional_hours >= 0 &&
      (e.professional_hours as number) <= (e.total_hours as number), `${q}.professional_hours`);
  });
  const a = r.achievements;
  if (!isObj(a)) return [...p, 'achievements'];
  const regs = new Set<string>();
  list(a.contracts, 'achievements.contracts', (e, q) => {
    need(typeof e.registration_no === 'string' && !regs.has(e.registration_no), `${q}.registration_no`);
    regs.add(e.registration_no as string);
    need(oneOf(e.kind, ['development', 'transfer', 'license', 'consulting', 'service']), `${q}.kind`);
    need(date(e.signed_on), `${q}.signed_on`);
    need(Number.isInteger(e.amount_yuan) && (e.amount_yuan as number) >= 0, `${q}.amount_yuan`);
    need(oneOf(e.role, ['lead', 'member']), `${q}.role`);
  });
  list(a.transformations, 'achievements.transformations', (e, q) => {
    need(typeof e.name === 'string', `${q}.name`);
    need(date(e.completed_on), `${q}.completed_on`);
    need(oneOf(e.role, ['host', 'participant']), `${q}.role`);
    need(Number.isInteger(e.value_yuan) && (e.value_yuan as number) >= 0, `${q}.value_yuan`);
  });
  list(a.enterprise_services, 'achievements.enterprise_services', (e, q) => {
    need(typeof e.enterprise === 'string', `${q}.enterprise`);
    need(date(e.served_on), `${q}.served_on`);
  });
  list(a.platforms, 'achievements.platforms', (e, q) => {
    need(typeof e.name === 'string', `${q}.name`);
    need(oneOf(e.level, ['national', 'provincial', 'municipal', 'district']), `${q}.level`);
    need(oneOf(e.role, ['builder', 'operator', 'member']), `${q}.role`);
    need(date(e.established_on), `${q}.established_on`);
  });
  list(a.awards, 'achievements.awards', (e, q) => {
    need(typeof e.name === 'string', `${q}.name`);
    need(oneOf(e.level, ['national', 'provincial', 'municipal']), `${q}.level`);
    need(oneOf(e.grade, ['special', 'first', 'second', 'third']), `${q}.grade`);
    need(Number.isInteger(e.rank) && (e.rank as number) >= 1, `${q}.rank`);
    need(date(e.awarded_on), `${q}.awarded_on`);
  });
  list(a.trainings, 'achievements.trainings', (e, q) => {
    need(typeof e.title === 'string', `${q}.title`);
    need(date(e.held_on), `${q}.held_on`);
    need(typeof e.hours === 'number' && e.hours >= 0, `${q}.hours`);
    need(oneOf(e.role, ['lecturer', 'organizer']), `${q}.role`);
  });
  return p;
}

describe('2026 sample set', () => {
  it('has at least 45 samples with unique ids', () => {
    expect(samples.length).toBeGreaterThanOrEqual(45);
    const ids = samples.map(({ s }) => s.record.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(samples)('$file is well-formed', ({ s }) => {
    expect(typeof s.description).toBe('string');
    expect(s.description.length).toBeGreaterThan(0);
    expect(typeof s.reasoning).toBe('string');
    expect(s.reasoning.length).toBeGreaterThan(0);
    expect(problems(s.record)).toEqual([]);
    expect(Object.keys(s.expected).sort()).toEqual([...LEVELS].sort());
  });
});

describe('hand-written oracle agrees with the hand-reasoned expectations', () => {
  it.each(samples)('$file', ({ s }) => {
    const got = evaluate2026(s.record);
    for (const level of LEVELS) {
      const want = s.expected[level];
      expect({ level, verdict: got[level].verdict, route: got[level].route }).toEqual({ level, verdict: want.verdict, route: want.route });
      if (want.score === null) expect(got[level].score).toBeNull();
      else expect(got[level].score).toBeCloseTo(want.score, 9);
    }
  });
});

describe('structural check itself', () => {
  it('rejects the broken records of the mixed batch fixture', () => {
    const batch = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/mixed-batch.json'), 'utf8')) as unknown[];
    expect(batch).toHaveLength(6);
    const bad = batch.map((r) => problems(r));
    expect(bad.filter((p) => p.length === 0)).toHaveLength(3);
    expect(bad.filter((p) => p.length > 0).map((p) => p[0]).sort()).toEqual(
      ['achievements.awards', 'achievements.contracts[0].amount_yuan', 'achievements.platforms[0].level'].sort(),
    );
  });
});
