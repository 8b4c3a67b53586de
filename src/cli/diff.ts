// stdc diff <old> <new> <applicants>: the change list of the standard, and what it does to the cohort (every
// flip with the clauses that caused it). Table for a person; JSON and CSV for programs.
import { changeList, type StandardChange } from '../lib/core/impact/changes.ts';
import { compareVersions, FLIP_LABEL, type Impact, type LevelImpact, type Outcome } from '../lib/core/impact/compare.ts';
import { columns, csvDocument } from './columns.ts';
import { loadVersion, readCohort } from './versions.ts';
import { routeText, verdictText } from '../lib/core/evaluate/labels.ts';

const verdict = (o: Outcome | null) => (o ? verdictText(o.verdict) : '（无此级别）');
const route = (o: Outcome | null) => routeText(o?.route);
const score = (o: Outcome | null) => (o ? String(o.score) : '—');

export interface DiffIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface DiffOptions {
  format: 'table' | 'json' | 'csv';
  levels?: string[];
}

export async function diff(oldPath: string, newPath: string, applicants: string, o: DiffOptions, io: DiffIo): Promise<number> {
  const a = loadVersion(oldPath), b = loadVersion(newPath);
  for (const v of [a, b]) if ('error' in v) io.err(v.error + '\n');
  if ('error' in a || 'error' in b) return 2;
  const changes = a.model && b.model ? changeList(a.model, b.model) : null;
  const cohort = await readCohort(applicants);
  const impact = compareVersions(a.bundle, b.bundle, cohort, { keep: o.format === 'table' ? 'changed' : 'all', ...(o.levels ? { levels: o.levels } : {}) });
  if (o.format === 'json') io.out(JSON.stringify({ changes, ...impact }, null, 2) + '\n');
  else if (o.format === 'csv') io.out(csv(impact.rows));
  else io.out(table(changes, impact));
  if (impact.rejected.length) io.err(`${impact.rejected.length} 条记录被拒绝（${impact.rejected.map((r) => r.id ?? '无编号').join('、')}），其余 ${impact.applicants} 条已比较\n`);
  return impact.rejected.length ? 1 : 0;
}

const causes = (r: LevelImpact) => (r.causes ?? []).map((c) => c.text).join('；');
const change = (r: LevelImpact) => (r.flip ? FLIP_LABEL[r.flip] : r.old && r.new && (r.old.route !== r.new.route || r.old.score !== r.new.score) ? '路线或积分变化' : '');

function csv(rows: LevelImpact[]): string {
  const head = ['编号', '评价级别', '原结论', '现结论', '原路线', '现路线', '原积分', '现积分', '变化', '原因'];
  return csvDocument(head, rows.map((r) => [r.id, r.level, verdict(r.old), verdict(r.new), route(r.old), route(r.new), score(r.old), score(r.new), change(r), causes(r)]));
}

function table(changes: StandardChange[] | null, impact: Impact): string {
  const out: string[] = [];
  out.push(`标准变更（${impact.oldName} → ${impact.newName}）：`);
  if (!changes) out.push('  （bundle 不含检查后的模型，无法生成变更清单；请给出标准目录）');
  else if (!changes.length) out.push('  无');
  else for (const c of changes) out.push(`  · ${c.text}`);
  out.push('', `对 ${impact.applicants} 名申请人的影响：`);
  const n = (x: number | undefined) => (x === undefined ? '—' : String(x));
  out.push(columns(['评价级别', '原通过', '现通过', '原不通过', '现不通过', '原无资格', '现无资格', '通过→不通过', '不通过→通过', '资格变化'],
    impact.levels.map((l) => [l.level, n(l.old?.pass), n(l.new?.pass), n(l.old?.fail), n(l.new?.fail), n(l.old?.ineligible), n(l.new?.ineligible),
      String(l.flips.lost), String(l.flips.gained), String(l.flips.eligibility)])).trimEnd());
  const flips = impact.rows.filter((r) => r.flip);
  if (flips.length) {
    out.push('', '结论变化的申请人及原因：');
    out.push(columns(['编号', '评价级别', '变化', '原 → 现（积分）', '原因'],
      flips.map((r) => [r.id, r.level, FLIP_LABEL[r.flip!], `${verdict(r.old)}（${score(r.old)}）→ ${verdict(r.new)}（${score(r.new)}）`, causes(r)])).trimEnd());
  }
  return out.join('\n') + '\n';
}
