// JSON endpoints: a body parsed or refused with 400, and a StoreError answered with its status and a
// Chinese message: { "error": { "code", "message", "details"? } }.
import { error, json, type RequestEvent } from '@sveltejs/kit';
import { StoreError } from '../errors.ts';

export async function body<T = Record<string, unknown>>(event: Pick<RequestEvent, 'request'>): Promise<T> {
	try {
		const value = await event.request.json();
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as T;
	} catch (e) {
		if ((e as { status?: number } | null)?.status === 413) error(413, `请求体过大（服务器上限 BODY_SIZE_LIMIT=${process.env.BODY_SIZE_LIMIT ?? '512K'}）`);
		/* answered below */
	}
	error(400, '请求体须为 JSON 对象');
}

export async function answer(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof StoreError) return json({ error: { code: e.code, message: e.message, ...(e.details !== undefined && { details: e.details }) } }, { status: e.status });
		throw e;
	}
}

export function intParam(value: string | undefined, what: string): number {
	const n = Number(value);
	if (!value || !Number.isInteger(n) || n <= 0) error(404, `没有这个${what}`);
	return n;
}
