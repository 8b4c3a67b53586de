// Sample applicants in the editor: a template for new ones, defaults for new list items, and the Chinese
// reading of a field path, all from the record's JSON Schema (the one source of labels).
import { recordSchema, type SchemaNode } from '../core/records/schema.ts';
import { lookupField, recordFields } from '../core/records/fields.ts';
import { isCalendarDate as isCalendarText } from '../core/records/contract.ts';
import type { EditorSample, Outcome, PreviewCell } from './protocol.ts';

export { recordSchema, type SchemaNode };

export function typesOf(node: SchemaNode): string[] {
	return Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
}

export const isNullable = (node: SchemaNode) => typesOf(node).includes('null');
export const baseType = (node: SchemaNode) => typesOf(node).find((t) => t !== 'null');
export const isDate = (node: SchemaNode) => node.format === 'date';

/** A "YYYY-MM-DD" that names a real day (what a date picker can show). */
export const isCalendarDate = (v: unknown): boolean => typeof v === 'string' && isCalendarText(v);

/** The unit the form shows a field in: amounts (元 in the record) are entered and shown in 万元. */
export const shownUnit = (node: SchemaNode): string | undefined => (node['x-unit'] === '元' ? '万元' : node['x-unit']);

/** A record issue's message for a place that already shows its field: the validator starts some messages with
 *  the field's label ("成交金额：应为整数…") for outputs that print only the path, and that label goes. */
export function issueMessage(path: string, message: string): string {
	const label = lookupField(recordFields, path)?.label;
	return label && message.startsWith(`${label}：`) ? message.slice(label.length + 1) : message;
}

/** A value a new field or list item starts with: empty text and dates (so the form asks for them), the first
 *  enum value, false, 0, empty lists, and objects with every required field. */
export function defaultFor(node: SchemaNode): unknown {
	switch (baseType(node)) {
		case 'string':
			return node.enum ? node.enum[0] : '';
		case 'integer':
		case 'number':
			return node.minimum && node.minimum > 0 ? node.minimum : 0;
		case 'boolean':
			return false;
		case 'array':
			return [];
		case 'object': {
			const out: Record<string, unknown> = {};
			for (const [k, child] of Object.entries(node.properties ?? {})) out[k] = defaultFor(child);
			return out;
		}
		default:
			return null;
	}
}

/** The child schema of an object property or of an array's items. */
export function childSchema(node: SchemaNode, key: string | number): SchemaNode | undefined {
	if (typeof key === 'number') return node.items;
	return node.properties?.[key];
}

/** "achievements.contracts[2].amount_yuan" → "业绩 › 技术合同 第3项 › 成交金额". */
export function pathLabel(path: string): string {
	if (!path) return '整条记录';
	const parts: string[] = [];
	let node: SchemaNode | undefined = recordSchema;
	for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
		if (m[2] !== undefined) {
			node = node?.items;
			parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''} 第${Number(m[2]) + 1}项`;
			continue;
		}
		const key = m[1] ?? m[3];
		node = node?.properties?.[key];
		parts.push(node?.title ?? key);
	}
	return parts.join(' › ');
}

/** Path of a child, written as the validator writes paths. */
export function childPath(parent: string, key: string | number): string {
	if (typeof key === 'number') return `${parent}[${key}]`;
	return parent ? `${parent}.${key}` : key;
}

/** A complete, valid record to start a new sample from: an in-service applicant in Hangzhou who meets the
 *  basic conditions, with no achievements yet. */
export function templateRecord(id: string): Record<string, unknown> {
	return {
		id,
		name: '新申请人',
		target_level: '副研究员',
		employment_status: 'in_service',
		work_region_code: '330106',
		is_civil_servant: false,
		is_retired: false,
		integrity: { blacklisted: false, violations: [] },
		education: [{ degree: 'bachelor', awarded_on: '2012-06-30' }],
		current_title: { level: 'intermediate', name: '工程师', series: '工程', obtained_on: '2019-12-31' },
		annual_assessments: [2023, 2024, 2025].map((year) => ({ year, result: 'competent' })),
		continuing_education: [2023, 2024, 2025].map((year) => ({ year, total_hours: 90, professional_hours: 60 })),
		achievements: { contracts: [], transformations: [], enterprise_services: [], platforms: [], awards: [], trainings: [] }
	};
}

function idOf(record: unknown): string | null {
	const id = record && typeof record === 'object' ? (record as { id?: unknown }).id : null;
	return typeof id === 'string' ? id : null;
}

/** A record id and a sample key no sample uses yet: N01, N02, … */
export function freshId(samples: readonly EditorSample[]): string {
	const used = new Set(samples.flatMap((s) => [s.key, idOf(s.record)]));
	for (let i = 1; ; i++) {
		const id = `N${String(i).padStart(2, '0')}`;
		if (!used.has(id) && !used.has(`new-${id}`)) return id;
	}
}

export function sameOutcome(a: Outcome | null | undefined, b: Outcome | null | undefined): boolean {
	if (!a || !b) return false;
	return a.verdict === b.verdict && a.route === b.route && Math.abs(a.score - b.score) < 1e-9;
}

/** The cell differs from the result under the last saved version. */
export const changedSinceSave = (c: PreviewCell) => c.saved !== null && !sameOutcome(c, c.saved);

/** The cell's result contradicts its pinned expectation. */
export const contradictsExpected = (c: PreviewCell) => c.expected !== null && !sameOutcome(c, c.expected);

export const VERDICT_LABEL = { pass: '通过', fail: '不通过', ineligible: '不符合申报资格' } as const;
export const VERDICT_SHORT = { pass: '通过', fail: '不通过', ineligible: '无资格' } as const;

export function routeLabel(route: Outcome['route']): string {
	return route === 'regular' ? '常规' : route === 'direct' ? '直接申报' : '—';
}

export function formatScore(score: number): string {
	return Number.isFinite(score) ? String(Math.round(score * 100) / 100) : '—';
}

export function outcomeText(o: Outcome): string {
	return `${VERDICT_LABEL[o.verdict]} · 路径 ${routeLabel(o.route)} · ${formatScore(o.score)}分`;
}
