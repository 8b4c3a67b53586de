// Steps every approval runs before it is recorded, inside the approval's transaction. A step may refuse
// (throw a StoreError) or add to the approval what it produced: a signature over the approved content
// (issue 10 signs with Ed25519 here) or the hash of the impact summary the approver saw (issue 11).
import type { Tx } from '../db/client.ts';
import type { User } from '../auth/roles.ts';

export interface ApprovalContext {
	tx: Tx;
	approver: User;
	year: number;
	submissionId: number;
	revisionId: number;
	contentHash: string;
	/** what the approver sent along (for instance the impact summary hash they were shown) */
	input: Record<string, unknown>;
}

export interface ApprovalExtras {
	signature?: string | null;
	signatureKeyId?: string | null;
	impactSummaryHash?: string | null;
}

export type ApprovalStep = (ctx: ApprovalContext) => Promise<ApprovalExtras | void> | ApprovalExtras | void;

const steps: { name: string; run: ApprovalStep }[] = [];

/** Registers a step (by name, so registering again replaces it). */
export function registerApprovalStep(name: string, run: ApprovalStep): void {
	const i = steps.findIndex((s) => s.name === name);
	if (i >= 0) steps[i] = { name, run };
	else steps.push({ name, run });
}

export function unregisterApprovalStep(name: string): void {
	const i = steps.findIndex((s) => s.name === name);
	if (i >= 0) steps.splice(i, 1);
}

export async function runApprovalSteps(ctx: ApprovalContext): Promise<ApprovalExtras> {
	const extras: ApprovalExtras = {};
	for (const s of steps) Object.assign(extras, (await s.run(ctx)) ?? {});
	return extras;
}
