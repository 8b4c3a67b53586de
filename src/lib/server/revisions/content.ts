// The content of a standard set: its `.std` files and its sample applicants (samples/*.json), and the
// content hash over a canonical form, so the same content always has the same hash.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../errors.ts';

export interface ContentFile {
	/** "common.std" or "samples/01-….json": relative to the set's folder, forward slashes */
	path: string;
	text: string;
}

export interface SetContent {
	files: ContentFile[];
}

export type FileKind = 'std' | 'sample';

const STD = /^[^/\\]+\.std$/u;
const SAMPLE = /^samples\/[^/\\]+\.json$/u;

export function kindOf(p: string): FileKind | null {
	if (p.includes('..') || /[\u0000-\u001f]/u.test(p)) return null;
	return STD.test(p) ? 'std' : SAMPLE.test(p) ? 'sample' : null;
}

export const MAX_FILES = 500;
export const MAX_BYTES = 20 * 1024 * 1024;

/** Keys in a fixed order: the canonical JSON of a value. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
		entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** Checks names and sizes, normalises line ends and sample formatting, sorts by path. Throws 'invalid'. */
export function normalizeContent(input: unknown): SetContent {
	const files = (input as SetContent | null)?.files;
	if (!Array.isArray(files)) throw new StoreError('invalid', '内容须为 { files: [{ path, text }] }');
	if (files.length > MAX_FILES) throw new StoreError('invalid', `文件过多（最多 ${MAX_FILES} 个）`);
	const seen = new Set<string>();
	let bytes = 0;
	const out: ContentFile[] = [];
	for (const f of files) {
		if (!f || typeof f.path !== 'string' || typeof f.text !== 'string') throw new StoreError('invalid', '每个文件须有 path 与 text');
		const kind = kindOf(f.path);
		if (!kind) throw new StoreError('invalid', `文件名不合规：${JSON.stringify(f.path)}（应为 名称.std 或 samples/名称.json）`);
		if (seen.has(f.path)) throw new StoreError('invalid', `文件重复：${f.path}`);
		seen.add(f.path);
		bytes += f.text.length;
		if (bytes > MAX_BYTES) throw new StoreError('invalid', '内容过大');
		let text = f.text.replace(/\r\n?/g, '\n');
		if (kind === 'sample') {
			try {
				text = JSON.stringify(JSON.parse(text), null, 2) + '\n';
			} catch (e) {
				throw new StoreError('invalid', `样例 ${f.path} 不是有效的 JSON：${(e as Error).message}`);
			}
		}
		out.push({ path: f.path, text });
	}
	out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return { files: out };
}

/** sha256 over the sorted files; `.std` texts as they are (LF line ends), samples as canonical JSON. */
export function contentHash(content: SetContent): string {
	const h = createHash('sha256').update('stdc-content@1\n');
	for (const f of [...content.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		const body = kindOf(f.path) === 'sample' ? canonicalJson(JSON.parse(f.text)) : f.text.replace(/\r\n?/g, '\n');
		h.update(JSON.stringify(f.path)).update('\n').update(String(Buffer.byteLength(body))).update('\n').update(body).update('\n');
	}
	return h.digest('hex');
}

/** A set's folder on disk (standards/2026) as content. */
export function readContentDir(dir: string): SetContent {
	const files: ContentFile[] = [];
	for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.std')) files.push({ path: name, text: fs.readFileSync(path.join(dir, name), 'utf8') });
	const sdir = path.join(dir, 'samples');
	if (fs.existsSync(sdir))
		for (const name of fs.readdirSync(sdir).sort())
			if (name.endsWith('.json')) files.push({ path: `samples/${name}`, text: fs.readFileSync(path.join(sdir, name), 'utf8') });
	return normalizeContent({ files });
}

/** Writes content into a folder (for `stdc pull`); refuses names that are not a set's files. */
export function writeContentDir(dir: string, content: SetContent): void {
	for (const f of content.files) {
		if (!kindOf(f.path)) throw new StoreError('invalid', `文件名不合规：${JSON.stringify(f.path)}`);
		const target = path.join(dir, ...f.path.split('/'));
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.writeFileSync(target, f.text);
	}
}
