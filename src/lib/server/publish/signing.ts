// Ed25519 signatures in the publishing workflow. When an approver approves, the approval step signs the
// content hash of the bundle that will be published with that bureau's key (kept in the data directory,
// src/lib/server/public/keys.ts); the publication carries every approval's signature. A set imported at
// setup (no approvers) is signed with every issuing bureau's key by the server, audited as 导入.
import type { Bundle } from '../../core/index.ts';
import { contentHash, type BureauSignature } from '../../core/signature/index.ts';
import { ROLES, type Bureau } from '../auth/roles.ts';
import { StoreError } from '../errors.ts';
import { compileContent } from '../revisions/compile.ts';
import { getContent } from '../revisions/store.ts';
import { signForBureau } from '../public/keys.ts';
import { contentToPublish } from './publication.ts';
import { registerApprovalStep, type ApprovalStep } from './steps.ts';

/** The word that names each bureau in the set's 发布单位 (meta.issuers). */
const ISSUER_WORD: Record<Bureau, string> = { hr: '人力资源', st: '科学技术' };

/** The 发布单位 a bureau signs as. */
export function issuerOf(bureau: Bureau, issuers: readonly string[]): string {
	const issuer = issuers.find((i) => i.includes(ISSUER_WORD[bureau]));
	if (!issuer) throw new StoreError('not-ready', `标准集的发布单位（${issuers.join('、')}）中没有与${bureau === 'hr' ? '人社局' : '科技局'}对应的单位，无法签名`);
	return issuer;
}

/** The content hash the bureaus sign for a bundle compiled from sources with the given hash. */
export function hashToSign(bundle: Bundle, sourcesHash: string): string {
	return contentHash(contentToPublish(bundle, sourcesHash));
}

export const signApproval: ApprovalStep = async (ctx) => {
	const bureau = ROLES[ctx.approver.role].bureau;
	if (!bureau) return;
	const compiled = compileContent(await getContent(ctx.tx, ctx.revisionId));
	if (!compiled.bundle) throw new StoreError('not-ready', `无法签名：编译有 ${compiled.errors} 个错误`);
	const sig = signForBureau(issuerOf(bureau, compiled.bundle.meta.issuers), ctx.year, hashToSign(compiled.bundle, ctx.contentHash));
	return { signature: JSON.stringify(sig), signatureKeyId: sig.keyId };
};

/** Every approval signs from now on (called where the server opens its store). */
export function enableSigning(): void {
	registerApprovalStep('ed25519-signature', signApproval);
}

/** The signatures stored with approvals (rows without one, or with something else, are left out). */
export function signaturesOf(rows: { signature: string | null }[]): BureauSignature[] {
	const out: BureauSignature[] = [];
	for (const r of rows) {
		if (!r.signature) continue;
		try {
			const s = JSON.parse(r.signature) as BureauSignature;
			if (s && typeof s.bureau === 'string' && typeof s.signature === 'string') out.push(s);
		} catch {
			// not one of ours (a test step's marker): publication then refuses for want of a valid signature
		}
	}
	return out;
}

/** The imported set's signatures: the server signs as each issuing bureau. */
export function signAsIssuers(bundle: Bundle, year: number, sourcesHash: string): BureauSignature[] {
	const hash = hashToSign(bundle, sourcesHash);
	return bundle.meta.issuers.map((issuer) => signForBureau(issuer, year, hash));
}
