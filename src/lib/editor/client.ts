// The page's side of the worker: typed requests with promises, and the worker's pushed events. What the page
// sends before the editor has started (startup.ts) waits, in order, until it has: the worker's script loads at
// once, but its first check runs after the editor takes keys instead of competing with Monaco's start.
import type { EditorSample, FromWorker, Methods, SourceText, ToWorker } from './protocol.ts';
import { editorStarted } from './startup.ts';

type Events = Extract<FromWorker, { type: 'diagnostics' | 'preview' | 'ready' | 'failure' }>;
type Listener = (event: Events) => void;

export class WorkerClient {
	private nextId = 1;
	private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	private listeners = new Set<Listener>();
	/** Increases with every edit posted; the worker's events say up to which edit they reflect. */
	seq = 0;
	/** Messages posted before the editor started; null once it has. */
	private queued: ToWorker[] | null = [];

	constructor(
		private worker: Worker,
		started: Promise<void> = editorStarted
	) {
		started.then(() => {
			const queued = this.queued ?? [];
			this.queued = null;
			for (const m of queued) this.worker.postMessage(m);
		});
		worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
		worker.onerror = (e) => {
			e.preventDefault();
			const message = e.message || '编辑器后台线程出错';
			for (const p of this.pending.values()) p.reject(new Error(message));
			this.pending.clear();
			for (const l of this.listeners) l({ type: 'failure', message });
		};
	}

	private receive(m: FromWorker): void {
		if (m.type === 'response') {
			const p = this.pending.get(m.id);
			if (!p) return;
			this.pending.delete(m.id);
			if (m.error !== undefined) p.reject(new Error(m.error));
			else p.resolve(m.result);
			return;
		}
		for (const l of this.listeners) l(m);
	}

	private post(m: ToWorker): void {
		if (this.queued) this.queued.push(m);
		else this.worker.postMessage(m);
	}

	on(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	init(files: SourceText[], samples: EditorSample[], saved: { files: SourceText[]; samples: EditorSample[] }): void {
		this.post({ type: 'init', files, samples, saved });
	}

	update(path: string, text: string): number {
		this.post({ type: 'update', path, text, seq: ++this.seq });
		return this.seq;
	}

	setSample(sample: EditorSample): number {
		this.post({ type: 'setSample', sample, seq: ++this.seq });
		return this.seq;
	}

	removeSample(key: string): number {
		this.post({ type: 'removeSample', key, seq: ++this.seq });
		return this.seq;
	}

	save(): void {
		this.post({ type: 'save' });
	}

	call<K extends keyof Methods>(method: K, ...args: Parameters<Methods[K]>): Promise<ReturnType<Methods[K]>> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			this.post({ type: 'request', id, method, args });
		});
	}

	dispose(): void {
		for (const p of this.pending.values()) p.reject(new Error('disposed'));
		this.pending.clear();
		this.listeners.clear();
		this.queued = null;
		this.worker.terminate();
	}
}
