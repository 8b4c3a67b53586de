// Seeded generator of realistic applicant records (valid under section 8 of the policy), for benchmarks and
// differential tests. `messy` also produces records the schema rejects, as real exports sometimes are.
// Two cohorts: 'mixed' (the default, about 90% ineligible: every gate is a coin with a fair chance of failing,
// which exercises every branch) and 'eligible' (what a bureau really receives: people who read the rules
// before applying, so nearly all pass the basic conditions and are then judged on routes, items and scores).
export function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = ['研究实习员', '助理研究员', '副研究员', '研究员'];
const TITLE = ['junior', 'intermediate', 'associate_senior', 'senior'];

export type Cohort = 'mixed' | 'eligible';

export function generateApplicants(n: number, seed = 1, messy = false, cohort: Cohort = 'mixed'): unknown[] {
  return [...applicantStream(n, seed, messy, cohort)];
}

/** The same records one at a time, for streams too big to hold (bench/stream-rss.ts). */
export function* applicantStream(n: number, seed = 1, messy = false, cohort: Cohort = 'mixed'): Generator<unknown> {
  const rnd = mulberry32(seed);
  const eligible = cohort === 'eligible';
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const date = (from: number, to: number) => `${int(from, to)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const many = <T>(max: number, f: (i: number) => T) => Array.from({ length: int(0, max) }, (_, i) => f(i));
  for (let i = 0; i < n; i++) {
    const id = `G${String(i + 1).padStart(6, '0')}`;
    const tier = int(0, 3);
    const record = {
      id, name: `申请人${i + 1}`, target_level: LEVELS[tier],
      employment_status: rnd() < (eligible ? 0.995 : 0.95) ? 'in_service' : pick(['resigned', 'retired']),
      work_region_code: rnd() < (eligible ? 0.995 : 0.93) ? `3301${String(int(2, 99)).padStart(2, '0')}` : '330206',
      is_civil_servant: rnd() < (eligible ? 0.002 : 0.02), is_retired: rnd() < (eligible ? 0.002 : 0.02),
      integrity: { blacklisted: rnd() < (eligible ? 0.001 : 0.01), violations: rnd() < (eligible ? 0.005 : 0.05) ? [{ kind: '弄虚作假', decided_on: date(2020, 2025), ban_until: date(2023, 2028) }] : [] },
      education: [{ degree: pick(['college', 'bachelor', 'bachelor', 'master', 'master', 'doctor']), awarded_on: date(1995, 2026) }],
      current_title: tier === 0 && rnd() < 0.6 ? null : { level: TITLE[Math.max(0, tier - 1)], name: '工程师', series: pick(['工程', '自然科学研究', '经济']), obtained_on: date(2010, 2026) },
      annual_assessments: [2023, 2024, 2025]
        .filter(() => rnd() < (eligible ? 0.998 : 0.97))
        .map((year) => ({ year, result: eligible ? (rnd() < 0.003 ? 'basic' : pick(['excellent', 'competent', 'competent'])) : pick(['excellent', 'competent', 'competent', 'competent', 'basic']) })),
      continuing_education: [2023, 2024, 2025].map((year) => {
        const total = eligible ? (rnd() < 0.005 ? 85 : int(90, 150)) : int(80, 140);
        return { year, total_hours: total, professional_hours: Math.min(total, int(Math.floor(total * (eligible ? 0.67 : 0.55)), total)) };
      }),
      achievements: {
        contracts: many(tier * 12 + 6, (k) => ({ registration_no: `${id}-HT${k + 1}`, kind: pick(['development', 'transfer', 'license', 'consulting', 'service']), signed_on: date(2016, 2026), amount_yuan: int(5, 600) * 10_000, role: rnd() < 0.6 ? 'lead' : 'member' })),
        transformations: many(6, (k) => ({ name: `成果转化${k + 1}`, completed_on: date(2018, 2026), role: pick(['host', 'participant']), value_yuan: int(10, 2000) * 10_000 })),
        enterprise_services: many(tier * 12 + 8, (k) => ({ enterprise: `企业${k + 1}`, served_on: date(2018, 2026) })),
        platforms: many(2, (k) => ({ name: `平台${k + 1}`, level: pick(['national', 'provincial', 'municipal', 'district']), role: pick(['builder', 'operator', 'member']), established_on: date(2012, 2026) })),
        awards: many(3, (k) => ({ name: `奖项${k + 1}`, level: pick(['national', 'provincial', 'municipal']), grade: pick(['special', 'first', 'second', 'third']), rank: int(1, 9), awarded_on: date(2012, 2026) })),
        trainings: many(8, (k) => ({ title: `培训${k + 1}`, held_on: date(2019, 2026), hours: int(1, 16) / 2, role: pick(['lecturer', 'organizer']) }))
      }
    };
    yield messy && rnd() < 0.2 ? spoil(record, rnd) : record;
  }
}

/** One realistic mistake: a missing list, an amount written as text, a misspelt enum, an impossible date. */
function spoil(record: Record<string, unknown> & { achievements: Record<string, unknown[]> }, rnd: () => number): unknown {
  const r = structuredClone(record);
  switch (Math.floor(rnd() * 5)) {
    case 0: delete (r.achievements as Record<string, unknown>).awards; break;
    case 1: r.achievements.contracts.push({ registration_no: 'X', kind: 'transfer', signed_on: '2025-01-01', amount_yuan: '500万', role: 'lead' }); break;
    case 2: r.achievements.platforms.push({ name: 'p', level: 'municpal', role: 'builder', established_on: '2024-01-01' }); break;
    case 3: r.education = [{ degree: 'master', awarded_on: '2025-02-30' }]; break;
    default: r.is_retired = 'no'; break;
  }
  return r;
}
