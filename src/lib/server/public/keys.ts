// The bureaus' Ed25519 keys, kept in the server's data directory (DATA_DIR/keys, next to DATA_DIR/pglite).
// Created at setup (or on first need); the private keys never leave this directory (mode 0600), the public
// keys are published as keys.json.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { generateBureauKey, signContent, type BureauSignature, type KeyFile, type PublicKeyEntry } from '../../core/signature/index.ts';

export function dataDir(): string {
	return path.resolve(process.env.DATA_DIR ?? 'data');
}

const keysDir = () => path.join(dataDir(), 'keys');
const slug = (bureau: string) => createHash('sha256').update(bureau).digest('hex').slice(0, 16);
const bureauDir = (bureau: string) => path.join(keysDir(), slug(bureau));

/**
 * Creates the bureau's key pair unless it exists. The pair is written into a fresh folder and renamed into
 * place in one step, so two processes starting at once never see half a key nor overwrite each other's.
 */
function ensureKey(bureau: string): void {
	const dir = bureauDir(bureau);
	if (fs.existsSync(path.join(dir, 'public.json'))) return;
	fs.mkdirSync(keysDir(), { recursive: true, mode: 0o700 });
	const tmp = path.join(keysDir(), `.new-${randomBytes(6).toString('hex')}`);
	fs.mkdirSync(tmp, { mode: 0o700 });
	const { privatePem, entry } = generateBureauKey(bureau);
	fs.writeFileSync(path.join(tmp, 'private.pem'), privatePem, { mode: 0o600 });
	fs.writeFileSync(path.join(tmp, 'public.json'), JSON.stringify(entry, null, 1) + '\n');
	try {
		fs.renameSync(tmp, dir);
	} catch (e) {
		fs.rmSync(tmp, { recursive: true, force: true });
		if (!fs.existsSync(path.join(dir, 'public.json'))) throw e;
	}
}

/** Creates the missing keys of the given bureaus; returns every published public key. */
export function ensureBureauKeys(bureaus: string[]): PublicKeyEntry[] {
	for (const b of bureaus) ensureKey(b);
	return publicKeys();
}

export function publicKeys(): PublicKeyEntry[] {
	if (!fs.existsSync(keysDir())) return [];
	return fs
		.readdirSync(keysDir())
		.filter((d) => !d.startsWith('.') && fs.existsSync(path.join(keysDir(), d, 'public.json')))
		.sort()
		.map((d) => JSON.parse(fs.readFileSync(path.join(keysDir(), d, 'public.json'), 'utf8')) as PublicKeyEntry);
}

export function keyFile(): KeyFile {
	return { format: 'stdc-keys@1', keys: publicKeys() };
}

/** The bureau's signature over a year's content hash (when its approver approves, or at the first import). */
export function signForBureau(bureau: string, year: number, contentHash: string, at = new Date()): BureauSignature {
	ensureKey(bureau);
	const privatePem = fs.readFileSync(path.join(bureauDir(bureau), 'private.pem'), 'utf8');
	return signContent(privatePem, bureau, year, contentHash, at.toISOString());
}
