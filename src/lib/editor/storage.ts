// The editor's crash buffer in this browser's localStorage: what was typed and not yet acknowledged by the
// server, so that a crash, a closed tab or a lost connection loses nothing. The server holds the drafts; this
// holds only the keystrokes in between.
//
// Each tab writes a slot of its own (its id lives in sessionStorage, so a reload of the tab finds its slot
// again), so two tabs on one set never overwrite each other's unsaved text; the server's conflict path decides
// between their saves. A slot that no tab has written for a while (its tab crashed or was closed) is adopted by
// the next tab that opens the set, which then saves it.
import type { EditorSample, SourceText } from './protocol.ts';

export interface StoredState {
	format: 'stdc-editor@1';
	/** The id of the server revision the text was based on (empty for a buffer from before the database). */
	base: string;
	files: SourceText[];
	samples: EditorSample[];
	at: string;
	/** Written as its tab went away (closed, navigated off): the next tab takes it at once. */
	released?: boolean;
}

/** A slot older than this is taken for one whose tab is gone (a live tab rewrites its slot as it types). */
export const ORPHAN_AFTER_MS = 10_000;

const prefix = (year: number | string) => `stdc-editor:${year}:buffer:`;
/** The single slot of the first editor versions (one per year, shared by every tab). */
const legacyKey = (year: number | string) => `stdc-editor:${year}:draft`;
const TAB_KEY = 'stdc-editor:tab';

function local(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

function parse(raw: string | null): StoredState | null {
	if (!raw) return null;
	try {
		const s = JSON.parse(raw) as StoredState;
		if (s?.format !== 'stdc-editor@1' || !Array.isArray(s.files) || !Array.isArray(s.samples)) return null;
		return s;
	} catch {
		return null;
	}
}

let cachedTab: string | null = null;
/** This tab's id: kept in sessionStorage, so it survives a reload of the tab but not a new tab. */
export function tabId(): string {
	if (cachedTab) return cachedTab;
	let id: string | null = null;
	try {
		id = sessionStorage.getItem(TAB_KEY);
		if (!id) {
			id = crypto.randomUUID();
			sessionStorage.setItem(TAB_KEY, id);
		}
	} catch {
		id ??= crypto.randomUUID();
	}
	return (cachedTab = id);
}

/**
 * The buffer this tab starts from: its own slot, or else the newest slot left by a tab that is gone (moved into
 * this tab's slot, so that it is saved once). Null when there is nothing unsaved.
 */
export function takeBuffer(year: number | string, now = Date.now()): StoredState | null {
	const s = local();
	if (!s) return null;
	const own = prefix(year) + tabId();
	const mine = parse(s.getItem(own));
	if (mine) return mine;
	let best: { key: string; state: StoredState } | null = null;
	for (let i = 0; i < s.length; i++) {
		const key = s.key(i);
		if (!key || !(key.startsWith(prefix(year)) || key === legacyKey(year))) continue;
		const state = parse(s.getItem(key));
		if (!state) continue;
		const age = now - Date.parse(state.at);
		if (!state.released && !(age >= ORPHAN_AFTER_MS) && key !== legacyKey(year)) continue; // a live tab's slot
		if (!best || Date.parse(state.at) > Date.parse(best.state.at)) best = { key, state };
	}
	if (!best) return null;
	try {
		s.setItem(own, JSON.stringify({ ...best.state, released: undefined }));
		s.removeItem(best.key);
	} catch {
		// the browser refused: the text is still in the old slot, and still returned here
	}
	return best.state;
}

/** Writes this tab's buffer; false when the browser refused (quota, private mode). `released` as the tab goes. */
export function writeBuffer(year: number | string, state: Omit<StoredState, 'format' | 'at'>): boolean {
	const s = local();
	if (!s) return false;
	try {
		s.setItem(prefix(year) + tabId(), JSON.stringify({ format: 'stdc-editor@1', ...state, at: new Date().toISOString() }));
		return true;
	} catch {
		return false;
	}
}

/** The server has everything this tab typed: its buffer goes. */
export function clearBuffer(year: number | string): void {
	local()?.removeItem(prefix(year) + tabId());
}
