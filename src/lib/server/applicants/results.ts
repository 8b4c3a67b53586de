// The results of a set's version on its sample applicants (per applicant and level: 结论、路线、积分、未满足的
// 条件), for the CSV and .xlsx exports.
import type { Db } from '../db/client.ts';
import { evaluateBatch } from '../../core/evaluate/evaluate.ts';
import { resultsCsv, resultsXlsx } from '../../core/spreadsheet/index.ts';
import { StoreError } from '../errors.ts';
import { compileContent } from '../revisions/compile.ts';
import { getRevision, headOf } from '../revisions/store.ts';

export type ResultsFormat = 'csv' | 'xlsx';

/** The version: the given revision of the year, or its head. */
async function revisionOf(db: Db, year: number, revisionId: number | null) {
	const id = revisionId ?? (await headOf(db, year))?.id;
	const rev = id ? await getRevision(db, id) : null;
	if (!rev || rev.year !== year) throw new StoreError('not-found', revisionId ? `${year} 年度没有第 ${revisionId} 号版本` : `${year} 年度还没有版本`);
	return rev;
}

export async function resultsFile(db: Db, year: number, revisionId: number | null, format: ResultsFormat): Promise<{ name: string; type: string; body: string | Uint8Array }> {
	const rev = await revisionOf(db, year, revisionId);
	const compiled = compileContent(rev.content);
	if (!compiled.bundle) throw new StoreError('not-ready', `第 ${rev.seq} 版编译有 ${compiled.errors} 个错误，无法评价`);
	const records = compiled.samples.map((s) => s.record);
	const results = evaluateBatch(compiled.bundle, records);
	const name = `评价结果-${year}-第${rev.seq}版.${format}`;
	return format === 'csv'
		? { name, type: 'text/csv; charset=utf-8', body: resultsCsv(records, results) }
		: { name, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: resultsXlsx(records, results) };
}
