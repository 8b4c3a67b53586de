import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { error } from '@sveltejs/kit';
import { loadSamples } from '$lib/core/node';
import { getOverview } from '$lib/server/standards';
import type { EditorSample, Outcome, SourceText } from '$lib/editor/protocol';
import type { PageServerLoad } from './$types';

/** The editor gets the set's files and samples as they are on disk; edits stay in the browser. */
export const load: PageServerLoad = ({ params }) => {
	const year = params.year;
	const dir = path.resolve(process.cwd(), 'standards', year);
	if (!/^\d{4}$/.test(year) || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
		error(404, `没有 ${year} 年度的标准集`);
	}
	const files: SourceText[] = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.std'))
		.sort()
		.map((f) => ({ path: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
	const samples: EditorSample[] = loadSamples(dir).map((s) => ({
		key: path.basename(s.file).replace(/\.json$/i, ''),
		file: path.relative(dir, s.file).split(path.sep).join('/'),
		description: s.description,
		record: s.record,
		expected: s.expected as Record<string, Outcome>
	}));
	const fingerprint = createHash('sha256').update(JSON.stringify({ files, samples })).digest('hex').slice(0, 16);
	const setName = getOverview(Number(year)).meta?.name ?? null;
	return { year: Number(year), setName, files, samples, fingerprint };
};
