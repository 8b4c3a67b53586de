// One clerk's editing session of a year's draft: the server revision the text is based on, the debounced
// autosave to the server, the crash buffer in this browser for what the server has not acknowledged yet, and the
// conflict when someone else saved first (their text against ours, for the diff view). The editor page owns
// the text (Monaco's models and the samples) and tells the session when it changes; the session decides when
// and on which base it is saved, and what the clerk is told.
import { AutoSaver, saveToServer, type EditorSnapshot, type RevisionInfo } from './server-save.ts';
import { clearBuffer, takeBuffer, writeBuffer, type StoredState } from './storage.ts';
import type { MonacoApi } from './monaco.ts';

export interface ServerHead {
	revisionId: number;
	revisionSeq: number;
	contentHash: string;
}

/** What the session needs from the page that holds the text. */
export interface DraftHost {
	/** The text as it is in the editor now. */
	snapshot(): EditorSnapshot;
	/** Whether `snapshot` is what the server last acknowledged (nothing to save). */
	isSaved(snapshot: EditorSnapshot): boolean;
	/** The server acknowledged `snapshot` (or, after a conflict, holds it as the other person's version). */
	onSaved(snapshot: EditorSnapshot): void;
	/** The merged text of a conflict goes into the editor. */
	load(snapshot: EditorSnapshot): void;
	/** Monaco, for the conflict's diff view (null until it has loaded). */
	diffEditor(): { monaco: MonacoApi; languageId: string; themeId: string } | null;
}

export interface Conflict {
	message: string;
	head: RevisionInfo;
	kept: RevisionInfo;
	theirs: EditorSnapshot;
	mine: EditorSnapshot;
	monaco: MonacoApi;
	languageId: string;
	themeId: string;
}

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

const clock = () => new Date().toLocaleTimeString('zh-CN', { hour12: false });

export class DraftSession {
	/** The revision the text in the editor is based on: a save names it, and the server refuses if it is not the
	 *  latest. A buffer left from an older revision keeps its base, so saving it shows the conflict view. */
	base = $state<RevisionInfo>({ id: 0, seq: 0, author: null, createdAt: '', contentHash: '' });
	saveState = $state<'idle' | 'saving' | 'failed'>('idle');
	saveMessage = $state('');
	savedAt = $state('');
	/** About the crash buffer: restored, written, refused. */
	bufferNote = $state('');
	/** The buffer was based on an older revision than the server's latest. */
	staleNotice = $state(false);
	conflict = $state.raw<Conflict | null>(null);
	/** For screen readers (aria-live). */
	announcement = $state('');

	/** The unsaved text this browser held when the page opened (null when there was none). */
	readonly restored: StoredState | null;

	private readonly autosave: AutoSaver;
	private host: DraftHost | null = null;
	private bufferTimer: ReturnType<typeof setTimeout> | null = null;
	/** Edits since the snapshot of the save on its way (a save that comes back then leaves the buffer alone). */
	private editsSinceSnapshot = 0;
	private acknowledged = false;
	/** After a failed save (no connection, server down) it is tried again, waiting longer each time. */
	private retryTimer: ReturnType<typeof setTimeout> | null = null;
	private retryDelayMs = RETRY_FIRST_MS;
	private readonly onOnline = () => void this.autosave.now();

	constructor(
		readonly year: number,
		readonly canEdit: boolean,
		private readonly server: ServerHead
	) {
		this.restored = canEdit && typeof window !== 'undefined' ? takeBuffer(year) : null;
		// (A buffer from before the database names no revision: it is taken as edits on the latest one.)
		const staleBase = !!this.restored && /^\d+$/.test(this.restored.base) && this.restored.base !== String(server.revisionId);
		this.base = staleBase
			? { id: Number(this.restored!.base), seq: 0, author: null, createdAt: '', contentHash: '' }
			: { id: server.revisionId, seq: server.revisionSeq, author: null, createdAt: '', contentHash: server.contentHash };
		this.staleNotice = staleBase;
		if (this.restored) this.bufferNote = `已恢复本机尚未保存到服务器的修改（${new Date(this.restored.at).toLocaleString('zh-CN')}）`;
		this.autosave = new AutoSaver(() => this.saveNow());
	}

	/** The page that holds the text. */
	attach(host: DraftHost): void {
		this.host = host;
		if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
	}

	/** Once the editor is up: text restored from the buffer goes to the server (a conflict if it moved on). */
	saveRestored(): void {
		if (this.restored) void this.autosave.now();
	}

	/** The text changed: buffer it soon, save it to the server after a pause. */
	edited(): void {
		if (!this.canEdit) return;
		this.editsSinceSnapshot++;
		if (this.bufferTimer) clearTimeout(this.bufferTimer);
		this.bufferTimer = setTimeout(() => this.writeBuffer(), 400);
		this.autosave.schedule();
	}

