// stdc nearest <set> <applicants> [--level …]: for each applicant and level not passed, the smallest set of
// achievements to add to pass (impact/nearest.ts). Levels: those given, else the applicant's target level.
import { validateRecord } from '../lib/core/records/index.ts';
import { nearestPath, type NearestPath } from '../lib/core/impact/nearest.ts';
import { columns, csvDocument } from './columns.ts';
import { loadVersion, readCohort } from './versions.ts';
import type { DiffIo } from './diff.ts';

const STATUS: Record<NearestPath['status'], string> = { passes: '已通过', path: '可达', unreachable: '不可达', beyond: '超出搜索范围' };

export async function nearest(setPath: string, applicants: string, o: { format: 'table' | 'json' | 'csv'; levels?: string[] }, io: DiffIo): Promise<number> {
  const v = loadVersion(setPath);
  if ('error' in v) {
    io.err(v.error + '\n');
    return 2;
  }
  const known = v.bundle.levels.map((l) => l.name);
  const rows: { id: string; name: string; path: NearestPath }[] = [];
  const rejected: string[] = [];
  for (const record of await readCohort(applicants)) {
    const check = validateRecord(record, v.bundle.meta.referenceDate);
    if (!check.ok) {
      rejected.push(`${check.id ?? '无编号'}：${check.errors.map((e) => `${e.path || '（记录）'} ${e.message}`).join('；')}`);
      continue;
    }
    const r = record as Record<string, unknown>;
    const target = typeof r.target_level === 'string' && known.includes(r.target_level) ? [r.target_level] : known;
    for (const level of o.levels ?? target) rows.push({ id: check.id ?? '', name: String(r.name ?? ''), path: nearestPath(v.bundle, level, r) });
  }
  if (o.format === 'json') io.out(JSON.stringify(rows.map((x) => ({ id: x.id, ...x.path })), null, 2) + '\n');
  else {
    const head = ['编号', '姓名', '评价级别', '状态', '最少新增', '新增金额（元）', '新增学时'];
    const body = rows.map((x) => [x.id, x.name, x.path.level, STATUS[x.path.status], x.path.text, String(x.path.yuan), String(x.path.hours)]);
    io.out(o.format === 'csv' ? csvDocument(head, body) : columns(head, body));
  }
  for (const r of rejected) io.err(`记录被拒绝 ${r}\n`);
  return rejected.length ? 1 : 0;
}
