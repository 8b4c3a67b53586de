// Drafts and the saved version live in the browser's localStorage until the database arrives: nothing typed
// is lost on reload, and "保存" marks a state to compare against. One entry per year and kind.
import type { EditorSample, SourceText } from './protocol.ts';

export interface StoredState {
	format: 'stdc-editor@1';
	/** Fingerprint of the server's version this state started from. */
	base: string;
	files: SourceText[];
	samples: EditorSample[];
	at: string;
}

/** `backup`: where a tab keeps its work while another tab edits the same set (so neither overwrites). */
export type Slot = 'draft' | 'saved' | 'backup';

const key = (year: number | string, slot: Slot) => `stdc-editor:${year}:${slot}`;

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export function readState(year: number | string, slot: Slot): StoredState | null {
	const raw = storage()?.getItem(key(year, slot));
	if (!raw) return null;
	try {
		const s = JSON.parse(raw) as StoredState;
		if (s?.format !== 'stdc-editor@1' || !Array.isArray(s.files) || !Array.isArray(s.samples)) return null;
		return s;
	} catch {
		return null;
	}
}

/** Returns false when the browser refused (quota, private mode). */
export function writeState(year: number | string, slot: Slot, state: Omit<StoredState, 'format' | 'at'>): boolean {
	const s = storage();
	if (!s) return false;
	try {
		s.setItem(key(year, slot), JSON.stringify({ format: 'stdc-editor@1', ...state, at: new Date().toISOString() }));
		return true;
	} catch {
		return false;
	}
}

export function clearState(year: number | string, slot: Slot): void {
	storage()?.removeItem(key(year, slot));
}

/**
 * Calls `onChange` when another tab of this browser writes the slot (the storage event never fires in the tab
 * that wrote). Returns the unsubscribe function.
 */
export function watchState(year: number | string, slot: Slot, onChange: () => void): () => void {
	if (typeof window === 'undefined') return () => {};
	const listener = (e: StorageEvent) => {
		if (e.key === key(year, slot)) onChange();
	};
	window.addEventListener('storage', listener);
	return () => window.removeEventListener('storage', listener);
}
