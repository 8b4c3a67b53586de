// The editor's crash buffer: one slot per tab, a reload finds its own slot, a slot whose tab is gone (released
// as it closed, or silent for long) is taken by the next tab, and a live tab's slot is never taken.
import { beforeEach, describe, expect, test, vi } from 'vitest';

class MemoryStorage implements Storage {
	private m = new Map<string, string>();
	get length() {
		return this.m.size;
	}
	clear() {
		this.m.clear();
	}
	getItem(k: string) {
		return this.m.get(k) ?? null;
	}
	key(i: number) {
		return [...this.m.keys()][i] ?? null;
	}
	removeItem(k: string) {
		this.m.delete(k);
	}
	setItem(k: string, v: string) {
		this.m.set(k, String(v));
	}
}

const local = new MemoryStorage();
let session = new MemoryStorage();
vi.stubGlobal('localStorage', local);
vi.stubGlobal('sessionStorage', {
	getItem: (k: string) => session.getItem(k),
	setItem: (k: string, v: string) => session.setItem(k, v)
});

/** A fresh module, as a new tab (new sessionStorage) or a reload (same sessionStorage) gets it. */
async function tab(newTab: boolean) {
	if (newTab) session = new MemoryStorage();
	vi.resetModules();
	return import('../../src/lib/editor/storage.ts');
}

const file = (text: string) => ({ base: '1', files: [{ path: 'a.std', text }], samples: [] });
const texts = () =>
	Object.keys(Object.fromEntries([...Array(local.length)].map((_, i) => [local.key(i)!, 1])))
		.filter((k) => k.includes(':buffer:'))
		.map((k) => JSON.parse(local.getItem(k)!).files[0].text)
		.sort();

describe('crash buffer', () => {
	beforeEach(() => local.clear());

	test('two tabs write two slots; neither overwrites the other', async () => {
		const a = await tab(true);
		expect(a.writeBuffer(2026, file('甲'))).toBe(true);
		const b = await tab(true);
		b.writeBuffer(2026, file('乙'));
		expect(texts()).toEqual(['乙', '甲']);
		// a live tab's slot (just written) is not taken by a new tab
		const c = await tab(true);
		expect(c.takeBuffer(2026)).toBeNull();
		expect(texts()).toEqual(['乙', '甲']);
	});

	test('a reload finds its own slot first', async () => {
		const a = await tab(true);
		a.writeBuffer(2026, file('甲'));
		const again = await tab(false);
		expect(again.takeBuffer(2026)?.files[0].text).toBe('甲');
	});

	test('a released slot is taken at once, a silent one after a while, and moved into the new tab', async () => {
		const a = await tab(true);
		a.writeBuffer(2026, { ...file('关闭时'), released: true });
		const b = await tab(true);
		expect(b.takeBuffer(2026)?.files[0].text).toBe('关闭时');
		expect(texts()).toEqual(['关闭时']); // moved, not copied
		expect(b.takeBuffer(2026)?.released).toBeUndefined();
		b.clearBuffer(2026);
		expect(texts()).toEqual([]);

		const c = await tab(true);
		c.writeBuffer(2026, file('崩溃前'));
		const d = await tab(true);
		expect(d.takeBuffer(2026)).toBeNull();
		expect(d.takeBuffer(2026, Date.now() + d.ORPHAN_AFTER_MS + 1)?.files[0].text).toBe('崩溃前');
	});

	test('another year, broken JSON and the old single slot', async () => {
		local.setItem('stdc-editor:2026:buffer:x', '{not json');
		local.setItem('stdc-editor:2027:buffer:y', JSON.stringify({ format: 'stdc-editor@1', ...file('2027'), at: new Date(0).toISOString() }));
		local.setItem('stdc-editor:2026:draft', JSON.stringify({ format: 'stdc-editor@1', ...file('旧版'), at: new Date().toISOString() }));
		const a = await tab(true);
		expect(a.takeBuffer(2026)?.files[0].text).toBe('旧版');
		expect(local.getItem('stdc-editor:2026:draft')).toBeNull();
	});
});
