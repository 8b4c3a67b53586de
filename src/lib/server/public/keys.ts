// The bureaus' Ed25519 keys, kept in the server's data directory. Created at setup (or on first need);
// the private keys never leave this directory (mode 0600), the public keys are published as keys.json.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { generateBureauKey, signContent, type BureauSignature, type KeyFile, type PublicKeyEntry } from '$lib/core/signature';

export function dataDir(): string {
	return path.resolve(process.env.STDC_DATA_DIR ?? path.join(process.cwd(), '.data'));
}

const keysDir = () => path.join(dataDir(), 'keys');
const slug = (bureau: string) => createHash('sha256').update(bureau).digest('hex').slice(0, 16);

/** Creates the missing keys of the given bureaus; returns every published public key. */
export function ensureBureauKeys(bureaus: string[]): PublicKeyEntry[] {
	fs.mkdirSync(keysDir(), { recursive: true, mode: 0o700 });
	for (const b of bureaus) {
		const priv = path.join(keysDir(), `${slug(b)}.key.pem`);
		const pub = path.join(keysDir(), `${slug(b)}.pub.json`);
		if (fs.existsSync(priv) && fs.existsSync(pub)) continue;
		const { privatePem, entry } = generateBureauKey(b);
		fs.writeFileSync(priv, privatePem, { mode: 0o600, flag: 'wx' });
		fs.writeFileSync(pub, JSON.stringify(entry, null, 1) + '\n');
	}
	return publicKeys();
}

export function publicKeys(): PublicKeyEntry[] {
	if (!fs.existsSync(keysDir())) return [];
	return fs
		.readdirSync(keysDir())
		.filter((f) => f.endsWith('.pub.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(keysDir(), f), 'utf8')) as PublicKeyEntry);
}

export function keyFile(): KeyFile {
	return { format: 'stdc-keys@1', keys: publicKeys() };
}

/** The bureau's signature over a year's content hash (called when its approver approves). */
export function signForBureau(bureau: string, year: number, contentHash: string, at = new Date()): BureauSignature {
	ensureBureauKeys([bureau]);
	const privatePem = fs.readFileSync(path.join(keysDir(), `${slug(bureau)}.key.pem`), 'utf8');
	return signContent(privatePem, bureau, year, contentHash, at.toISOString());
}
