// Applicants through the app: the prepared workbook with good and broken rows gives its cell-by-cell report
// and its good applicants become samples of a new draft revision (pinned to what the draft decides now, so
// the revision can still be submitted); a stale base revision is the normal conflict; results export.
import fs from 'node:fs';
import { describe, expect } from 'vitest';
import { storeTest } from './harness.ts';
import { seed } from './fixture.ts';
import { importApplicants } from '../../src/lib/server/applicants/import.ts';
import { resultsFile } from '../../src/lib/server/applicants/results.ts';
import { getRevision, compileContent, samplesOf } from '../../src/lib/server/revisions/index.ts';
import { submit } from '../../src/lib/server/publish/index.ts';
import { readXlsx } from '../../src/lib/core/spreadsheet/index.ts';

const mixed = () => [{ name: 'applicants-mixed.xlsx', bytes: new Uint8Array(fs.readFileSync('test/fixtures/excel/applicants-mixed.xlsx')) }];

describe('applicants in and out of a set', () => {
	storeTest('a workbook with good and broken rows: report cell by cell, good rows saved as samples, stale base refused', async (store) => {
		const s = await seed(store);
		const r = await importApplicants(store.db, s.users.hrEditor, { year: 2026, baseRevisionId: s.imported.id, files: mixed() });
		expect(r.issues.map((i) => [i.sheet, i.row, i.column, i.value])).toEqual([
			['申报人', 3, '在职状态（D列）', '在岗'],
			['技术合同', 9, '签订日期（D列）', '2024-02-30'],
			['技术合同', 9, '成交金额（万元）（E列）', '12.34567'],
			['技术合同', 21, '申报人编号（A列）', 'nobody']
		]);
		expect(r.rejected).toEqual(['S17', 'S24']);
		expect(r.added).toEqual(['samples/导入-S01.json', 'samples/导入-S41.json']);
		if (!r.save?.ok) throw new Error('not saved');
		const rev = (await getRevision(store.db, r.save.revision.id))!;
		expect(rev.parentId).toBe(s.imported.id);
		const samples = samplesOf(rev.content);
		const s41 = samples.find((x) => x.file === 'samples/导入-S41.json')!;
		expect((s41.record as { name: string }).name).toBe('=1+2');
		// pinned to the draft's results: the revision compiles clean with every sample holding, so it can be submitted
		expect(compileContent(rev.content).failures).toEqual([]);
		await submit(store.db, s.users.hrEditor, { year: 2026, revisionId: rev.id });

		// Importing again from the old base: the usual conflict, and nothing changes the head.
		const stale = await importApplicants(store.db, s.users.stEditor, { year: 2026, baseRevisionId: s.imported.id, files: mixed() });
		expect(stale.save).toMatchObject({ ok: false, conflict: { head: { id: rev.id } } });
	});

	storeTest('bad uploads are refused with a Chinese message and nothing is saved', async (store) => {
		const s = await seed(store);
		const run = (name: string, bytes: Uint8Array) => importApplicants(store.db, s.users.hrEditor, { year: 2026, baseRevisionId: s.imported.id, files: [{ name, bytes }] });
		await expect(run('a.xlsx', new TextEncoder().encode('not a zip'))).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('不是 .xlsx 工作簿') });
		await expect(run('a.exe', new Uint8Array([1, 2]))).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('不支持的文件类型') });
		const none = await run('a.json', new TextEncoder().encode('[{"id":"x"}]'));
		expect(none).toMatchObject({ added: [], save: null });
		expect(none.issues.length).toBeGreaterThan(0);
	});

	storeTest('results of a version on its samples: CSV with BOM and .xlsx, one row per applicant and level', async (store) => {
		const s = await seed(store);
		const csv = await resultsFile(store.db, 2026, null, 'csv');
		const text = csv.body as string;
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).trim().split(/\r\n/);
		expect(lines[0]).toBe('申报人编号,姓名,申报级别,评价级别,结论,路线,积分,未满足的条件');
		const samples = samplesOf((await getRevision(store.db, s.imported.id))!.content);
		expect(lines.length).toBeGreaterThan(samples.length);
		expect(csv.name).toBe('评价结果-2026-第1版.csv');
		const xlsx = await resultsFile(store.db, 2026, s.imported.id, 'xlsx');
		const [sheet] = readXlsx(xlsx.body as Uint8Array);
		expect(sheet.name).toBe('评价结果');
		expect(sheet.rows.length).toBe(lines.length);
		await expect(resultsFile(store.db, 2026, 999, 'csv')).rejects.toMatchObject({ code: 'not-found' });
	});
});
