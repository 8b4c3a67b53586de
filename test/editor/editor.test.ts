// The editor's framework-free parts: highlighting from the grammar's tokens, the sample template and labels,
// and the worker driven through its messages (with a stub for `self`, without a browser).
import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../../src/lib/editor/highlight.ts';
import { childPath, defaultFor, pathLabel, recordSchema, templateRecord } from '../../src/lib/editor/records.ts';
import { fileOrder, levelOrder } from '../../src/lib/editor/levels.ts';
import { validateRecord } from '../../src/lib/core/records/index.ts';
import { compile } from '../../src/lib/core/index.ts';
import { generatedSet } from '../../bench/editor-latency.set.ts';

const scopes = (line: string) => {
	const ts = tokenizeLine(line);
	return ts.map((t, i) => [line.slice(t.start, ts[i + 1]?.start ?? line.length), t.scope]).filter(([text]) => text.trim() !== '');
};

describe('highlighting', () => {
	it('classifies keywords, quantities, strings, comments and names with the lexer', () => {
		expect(scopes('  A "促成技术合同成交额": 合同成交额 >= 500万元 // 注释')).toEqual([
			['A', 'identifier'],
			['"促成技术合同成交额"', 'string'],
			[':', 'operator'],
			['合同成交额', 'identifier'],
			['>=', 'operator'],
			['500万元', 'number'],
			['// 注释', 'comment']
		]);
	});

	it('a keyword inside a longer name is a name; full-width punctuation is punctuation', () => {
		expect(scopes('存在 其中x （a，b）')).toEqual([
			['存在', 'keyword'],
			['其中x', 'identifier'],
			['（', 'operator'],
			['a', 'identifier'],
			['，', 'operator'],
			['b', 'identifier'],
			['）', 'operator']
		]);
	});

	it('marks characters the lexer rejects, and tokens cover the whole line', () => {
		const line = 'x = 1 ~ 2';
		const ts = tokenizeLine(line);
		expect(ts[0].start).toBe(0);
		expect(scopes(line)).toContainEqual(['~', 'invalid']);
		expect(tokenizeLine('')).toEqual([{ start: 0, scope: '' }]);
	});
});

describe('samples', () => {
	it('the template for a new sample is a valid record', () => {
		expect(validateRecord(templateRecord('N01')).errors).toEqual([]);
	});

	it('new list items start with every required field', () => {
		const contract = defaultFor(recordSchema.properties!.achievements.properties!.contracts.items!);
		expect(Object.keys(contract as object)).toEqual(['registration_no', 'kind', 'signed_on', 'amount_yuan', 'role']);
	});

	it('reads a validator path in Chinese', () => {
		expect(pathLabel('achievements.contracts[2].amount_yuan')).toBe('业绩 › 技术合同 第3项 › 成交金额');
		expect(pathLabel('current_title.obtained_on')).toBe('现职称 › 取得日期');
		expect(childPath(childPath(childPath('', 'achievements'), 'contracts'), 2)).toBe('achievements.contracts[2]');
	});

	it('orders levels and files for reading', () => {
		expect(levelOrder(['研究员', '副研究员', '研究实习员', '助理研究员'])).toEqual(['研究实习员', '助理研究员', '副研究员', '研究员']);
		expect(fileOrder(['研究员.std', 'common.std', '研究实习员.std'])).toEqual(['common.std', '研究实习员.std', '研究员.std']);
	});
});

describe('the latency benchmark', () => {
	it('its generated set has 5,000 lines and compiles', () => {
		const files = generatedSet(5000);
		expect(files.reduce((n, f) => n + f.text.split('\n').length, 0)).toBeGreaterThanOrEqual(5000);
		const r = compile(files, (p) => files.find((f) => f.path === p)?.text ?? null);
		expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(r.bundle).not.toBeNull();
	});
});

