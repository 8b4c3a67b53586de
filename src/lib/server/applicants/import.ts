// Sample applicants from an uploaded .xlsx / CSV / JSON / NDJSON: the cell-by-cell report, and the good
// records added to the draft's samples through the normal save (with the clerk's base revision, so a stale
// base is the usual conflict). Each new sample pins what the draft decides for it now; the clerk reviews it.
import type { Db } from '../db/client.ts';
import type { Actor } from '../audit/log.ts';
import { evaluateRecord } from '../../core/evaluate/evaluate.ts';
import { importUpload, SpreadsheetLimitError, type ImportIssue, type Upload } from '../../core/spreadsheet/index.ts';
import { StoreError } from '../errors.ts';
import { compileContent } from '../revisions/compile.ts';
import { saveDraft, type SaveResult } from '../revisions/save.ts';
import { getRevision } from '../revisions/store.ts';

export interface ImportOutcome {
	issues: ImportIssue[];
	rejected: string[];
	/** sample files added (or replaced, when an applicant of that 编号 was imported before) */
	added: string[];
	save: SaveResult | null;
}

const fileOf = (id: string) => `samples/导入-${id.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60)}.json`;

export async function importApplicants(db: Db, actor: Actor, input: { year: number; baseRevisionId: number; files: Upload[] }): Promise<ImportOutcome> {
	const base = await getRevision(db, input.baseRevisionId);
	if (!base || base.year !== input.year) throw new StoreError('invalid', `基准版本 ${input.baseRevisionId} 不属于 ${input.year} 年度`);
	const compiled = compileContent(base.content);
	if (!compiled.bundle) throw new StoreError('not-ready', `草稿编译有 ${compiled.errors} 个错误，请先修正再导入申报人`);
	let parsed;
	try {
		parsed = importUpload(input.files, compiled.bundle.meta.referenceDate);
	} catch (e) {
		if (e instanceof SpreadsheetLimitError) throw new StoreError('invalid', e.message);
		throw e;
	}
	if (!parsed.records.length) return { issues: parsed.issues, rejected: parsed.rejected, added: [], save: null };
	const files = new Map(base.content.files.map((f) => [f.path, f.text]));
	const added: string[] = [];
	for (const record of parsed.records) {
		const r = evaluateRecord(compiled.bundle, record, { explain: false });
		const expected = Object.fromEntries((r.results ?? []).map((l) => [l.level, { verdict: l.verdict, route: l.route, score: l.score }]));
		const path = fileOf(String(record.id ?? added.length + 1));
		const source = input.files.map((f) => f.name).join('、');
		files.set(path, JSON.stringify({ description: `从 ${source} 导入的申报人 ${String(record.name ?? record.id ?? '')}（预期结果为导入时草稿的结论，请核对）`, record, expected }, null, 2) + '\n');
		added.push(path);
	}
	const save = await saveDraft(db, actor, {
		year: input.year,
		baseRevisionId: input.baseRevisionId,
		content: { files: [...files].map(([path, text]) => ({ path, text })) },
		message: `导入申报人 ${added.length} 名`
	});
	return { issues: parsed.issues, rejected: parsed.rejected, added, save };
}
