// Saving the editor's state to the server: the edit page's `?/save` form action, with the revision the text
// was based on. One save at a time; edits made while a save is on its way go in the next one. A refusal
// because someone else saved in between comes back as a conflict with their version, for the diff view.
import { deserialize } from '$app/forms';
import type { EditorSample, SourceText } from './protocol.ts';

export interface RevisionInfo {
	id: number;
	seq: number;
	author: string | null;
	createdAt: string;
	contentHash: string;
}

export interface EditorSnapshot {
	files: SourceText[];
	samples: EditorSample[];
}

export type SaveOutcome =
	| { kind: 'saved'; revision: RevisionInfo; unchanged: boolean; voidedSubmission: number | null }
	| { kind: 'conflict'; message: string; head: RevisionInfo; kept: RevisionInfo; theirs: EditorSnapshot }
	| { kind: 'failed'; message: string };

export async function saveToServer(baseRevisionId: number, snapshot: EditorSnapshot): Promise<SaveOutcome> {
	const body = new FormData();
	body.set('payload', JSON.stringify({ baseRevisionId, ...snapshot }));
	let response: Response;
	try {
		response = await fetch('?/save', { method: 'POST', body, headers: { 'x-sveltekit-action': 'true', accept: 'application/json' } });
	} catch {
		return { kind: 'failed', message: '无法连接服务器，修改暂存在本机浏览器中，稍后自动重试保存' };
	}
	let result: ReturnType<typeof deserialize>;
	try {
		result = deserialize(await response.text());
	} catch {
		// not an action's answer: the server or a proxy refused the request itself
		return { kind: 'failed', message: response.status === 413 ? '内容过大，服务器拒绝保存；修改暂存在本机浏览器中，请联系管理员调高 BODY_SIZE_LIMIT' : `保存失败（${response.status}），修改暂存在本机浏览器中` };
	}
	if (result.type === 'success') {
		const d = result.data as { saved: RevisionInfo; unchanged: boolean; voidedSubmission: number | null };
		return { kind: 'saved', revision: d.saved, unchanged: d.unchanged, voidedSubmission: d.voidedSubmission };
	}
	if (result.type === 'failure') {
		const d = (result.data ?? {}) as { message?: string; conflict?: { head: RevisionInfo; kept: RevisionInfo; theirs: EditorSnapshot } };
		if (result.status === 409 && d.conflict) return { kind: 'conflict', message: d.message ?? '保存冲突', ...d.conflict };
		return { kind: 'failed', message: d.message ?? `保存失败（${result.status}）` };
	}
	if (result.type === 'redirect') return { kind: 'failed', message: '登录已过期，请重新登录后再保存（修改暂存在本机浏览器中）' };
	return { kind: 'failed', message: `保存失败：${(result.error as { message?: string } | undefined)?.message ?? response.status}` };
}

/** Debounced autosave: `schedule()` after each edit; `now()` for Ctrl+S. */
export class AutoSaver {
	private timer: ReturnType<typeof setTimeout> | null = null;
	private running: Promise<void> | null = null;
	private again = false;
	paused = false;

	constructor(
		private readonly run: () => Promise<void>,
		private readonly delayMs = 1200
	) {}

	schedule(): void {
		if (this.paused) return;
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.now(), this.delayMs);
	}

	/** Saves at once (or right after the save on its way). */
	async now(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		if (this.paused) return;
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = (async () => {
			try {
				await this.run();
			} finally {
				this.running = null;
			}
			if (this.again && !this.paused) {
				this.again = false;
				await this.now();
			}
		})();
		return this.running;
	}

	get pending(): boolean {
		return !!this.timer || !!this.running;
	}

	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.paused = true;
	}
}