describe('the worker', async () => {
	const fs = await import('node:fs');
	const path = await import('node:path');
	const { loadSamples } = await import('../../src/lib/core/node.ts');
	type FromWorker = import('../../src/lib/editor/protocol.ts').FromWorker;
	type ToWorker = import('../../src/lib/editor/protocol.ts').ToWorker;

	const dir = path.resolve('standards/2026');
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.std')).map((f) => ({ path: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
	const samples = loadSamples(dir).map((s) => ({
		key: path.basename(s.file, '.json'), file: '', description: s.description, record: s.record,
		expected: s.expected as never
	}));

	// The worker module talks to `self`; here `self` is a stub that collects what it posts.
	const posted: FromWorker[] = [];
	const g = globalThis as unknown as { self: { postMessage(m: FromWorker): void; onmessage?: (e: { data: ToWorker }) => void } };
	g.self = { postMessage: (m) => posted.push(structuredClone(m)) };
	await import('../../src/lib/editor/worker.ts');
	const send = (m: ToWorker) => g.self.onmessage!({ data: m });
	const next = async <T extends FromWorker['type']>(type: T, after = 0): Promise<Extract<FromWorker, { type: T }>> => {
		for (let i = 0; i < 400; i++) {
			const found = posted.slice(after).findLast((m) => m.type === type);
			if (found) return found as Extract<FromWorker, { type: T }>;
			await new Promise((r) => setTimeout(r, 5));
		}
		throw new Error(`no ${type}`);
	};
	const request = async (method: string, ...args: unknown[]) => {
		const id = Math.floor(Math.random() * 1e9);
		send({ type: 'request', id, method: method as never, args });
		for (let i = 0; i < 400; i++) {
			const r = posted.find((m) => m.type === 'response' && m.id === id);
			if (r && r.type === 'response') return r.result;
			await new Promise((res) => setTimeout(res, 5));
		}
		throw new Error('no response');
	};

	it('checks, evaluates every sample and compares with the saved version', async () => {
		send({ type: 'init', files, samples, saved: { files, samples } });
		const first = await next('preview');
		expect(first.compiled).toBe(true);
		expect(first.rows).toHaveLength(samples.length);
		const s01 = first.rows.find((r) => r.id === 'S01')!;
		expect(s01.cells.map((c) => c.level)).toEqual(['研究实习员', '助理研究员', '副研究员', '研究员']);
		expect(s01.cells[0]).toMatchObject({ verdict: 'pass', saved: { verdict: 'pass' }, expected: { verdict: 'pass' } });

		const junior = files.find((f) => f.path === '研究实习员.std')!;
		const mark = posted.length;
		send({ type: 'update', path: junior.path, text: junior.text.replace('服务企业数 >= 5项', '服务企业数 >= 6项'), seq: 1 });
		const changed = await next('preview', mark);
		expect(changed.seq).toBe(1);
		const cell = changed.rows.find((r) => r.id === 'S01')!.cells[0];
		expect(cell).toMatchObject({ verdict: 'fail', saved: { verdict: 'pass' } });
	});

	it('reports an error as a diagnostic and keeps the last results, marked as not compiled', async () => {
		const assoc = files.find((f) => f.path === '副研究员.std')!;
		const mark = posted.length;
		send({ type: 'update', path: assoc.path, text: assoc.text.replace('合同成交额 >= 500万元', '合同成交额 >= 500学时'), seq: 2 });
		const d = await next('diagnostics', mark);
		expect(d.diagnostics.map((x) => [x.code, x.file])).toEqual([['E202', '副研究员.std']]);
		const p = await next('preview', mark);
		expect(p.compiled).toBe(false);
		expect(p.rows.find((r) => r.id === 'S01')!.cells[0].verdict).toBe('fail');
		send({ type: 'update', path: assoc.path, text: assoc.text, seq: 3 });
		expect((await next('diagnostics', posted.length)).diagnostics).toEqual([]);
	});

	it('answers the clause under the cursor and explains a cell', async () => {
		const common = files.find((f) => f.path === 'common.std')!.text;
		const line = common.slice(0, common.indexOf('G2 "非公务员"')).split('\n').length;
		const report = (await request('clause', 'common.std', line, 5)) as import('../../src/lib/editor/protocol.ts').ClauseReport;
		expect(report.clause.label).toBe('非公务员');
		expect(report.outcomes.filter((o) => o.held === false).length).toBeGreaterThan(0);
		expect(report.logic).toContain('is_civil_servant');
		const ex = (await request('explain', samples[0].key, '副研究员')) as import('../../src/lib/editor/protocol.ts').ExplainResult;
		expect(ex.outcome?.verdict).toBe('fail');
		expect(ex.explanation?.file).toBe('副研究员.std');
	});

	it('validates an edited sample and re-evaluates it alone', async () => {
		const bad = { ...samples[0], record: { ...(samples[0].record as object), work_region_code: '3301' } };
		const mark = posted.length;
		send({ type: 'setSample', sample: bad, seq: 4 });
		const p = await next('preview', mark);
		const row = p.rows.find((r) => r.key === samples[0].key)!;
		expect(row.errors.map((e) => e.path)).toEqual(['work_region_code']);
		expect(row.cells).toEqual([]);
	});
});
