// The fingerprint of everything `vite build` reads: the app's sources, the grammar, the configuration and the
// lockfile (which stands for node_modules). `npm start` compares it with the one written beside the last build
// and builds again only when they differ. Plain JavaScript, so that it runs before anything is built.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Folders and files (relative to the project root) whose contents the build depends on. */
export const BUILD_INPUTS = [
	'src',
	'grammar',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];

/** Where the fingerprint of the build in build/ is kept. */
export const STAMP_FILE = path.join('build', '.build-stamp');

function walk(root, rel, out) {
	const abs = path.join(root, rel);
	let stat;
	try {
		stat = fs.statSync(abs);
	} catch {
		return; // an input that does not exist (no static/ folder) counts as empty
	}
	if (stat.isDirectory()) {
		for (const name of fs.readdirSync(abs).sort()) walk(root, path.posix.join(rel, name), out);
	} else if (stat.isFile()) out.push(rel);
}

/** A hash of every input file's path and bytes: any edit, added or removed file changes it. */
export function buildStamp(root = process.cwd()) {
	const files = [];
	for (const input of BUILD_INPUTS) walk(root, input, files);
	const hash = createHash('sha256');
	for (const rel of files) {
		const bytes = fs.readFileSync(path.join(root, rel));
		hash.update(`${rel}\0${bytes.length}\0`);
		hash.update(bytes);
	}
	return hash.digest('hex');
}

/** The build in build/ was made from exactly the current inputs. */
export function buildIsCurrent(root = process.cwd()) {
	if (!fs.existsSync(path.join(root, 'build', 'index.js'))) return false;
	try {
		return fs.readFileSync(path.join(root, STAMP_FILE), 'utf8').trim() === buildStamp(root);
	} catch {
		return false;
	}
}

export function writeStamp(root = process.cwd(), stamp = buildStamp(root)) {
	fs.writeFileSync(path.join(root, STAMP_FILE), `${stamp}\n`);
}
