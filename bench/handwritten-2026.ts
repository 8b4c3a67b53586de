/**
 * Hand-written oracle of the 2026 杭州市技术经理 evaluation standard
 * (shared/policy/2026-technical-manager-standard.md, sections 0–6, as pinned down by docs/decisions.md).
 *
 * Independent ground truth and benchmark baseline: plain loops, no intermediate arrays, every
 * date bound precomputed as an ISO string and compared as a string. Amounts are integer 元.
 */

export type Level = '研究实习员' | '助理研究员' | '副研究员' | '研究员';

export interface Outcome {
  verdict: 'pass' | 'fail' | 'ineligible';
  route: 'regular' | 'direct' | null;
  /** null when ineligible: no route is open and no score is reported. */
  score: number | null;
}

export type Degree = 'college' | 'bachelor' | 'master' | 'doctor';
export type GenericLevel = 'junior' | 'intermediate' | 'associate_senior' | 'senior';

export interface Violation { kind: string; decided_on: string; ban_until: string }
export interface Education { degree: Degree; awarded_on: string }
export interface CurrentTitle { level: GenericLevel; name: string; series: string; obtained_on: string }
export interface AnnualAssessment { year: number; result: 'excellent' | 'competent' | 'basic' | 'incompetent' }
export interface ContinuingEducation { year: number; total_hours: number; professional_hours: number }
export interface Contract {
  registration_no: string;
  kind: 'development' | 'transfer' | 'license' | 'consulting' | 'service';
  signed_on: string;
  amount_yuan: number;
  role: 'lead' | 'member';
}
export interface Transformation { name: string; completed_on: string; role: 'host' | 'participant'; value_yuan: number }
export interface EnterpriseService { enterprise: string; served_on: string }
export interface Platform {
  name: string;
  level: 'national' | 'provincial' | 'municipal' | 'district';
  role: 'builder' | 'operator' | 'member';
  established_on: string;
}
export interface Award {
  name: string;
  level: 'national' | 'provincial' | 'municipal';
  grade: 'special' | 'first' | 'second' | 'third';
  rank: number;
  awarded_on: string;
}
export interface Training { title: string; held_on: string; hours: number; role: 'lecturer' | 'organizer' }

export interface ApplicantRecord {
  id: string;
  name: string;
  target_level: Level;
  employment_status: 'in_service' | 'resigned' | 'retired';
  work_region_code: string;
  is_civil_servant: boolean;
  is_retired: boolean;
  integrity: { blacklisted: boolean; violations: Violation[] };
  education: Education[];
  current_title: CurrentTitle | null;
  annual_assessments: AnnualAssessment[];
  continuing_education: ContinuingEducation[];
  achievements: {
    contracts: Contract[];
    transformations: Transformation[];
    enterprise_services: EnterpriseService[];
    platforms: Platform[];
    awards: Award[];
    trainings: Training[];
  };
}

// ---- precomputed date bounds (基准日 2026-09-30) ----
const REF = '2026-09-30'; //            基准日
const LAST3_START = '2023-10-01'; //    近3年: > 2023-09-30
const LAST5_START = '2021-10-01'; //    近5年: > 2021-09-30
const FULL_3M = '2026-06-30'; //        满3个月
const FULL_1Y = '2025-09-30'; //        满1年
const FULL_2Y = '2024-09-30'; //        满2年
const FULL_3Y = '2023-09-30'; //        满3年
const FULL_4Y = '2022-09-30'; //        满4年
const FULL_5Y = '2021-09-30'; //        满5年

const HALF_MILLION = 500_000;

function degreeRank(d: string): number {
  switch (d) {
    case 'college': return 1;
    case 'bachelor': return 2;
    case 'master': return 3;
    case 'doctor': return 4;
    default: return 0;
  }
}

/** platform level: district 1 < municipal 2 < provincial 3 < national 4 */
function platformRank(l: string): number {
  switch (l) {
    case 'district': return 1;
    case 'municipal': return 2;
    case 'provincial': return 3;
    case 'national': return 4;
    default: return 0;
  }
}

function yearOk(list: AnnualAssessment[], year: number): boolean {
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a.year === year && (a.result === 'excellent' || a.result === 'competent')) return true;
  }
  return false;
}

function ceOk(list: ContinuingEducation[], year: number): boolean {
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c.year === year && c.total_hours >= 90 && 3 * c.professional_hours >= 2 * c.total_hours) return true;
  }
  return false;
}

