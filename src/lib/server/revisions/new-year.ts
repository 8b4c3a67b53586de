// 新建年度: a new year's draft starts as a copy of another year's set (its current version, or its head when
// nothing is published), with 年度 and 基准日 set, and a list of the lines that still name the old years
// (assessment years, “2026年度” in names …) for the clerk to go through.
import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/log.ts';
import type { User } from '../auth/roles.ts';
import { StoreError } from '../errors.ts';
import { currentPublication } from '../publish/publication.ts';
import { kindOf, type SetContent } from './content.ts';
import { createSet, findSet, getContent, insertRevision, setHead, type RevisionSummary } from './store.ts';

export interface YearMention {
	path: string;
	line: number;
	text: string;
	/** the years named on the line */
	years: number[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Rewrites `年度 N` and `基准日 D` in the 标准集 block, and “N年度” in the set's name. */
export function retarget(content: SetContent, fromYear: number, toYear: number, referenceDate: string): { content: SetContent; changed: number } {
	let changed = 0;
	const files = content.files.map((f) => {
		if (kindOf(f.path) !== 'std' || !/标准集\s/u.test(f.text)) return f;
		let text = f.text.replace(/^(\s*)年度(\s+)\d{4}/mu, (_m, a, b) => (changed++, `${a}年度${b}${toYear}`));
		text = text.replace(/^(\s*)基准日(\s+)\d{4}-\d{2}-\d{2}/mu, (_m, a, b) => (changed++, `${a}基准日${b}${referenceDate}`));
		text = text.replace(/^(标准集\s+"[^"\n]*?)(\d{4})年度/mu, (m, a, y) => (Number(y) === fromYear ? (changed++, `${a}${toYear}年度`) : m));
		return { ...f, text };
	});
	return { content: { files }, changed };
}

/** Lines of `.std` files naming any of the years fromYear-5 … fromYear (comments included). */
export function mentionsOfYear(content: SetContent, fromYear: number): YearMention[] {
	const out: YearMention[] = [];
	for (const f of content.files) {
		if (kindOf(f.path) !== 'std') continue;
		f.text.split('\n').forEach((text, i) => {
			const years = [...text.matchAll(/(?<!\d)(\d{4})(?!\d)/gu)].map((m) => Number(m[1])).filter((y) => y <= fromYear && y >= fromYear - 5);
			if (years.length) out.push({ path: f.path, line: i + 1, text: text.trim(), years: [...new Set(years)] });
		});
	}
	return out;
}

export async function newYear(
	db: Db,
	actor: User,
	input: { fromYear: number; toYear: number; referenceDate: string }
): Promise<{ revision: RevisionSummary; mentions: YearMention[] }> {
	if (!DATE.test(input.referenceDate) || Number.isNaN(Date.parse(input.referenceDate))) throw new StoreError('invalid', `基准日须为 YYYY-MM-DD：${input.referenceDate}`);
	if (!input.referenceDate.startsWith(String(input.toYear))) throw new StoreError('invalid', `基准日 ${input.referenceDate} 不在 ${input.toYear} 年内`);
	const from = await findSet(db, input.fromYear);
	if (!from) throw new StoreError('not-found', `没有 ${input.fromYear} 年度的标准集`);
	const source = (await currentPublication(db, input.fromYear))?.revisionId ?? from.headRevisionId;
	if (!source) throw new StoreError('not-found', `${input.fromYear} 年度还没有版本`);
	const { content, changed } = retarget(await getContent(db, source), input.fromYear, input.toYear, input.referenceDate);
	if (changed < 2) throw new StoreError('invalid', '没有找到标准集的“年度”与“基准日”');
	return db.transaction(async (tx) => {
		const set = await createSet(tx, input.toYear);
		const { authorId: _, ...revision } = await insertRevision(tx, set, { parentId: null, authorId: actor.id, kind: 'new-year', content, message: `由 ${input.fromYear} 年度第 ${source} 号版本新建` });
		await setHead(tx, set.id, revision.id);
		await appendAudit(tx, { actor, action: '新建年度', year: input.toYear, revisionId: revision.id, contentHash: revision.contentHash, detail: { from: input.fromYear, sourceRevision: source, referenceDate: input.referenceDate } });
		return { revision, mentions: mentionsOfYear(content, input.fromYear) };
	});
}