	/** Ctrl+S and the 保存 button. */
	save(): Promise<void> {
		return this.autosave.now();
	}

	/** The page is going away: what the server has not acknowledged stays in the buffer, marked for the next tab
	 *  to take at once, and a pending save is still sent. */
	flush(): void {
		if (this.canEdit && this.host && !this.host.isSaved(this.host.snapshot())) this.writeBuffer(true);
		if (this.autosave.pending) void this.autosave.now();
	}

	dispose(): void {
		this.flush();
		this.autosave.dispose();
		if (this.retryTimer) clearTimeout(this.retryTimer);
		if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
	}

	private writeBuffer(released = false): void {
		if (this.bufferTimer) clearTimeout(this.bufferTimer);
		this.bufferTimer = null;
		if (!this.canEdit || !this.host) return;
		const s = this.host.snapshot();
		const ok = writeBuffer(this.year, { base: String(this.base.id), files: s.files, samples: s.samples, ...(released ? { released } : {}) });
		this.bufferNote = ok ? `尚未保存的修改已暂存在本机 ${clock()}` : '浏览器拒绝暂存修改（存储空间不足或隐私模式），请尽快保存到服务器';
	}

	private async saveNow(): Promise<void> {
		const host = this.host;
		if (!this.canEdit || this.conflict || !host) return;
		const snapshot = host.snapshot();
		if (host.isSaved(snapshot)) {
			// Nothing to save (a buffer left from an older revision that matches the latest is simply dropped).
			if (this.base.id !== this.server.revisionId && !this.acknowledged)
				this.base = { ...this.base, id: this.server.revisionId, seq: this.server.revisionSeq, contentHash: this.server.contentHash };
			if (this.editsSinceSnapshot === 0) clearBuffer(this.year);
			this.saveState = 'idle';
			return;
		}
		this.editsSinceSnapshot = 0;
		this.saveState = 'saving';
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
		const outcome = await saveToServer(this.base.id, snapshot);
		if (outcome.kind === 'saved') {
			this.base = outcome.revision;
			this.acknowledged = true;
			this.retryDelayMs = RETRY_FIRST_MS;
			this.staleNotice = false;
			host.onSaved(snapshot);
			this.saveState = 'idle';
			this.savedAt = new Date(outcome.revision.createdAt).toLocaleTimeString('zh-CN', { hour12: false });
			this.saveMessage = outcome.voidedSubmission
				? `提交后又有修改：第 ${outcome.voidedSubmission} 号提交及其批准已作废，标准集回到草稿`
				: '';
			this.announcement = `已保存到服务器：第 ${outcome.revision.seq} 版`;
			if (this.editsSinceSnapshot === 0) {
				clearBuffer(this.year);
				// the note that text was restored stays, now saying where it went
				this.bufferNote = this.restored && this.bufferNote.startsWith('已恢复') ? `${this.bufferNote.replace(/。$/, '')}，已保存到服务器` : '';
			} else this.writeBuffer();
		} else if (outcome.kind === 'conflict') {
			this.autosave.paused = true;
			this.saveState = 'idle';
			this.writeBuffer();
			const diff = host.diffEditor();
			if (!diff) {
				this.saveState = 'failed';
				this.saveMessage = outcome.message;
			} else {
				// The clerk's text as it is now: what was typed while the refused save was on its way is in it too.
				this.conflict = { message: outcome.message, head: outcome.head, kept: outcome.kept, theirs: outcome.theirs, mine: host.snapshot(), ...diff };
			}
			this.announcement = outcome.message;
		} else {
			this.saveState = 'failed';
			this.saveMessage = outcome.message;
			this.announcement = outcome.message;
			this.retryTimer = setTimeout(() => void this.autosave.now(), this.retryDelayMs);
			this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
		}
	}

	/** The clerk merged in the diff view: the merged text is saved on top of the other person's revision. */
	applyMerge(merged: EditorSnapshot): void {
		const c = this.conflict;
		if (!c || !this.host) return;
		this.base = c.head;
		// The other person's version is now what "saved" means; the merged text is the edit on top of it.
		this.host.onSaved(c.theirs);
		this.host.load(merged);
		this.conflict = null;
		this.staleNotice = false;
		this.autosave.paused = false;
		this.editsSinceSnapshot++;
		void this.autosave.now();
	}

	/** Drops this browser's unsaved text and reloads the server's latest version. */
	useServerVersion(): void {
		if (!confirm('丢弃本机尚未保存到服务器的修改，载入服务器上的最新版本？')) return;
		if (this.bufferTimer) clearTimeout(this.bufferTimer);
		this.bufferTimer = null;
		this.autosave.dispose();
		clearBuffer(this.year);
		location.reload();
	}

	/** The clerk reverted to the saved version: that is buffered and saved like any edit. */
	reverted(): void {
		this.edited();
		this.announcement = '已恢复到上次保存的版本';
	}
}
