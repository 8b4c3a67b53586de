// npm start skips the build only when build/ was made from exactly the current inputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, buildStamp, writeStamp } from '../../scripts/build-stamp.js';

let root = '';
const write = (rel: string, text: string) => {
	fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
	fs.writeFileSync(path.join(root, rel), text);
};

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'stamp-'));
	write('src/routes/+page.svelte', '<p>一</p>');
	write('grammar/tokens.ts', 'export {}');
	write('package-lock.json', '{}');
	write('build/index.js', '');
	writeStamp(root);
});

describe('build stamp', () => {
	it('is current right after a build', () => {
		expect(buildIsCurrent(root)).toBe(true);
	});

	it('a changed source, an added or removed file, or a changed lockfile makes it stale', () => {
		const edits: [string, () => void][] = [
			['edit', () => write('src/routes/+page.svelte', '<p>二</p>')],
			['add', () => write('src/lib/new.ts', '')],
			['remove', () => fs.rmSync(path.join(root, 'grammar/tokens.ts'))],
			['lockfile', () => write('package-lock.json', '{"lockfileVersion":3}')],
			['static', () => write('static/favicon.png', 'x')]
		];
		for (const [what, edit] of edits) {
			writeStamp(root);
			expect(buildIsCurrent(root), `${what}: before`).toBe(true);
			edit();
			expect(buildIsCurrent(root), `${what}: after`).toBe(false);
		}
	});

	it('a rename with the same bytes changes the stamp', () => {
		const before = buildStamp(root);
		fs.renameSync(path.join(root, 'grammar/tokens.ts'), path.join(root, 'grammar/token.ts'));
		expect(buildStamp(root)).not.toBe(before);
	});

	it('no build, or no stamp, is not current', () => {
		fs.rmSync(path.join(root, 'build/.build-stamp'));
		expect(buildIsCurrent(root)).toBe(false);
		writeStamp(root);
		fs.rmSync(path.join(root, 'build/index.js'));
		expect(buildIsCurrent(root)).toBe(false);
	});

	it('files outside the inputs (tests, docs, standards read at run time) do not matter', () => {
		write('test/x.test.ts', '');
		write('docs/a.md', '');
		expect(buildIsCurrent(root)).toBe(true);
	});
});
