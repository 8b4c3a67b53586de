// Two compiled versions on one cohort: per applicant and level the old and new verdict, route and score; for
// every applicant whose verdict flips, the clauses whose own outcome changed (causes.ts). Verdicts come from the
// bundles' own verdict logic; clause outcomes are traced only for flips, so a comparison costs about two plain
// evaluation passes plus the flips.
import type { Bundle, BundleLevel } from '../compile/bundle-types.ts';
import { compiledBundle, traceLevel, type CompiledLevel, type LevelVerdict } from '../evaluate/evaluate.ts';
import { validateRecord } from '../records/index.ts';
import { clauseChanges, type ClauseChange } from './causes.ts';

export type Verdict = LevelVerdict['verdict'];
export interface Outcome {
  verdict: Verdict;
  route: LevelVerdict['route'];
  /** null when ineligible: no score is reported. */
  score: number | null;
}

/** 通过→不通过, 不通过→通过, or 资格变化 (either side ineligible). */
export type Flip = 'lost' | 'gained' | 'eligibility';
export const FLIP_LABEL: Record<Flip, string> = { lost: '通过→不通过', gained: '不通过→通过', eligibility: '资格变化' };

export interface LevelImpact {
  id: string;
  level: string;
  /** null: the level does not exist in that version. */
  old: Outcome | null;
  new: Outcome | null;
  flip: Flip | null;
  /** For flips: every clause whose own outcome changed. */
  causes?: ClauseChange[];
}

export interface Counts {
  pass: number;
  fail: number;
  ineligible: number;
}

export interface LevelSummary {
  level: string;
  old: Counts | null;
  new: Counts | null;
  flips: Record<Flip, number>;
  /** Applicants whose route or score changed without a flip. */
  otherChanges: number;
  /** How many flips each clause took part in, by clause key, with its title. */
  byClause: { key: string; title: string; count: number }[];
  /** Score histograms in 10-point bins (0–9, 10–19, …, 100+), of the applicants not ineligible. */
  scores: { old: number[]; new: number[] };
}

export interface Impact {
  oldName: string;
  newName: string;
  applicants: number;
  rejected: { id: string | null; errors: { path: string; message: string }[] }[];
  levels: LevelSummary[];
  /** Every applicant × level (keep: 'all') or only those whose outcome changed (keep: 'changed'). */
  rows: LevelImpact[];
}

export interface CompareOptions {
  keep?: 'all' | 'changed';
  levels?: string[];
}

export function flipOf(a: Verdict | undefined, b: Verdict | undefined): Flip | null {
  if (a === undefined || b === undefined || a === b) return null;
  if (a === 'ineligible' || b === 'ineligible') return 'eligibility';
  return b === 'pass' ? 'gained' : 'lost';
}

const BINS = 11;
const bin = (score: number) => Math.max(0, Math.min(BINS - 1, Math.floor(score / 10)));
const emptyCounts = (): Counts => ({ pass: 0, fail: 0, ineligible: 0 });

interface Side {
  bundle: Bundle;
  level: BundleLevel | undefined;
  compiled: CompiledLevel | undefined;
}

function outcomeOf(c: CompiledLevel, record: unknown): Outcome {
  return { verdict: c.verdict(record) as Verdict, route: c.route(record) as Outcome['route'], score: scoreOf(c.score(record)) };
}

/** The bundle's score: null when none is reported (an ineligible result). */
function scoreOf(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function levelNames(a: Bundle, b: Bundle, only?: string[]): string[] {
  const names = [...new Set([...b.levels.map((l) => l.name), ...a.levels.map((l) => l.name)])];
  return only ? names.filter((n) => only.includes(n)) : names;
}

function side(bundle: Bundle, name: string): Side {
  const i = bundle.levels.findIndex((l) => l.name === name);
  return { bundle, level: bundle.levels[i], compiled: i >= 0 ? compiledBundle(bundle).levels[i] : undefined };
}

class LevelTally {
  readonly summary: LevelSummary;
  private clauses = new Map<string, { key: string; title: string; count: number }>();
  constructor(level: string, hasOld: boolean, hasNew: boolean) {
    this.summary = {
      level, old: hasOld ? emptyCounts() : null, new: hasNew ? emptyCounts() : null,
      flips: { lost: 0, gained: 0, eligibility: 0 }, otherChanges: 0, byClause: [],
      scores: { old: new Array(BINS).fill(0), new: new Array(BINS).fill(0) }
    };
  }
  add(row: LevelImpact): void {
    const s = this.summary;
    if (row.old) {
      s.old![row.old.verdict]++;
      if (row.old.score !== null) s.scores.old[bin(row.old.score)]++;
    }
    if (row.new) {
      s.new![row.new.verdict]++;
      if (row.new.score !== null) s.scores.new[bin(row.new.score)]++;
    }
    if (row.flip) s.flips[row.flip]++;
    else if (row.old && row.new && (row.old.route !== row.new.route || row.old.score !== row.new.score)) s.otherChanges++;
    for (const c of row.causes ?? []) {
      const k = this.clauses.get(c.key) ?? { key: c.key, title: c.title, count: 0 };
      k.count++;
      this.clauses.set(c.key, k);
    }
  }
  done(): LevelSummary {
    this.summary.byClause = [...this.clauses.values()].sort((a, b) => b.count - a.count);
    return this.summary;
  }
}

/** Compare two versions on a cohort. Records either version rejects are listed and left out of every count. */
export function compareVersions(oldBundle: Bundle, newBundle: Bundle, records: Iterable<unknown>, options: CompareOptions = {}): Impact {
  const names = levelNames(oldBundle, newBundle, options.levels);
  const sides = names.map((n) => ({ name: n, o: side(oldBundle, n), n: side(newBundle, n) }));
  const tallies = sides.map((s) => new LevelTally(s.name, !!s.o.level, !!s.n.level));
  const co = compiledBundle(oldBundle), cn = compiledBundle(newBundle);
  const sameDate = oldBundle.meta.referenceDate === newBundle.meta.referenceDate;
  const rejected: Impact['rejected'] = [];
  const rows: LevelImpact[] = [];
  let applicants = 0;
  for (const record of records) {
    const check = validateRecord(record, newBundle.meta.referenceDate);
    const checkOld = sameDate || !check.ok ? check : validateRecord(record, oldBundle.meta.referenceDate);
    if (!check.ok || !checkOld.ok) {
      const bad = !check.ok ? check : checkOld;
      rejected.push({ id: bad.id, errors: bad.errors.map((e) => ({ path: e.path, message: e.message })) });
      continue;
    }
    applicants++;
    co.begin(record);
    cn.begin(record);
    sides.forEach((s, i) => {
      const old = s.o.compiled ? outcomeOf(s.o.compiled, record) : null;
      const now = s.n.compiled ? outcomeOf(s.n.compiled, record) : null;
      const flip = flipOf(old?.verdict, now?.verdict);
      const row: LevelImpact = { id: check.id ?? '', level: s.name, old, new: now, flip };
      if (flip) row.causes = clauseChanges(s.o.level!, s.n.level!, traceLevel(s.o.compiled!, record, 'summary'), traceLevel(s.n.compiled!, record, 'summary'));
      tallies[i].add(row);
      const changed = flip !== null || !old || !now || old.route !== now.route || old.score !== now.score;
      if (options.keep !== 'changed' || changed) rows.push(row);
    });
  }
  return { oldName: oldBundle.meta.name, newName: newBundle.meta.name, applicants, rejected, levels: tallies.map((t) => t.done()), rows };
}