export function evaluate2026(record: ApplicantRecord): Record<Level, Outcome> {
  // ---------- section 1: gates ----------
  let eligible =
    record.employment_status === 'in_service' &&
    record.work_region_code.startsWith('3301') &&
    record.is_civil_servant === false &&
    record.is_retired === false &&
    record.integrity.blacklisted === false;
  if (eligible) {
    const v = record.integrity.violations;
    for (let i = 0; i < v.length; i++) {
      if (v[i].ban_until >= REF) { eligible = false; break; }
    }
  }
  if (eligible) {
    const aa = record.annual_assessments;
    eligible = yearOk(aa, 2023) && yearOk(aa, 2024) && yearOk(aa, 2025);
  }
  if (eligible) {
    const ce = record.continuing_education;
    eligible = ceOk(ce, 2023) && ceOk(ce, 2024) && ceOk(ce, 2025);
  }

  // ---------- degrees (only awarded_on <= 基准日) ----------
  let college3y = false, bachelor1y = false, bachelor = false, master3m = false, master3y = false,
    master = false, doctor = false, doctor3m = false;
  const edu = record.education;
  for (let i = 0; i < edu.length; i++) {
    const d = edu[i].awarded_on;
    if (d > REF) continue;
    const r = degreeRank(edu[i].degree);
    if (r >= 1 && d <= FULL_3Y) college3y = true;
    if (r >= 2) { bachelor = true; if (d <= FULL_1Y) bachelor1y = true; }
    if (r >= 3) {
      master = true;
      if (d <= FULL_3M) master3m = true;
      if (d <= FULL_3Y) master3y = true;
    }
    if (r >= 4) { doctor = true; if (d <= FULL_3M) doctor3m = true; }
  }

  // ---------- current title (after 基准日 = none) ----------
  const ct = record.current_title;
  const hasTitle = ct !== null && ct.obtained_on <= REF;
  const tLevel = hasTitle ? ct!.level : '';
  const tDate = hasTitle ? ct!.obtained_on : '';
  const winStart = hasTitle ? tDate : LAST3_START;

  // ---------- regular routes ----------
  const regJunior = college3y || bachelor1y || master3m || doctor;
  const regAssistant =
    doctor3m || master3y ||
    (master && tLevel === 'junior' && tDate <= FULL_2Y) ||
    (bachelor && tLevel === 'junior' && tDate <= FULL_4Y);
  const regAssociate =
    (doctor && tLevel === 'intermediate' && tDate <= FULL_2Y) ||
    (bachelor && tLevel === 'intermediate' && tDate <= FULL_5Y);
  const regSenior = bachelor && tLevel === 'associate_senior' && tDate <= FULL_5Y;

  // ---------- excellent in 2024 or 2025 ----------
  let excellentRecent = false;
  {
    const aa = record.annual_assessments;
    for (let i = 0; i < aa.length; i++) {
      const a = aa[i];
      if ((a.year === 2024 || a.year === 2025) && a.result === 'excellent') { excellentRecent = true; break; }
    }
  }

  const ach = record.achievements;

  // ---------- contracts: window sums, B count, 近5年 lead sum ----------
  let leadSum = 0, memberSum = 0, bCount = 0, lead5y = 0;
  {
    const cs = ach.contracts;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      const d = c.signed_on;
      if (d > REF) continue;
      const isLead = c.role === 'lead';
      if (isLead && d >= LAST5_START) lead5y += c.amount_yuan;
      if (d >= winStart) {
        if (isLead) { leadSum += c.amount_yuan; bCount++; }
        else if (c.role === 'member') memberSum += c.amount_yuan;
      }
    }
  }
  {
    const ts = ach.transformations;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (t.role === 'host' && t.completed_on >= winStart && t.completed_on <= REF) bCount++;
    }
  }
  let services = 0;
  {
    const ss = ach.enterprise_services;
    for (let i = 0; i < ss.length; i++) {
      const d = ss[i].served_on;
      if (d >= winStart && d <= REF) services++;
    }
  }
  let bestPlatform = 0;
  {
    const ps = ach.platforms;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      if (p.role !== 'builder' && p.role !== 'operator') continue;
      const d = p.established_on;
      if (d < winStart || d > REF) continue;
      const r = platformRank(p.level);
      if (r > bestPlatform) bestPlatform = r;
    }
  }
  let lectureHours = 0;
  {
    const tr = ach.trainings;
    for (let i = 0; i < tr.length; i++) {
      const t = tr[i];
      if (t.role === 'lecturer' && t.held_on >= winStart && t.held_on <= REF) lectureHours += t.hours;
    }
  }

  // awards: E items (window), S5 (window), direct-route flags (no window)
  let eAssistant = false, eAssociate = false, eSenior = false, s5 = 0;
  let dNatAny = false, dNat5 = false, dProvTop2r5 = false, dProvSF3 = false;
  {
    const as = ach.awards;
    for (let i = 0; i < as.length; i++) {
      const a = as[i];
      const d = a.awarded_on;
      if (d > REF) continue;
      const lvl = a.level, g = a.grade, rank = a.rank;
      const sf = g === 'special' || g === 'first';
      // direct route: no window
      if (lvl === 'national') {
        dNatAny = true;
        if (rank <= 5) dNat5 = true;
      } else if (lvl === 'provincial') {
        if (rank <= 5 && (sf || g === 'second')) dProvTop2r5 = true;
        if (rank <= 3 && sf) dProvSF3 = true;
      }
      if (d < winStart) continue;
      // E items
      if (rank <= 3) eAssistant = true; // municipal or higher (every award level is), any grade
      if (lvl === 'municipal') {
        if (sf && rank <= 3) eAssociate = true;
      } else if (rank <= 5) {
        eAssociate = true;
      }
      if (lvl === 'provincial') {
        if (rank <= 3 && (sf || g === 'second')) eSenior = true;
      } else if (lvl === 'national') {
        if (rank <= 5) eSenior = true;
      }
      // S5
      if (rank <= 5) {
        if (lvl === 'national') s5 += 15;
        else if (lvl === 'provincial') s5 += sf ? 10 : g === 'second' ? 6 : 4;
        else s5 += sf ? 3 : g === 'second' ? 2 : 1;
      }
    }
  }

  // ---------- score ----------
  let s1 = Math.floor(leadSum / HALF_MILLION) + Math.floor(memberSum / HALF_MILLION) * 0.5;
  if (s1 > 40) s1 = 40;
  let s2 = 2 * bCount;
  if (s2 > 20) s2 = 20;
  let s3 = 0.5 * services;
  if (s3 > 10) s3 = 10;
  const s4 = bestPlatform === 4 ? 10 : bestPlatform === 3 ? 6 : bestPlatform === 2 ? 3 : bestPlatform === 1 ? 1 : 0;
  if (s5 > 15) s5 = 15;
  let s6 = 0.25 * lectureHours;
  if (s6 > 5) s6 = 5;
  const score = s1 + s2 + s3 + s4 + s5 + s6;

  const amount = leadSum + memberSum;

  // ---------- performance items ----------
  const nJunior =
    (amount >= 500_000 ? 1 : 0) + (bCount >= 3 ? 1 : 0) + (services >= 5 ? 1 : 0) + (lectureHours >= 8 ? 1 : 0);
  const nAssistant =
    (amount >= 2_000_000 ? 1 : 0) + (bCount >= 8 ? 1 : 0) + (services >= 10 ? 1 : 0) +
    (bestPlatform >= 2 ? 1 : 0) + (eAssistant ? 1 : 0) + (lectureHours >= 16 ? 1 : 0);
  const nAssociate =
    (amount >= 5_000_000 ? 1 : 0) + (bCount >= 15 ? 1 : 0) + (services >= 20 ? 1 : 0) +
    (bestPlatform >= 2 ? 1 : 0) + (eAssociate ? 1 : 0) + (lectureHours >= 32 ? 1 : 0);
  const nSenior =
    (amount >= 20_000_000 ? 1 : 0) + (bCount >= 30 ? 1 : 0) + (services >= 40 ? 1 : 0) +
    (bestPlatform >= 3 ? 1 : 0) + (eSenior ? 1 : 0) + (lectureHours >= 48 ? 1 : 0);

  // ---------- direct routes ----------
  const dirAssociate = excellentRecent && (dNatAny || dProvTop2r5 || lead5y >= 30_000_000);
  const dirSenior = excellentRecent && (dNat5 || dProvSF3 || lead5y >= 100_000_000);

  const rJunior = regJunior ? 'regular' : null;
  const rAssistant = regAssistant ? 'regular' : null;
  const rAssociate = regAssociate ? 'regular' : dirAssociate ? 'direct' : null;
  const rSenior = regSenior ? 'regular' : dirSenior ? 'direct' : null;

  return {
    研究实习员: {
      verdict: !eligible ? 'ineligible' : rJunior !== null && nJunior >= 2 && score >= 20 ? 'pass' : 'fail',
      route: eligible ? rJunior : null,
      score: eligible ? score : null,
    },
    助理研究员: {
      verdict: !eligible ? 'ineligible' : rAssistant !== null && nAssistant >= 2 && score >= 35 ? 'pass' : 'fail',
      route: eligible ? rAssistant : null,
      score: eligible ? score : null,
    },
    副研究员: {
      verdict: !eligible ? 'ineligible' : rAssociate !== null && nAssociate >= 3 && score >= 55 ? 'pass' : 'fail',
      route: eligible ? rAssociate : null,
      score: eligible ? score : null,
    },
    研究员: {
      verdict: !eligible ? 'ineligible' : rSenior !== null && nSenior >= 3 && score >= 70 ? 'pass' : 'fail',
      route: eligible ? rSenior : null,
      score: eligible ? score : null,
    },
  };
}
