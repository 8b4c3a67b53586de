// The page's side of the worker sends nothing to the worker until the editor has started, then everything in
// the order it was posted; afterwards messages go at once.
import { describe, expect, it } from 'vitest';
import { WorkerClient } from '../../src/lib/editor/client.ts';
import type { FromWorker, ToWorker } from '../../src/lib/editor/protocol.ts';

function fakeWorker() {
	const w = { onmessage: null as ((e: { data: FromWorker }) => void) | null, onerror: null, posted: [] as ToWorker[] };
	return Object.assign(w, { postMessage: (m: ToWorker) => w.posted.push(m), terminate() {} });
}

describe('the worker client at start', () => {
	it('holds the first check back until the editor has started, then sends everything in order', async () => {
		let start!: () => void;
		const started = new Promise<void>((r) => (start = r));
		const w = fakeWorker();
		const client = new WorkerClient(w as unknown as Worker, started);
		client.init([{ path: 'a.std', text: '' }], [], { files: [], samples: [] });
		client.update('a.std', 'x');
		const answer = client.call('outline', 'a.std');
		expect(w.posted).toEqual([]);
		start();
		await started;
		await Promise.resolve();
		expect(w.posted.map((m) => m.type)).toEqual(['init', 'update', 'request']);
		// Afterwards nothing waits.
		client.update('a.std', 'y');
		expect(w.posted.at(-1)).toEqual({ type: 'update', path: 'a.std', text: 'y', seq: 2 });
		const request = w.posted[2] as Extract<ToWorker, { type: 'request' }>;
		w.onmessage!({ data: { type: 'response', id: request.id, result: [] } });
		await expect(answer).resolves.toEqual([]);
	});
});
