// A refusal of the shared store, with the HTTP status a route should answer and a Chinese message for the clerk.
export type StoreErrorCode =
	| 'unauthenticated'
	| 'forbidden'
	| 'not-found'
	| 'conflict'
	| 'invalid'
	| 'throttled'
	| 'not-ready';

const STATUS: Record<StoreErrorCode, number> = {
	unauthenticated: 401,
	forbidden: 403,
	'not-found': 404,
	conflict: 409,
	invalid: 422,
	throttled: 429,
	'not-ready': 409
};

export class StoreError extends Error {
	readonly status: number;
	constructor(
		readonly code: StoreErrorCode,
		message: string,
		readonly details?: unknown
	) {
		super(message);
		this.status = STATUS[code];
	}
}
