// Password hashing with Argon2id (@node-rs/argon2: prebuilt binaries from the npm registry, no build step),
// at OWASP's recommended minimum: 19 MiB of memory, 2 iterations, parallelism 1.
import { hash, verify } from '@node-rs/argon2';

const PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
	return hash(password, PARAMS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}

/** Verifying against this when the account does not exist keeps the answer's timing the same. */
let dummy: Promise<string> | null = null;
export async function burnVerify(password: string): Promise<void> {
	dummy ??= hashPassword('not-a-real-password-' + Math.random());
	await verifyPassword(await dummy, password);
}
