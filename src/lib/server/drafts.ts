// The editor's view of a revision (its `.std` files and its samples as the editor keeps them) and the way back:
// the editor's files and samples as a revision's content. A sample keeps the fields the editor does not show
// (its "reasoning", for instance) from the revision the clerk started from.
import type { EditorSample, Outcome, SourceText } from '$lib/editor/protocol';
import { kindOf, samplesOf, type SetContent } from './revisions/index.ts';

export interface EditorContent {
	files: SourceText[];
	samples: EditorSample[];
}

const stem = (file: string) => (file.split('/').pop() ?? file).replace(/\.json$/i, '');

export function editorContent(content: SetContent): EditorContent {
	return {
		files: content.files.filter((f) => kindOf(f.path) === 'std').map((f) => ({ path: f.path, text: f.text })),
		samples: samplesOf(content).map((s) => ({
			key: stem(s.file),
			file: s.file,
			description: s.description,
			record: s.record,
			expected: s.expected as Record<string, Outcome>
		}))
	};
}

/** A file name for a sample added in the editor: its record's id, made safe, unique among `taken`. */
function newSamplePath(sample: EditorSample, taken: Set<string>): string {
	const id = String((sample.record as { id?: unknown } | null)?.id ?? sample.key);
	const base = id.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || 'sample';
	let name = `samples/${base}.json`;
	for (let i = 2; taken.has(name); i++) name = `samples/${base}-${i}.json`;
	taken.add(name);
	return name;
}

/** The editor's state as content, on top of `base` (the revision the clerk started from). Throws on bad input. */
export function contentFromEditor(base: SetContent, input: unknown): SetContent {
	const { files, samples } = (input ?? {}) as Partial<EditorContent>;
	if (!Array.isArray(files) || !Array.isArray(samples)) throw new TypeError('须有 files 与 samples');
	const baseSamples = new Map(base.files.filter((f) => kindOf(f.path) === 'sample').map((f) => [f.path, f.text]));
	const taken = new Set(samples.map((s) => s?.file).filter((f): f is string => typeof f === 'string' && !!kindOf(f)));
	const out = files.map((f) => ({ path: String(f?.path), text: String(f?.text ?? '') }));
	for (const s of samples) {
		if (!s || typeof s !== 'object') throw new TypeError('样例须为对象');
		const path = typeof s.file === 'string' && kindOf(s.file) === 'sample' ? s.file : newSamplePath(s, taken);
		let kept: Record<string, unknown> = {};
		const before = baseSamples.get(path);
		if (before) {
			try {
				kept = JSON.parse(before);
			} catch {
				kept = {};
			}
		}
		out.push({ path, text: JSON.stringify({ ...kept, description: s.description ?? '', record: s.record, expected: s.expected ?? {} }, null, 2) + '\n' });
	}
	return { files: out };
}
