// `npm start`: serve the app, building it first only when the sources, configuration or lockfile changed since
// the build in build/ was made (scripts/build-stamp.js). `npm start -- --rebuild` always builds.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { buildIsCurrent, buildStamp, writeStamp } from './build-stamp.js';

const root = process.cwd();
if (!process.argv.includes('--rebuild') && buildIsCurrent(root)) {
	console.log('构建产物与源文件一致，直接启动（npm start -- --rebuild 可强制重新构建）');
} else {
	// Fingerprint the inputs before building, so that an edit made during the build makes the next start rebuild.
	const stamp = buildStamp(root);
	console.log('源文件有变化或尚未构建：正在构建应用（vite build）…');
	const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		stdio: 'inherit',
		cwd: root
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
	writeStamp(root, stamp);
}
// adapter-node's default request body limit is 512 KB. Every save sends the whole standard set with its samples
// (the store allows 20 MB of content), and applicant uploads may be up to 10 MB (src/lib/core/spreadsheet/types.ts);
// each is refused by its own limit, with its own message, below this one.
process.env.BODY_SIZE_LIMIT ??= '25M';
await import(pathToFileURL(path.join(root, 'build', 'index.js')).href);
