// Every route, load, action and endpoint × every role and anonymous: allowed or refused, by this table.
// The routes are found on disk (src/routes); a handler missing from the table, or a table entry with no
// handler, fails the test, so a new route cannot escape it.
//
// To add a route: add one line per handler to TABLE — "<route id> load", "<route id> action:<name>" or
// "<route id> <METHOD>" — with the roles allowed (ANYONE, SIGNED_IN, EDITORS, APPROVERS, ADMIN or a list).
// Every handler must call requireRole (src/lib/server/guard.ts) before anything else.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { freshStore } from './harness.ts';
import { seed, type Seeded } from './fixture.ts';
import { useStore } from '../../src/lib/server/store.ts';
import { ALL_ROLES, type Role, type User } from '../../src/lib/server/auth/roles.ts';

type Who = Role | 'anonymous';
const ANYONE: Who[] = ['anonymous', ...ALL_ROLES];
const SIGNED_IN: Who[] = [...ALL_ROLES];
const EDITORS: Who[] = ['hr_editor', 'st_editor'];
const APPROVERS: Who[] = ['hr_approver', 'st_approver'];
const ADMIN: Who[] = ['admin'];

const TABLE: Record<string, Who[]> = {
	'/ layout-load': ANYONE,
	'/ load': ANYONE,
	'/applicants/[id] load': ANYONE,
	'/standards/[year]/[file] load': ANYONE,
	'/standards/[year]/edit load': SIGNED_IN,
	'/standards/[year]/edit action:save': EDITORS,
	'/standards load': SIGNED_IN,
	'/standards action:newYear': EDITORS,
	'/standards/[year] load': SIGNED_IN,
	'/standards/[year] action:submit': EDITORS,
	'/standards/[year] action:approve': APPROVERS,
	'/standards/[year] action:return': APPROVERS,
	'/standards/[year]/revisions/[id] load': SIGNED_IN,
	'/standards/[year]/impact load': SIGNED_IN,
	'/standards/[year]/applicants load': SIGNED_IN,
	'/standards/[year]/applicants action:import': EDITORS,
	'/standards/[year]/applicants/results/[format] GET': SIGNED_IN,
	'/standards/[year]/applicants/template.xlsx GET': SIGNED_IN,
	'/login load': ANYONE,
	'/login action:default': ANYONE,
	'/logout load': ANYONE,
	'/logout action:default': ANYONE,
	'/admin load': ADMIN,
	'/admin action:create': ADMIN,
	'/admin action:update': ADMIN,
	'/api/login POST': ANYONE,
	'/api/logout POST': SIGNED_IN,
	'/api/sets GET': SIGNED_IN,
	'/api/sets POST': EDITORS,
	'/api/sets/[year] GET': SIGNED_IN,
	'/api/sets/[year]/drafts POST': EDITORS,
	'/api/sets/[year]/submissions POST': EDITORS,
	'/api/revisions/[id] GET': SIGNED_IN,
	'/api/submissions/[id]/approve POST': APPROVERS,
	'/api/submissions/[id]/return POST': APPROVERS,
	'/api/public/[year]/bundle GET': ANYONE,
	'/api/public/[year]/sources GET': ANYONE,
	'/api/public/record-schema GET': ANYONE,
	'/public load': ANYONE,
	'/public/[year] load': ANYONE,
	'/public/[year]/source/[file] load': ANYONE,
	'/public/[year]/bundle.json GET': ANYONE,
	'/public/[year]/signatures.json GET': ANYONE,
	'/public/[year]/record-schema.json GET': ANYONE,
	'/public/[year]/download/[file] GET': ANYONE,
	'/public/keys.json GET': ANYONE,
	'/api/audit GET': ADMIN,
	'/api/accounts GET': ADMIN,
	'/api/accounts POST': ADMIN
};

const ROUTES = path.resolve('src/routes');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

interface Handler {
	key: string;
	routeId: string;
	run: (event: unknown) => unknown;
	method: string;
}

function walk(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

const files = walk(ROUTES);
const routeIdOf = (file: string) => '/' + path.relative(ROUTES, path.dirname(file)).split(path.sep).filter(Boolean).join('/');

async function discover(): Promise<Handler[]> {
	const out: Handler[] = [];
	for (const file of files) {
		const name = path.basename(file);
		const routeId = routeIdOf(file);
		if (!/^\+(page|layout)\.server\.ts$|^\+server\.ts$/.test(name)) continue;
		const mod = await import(/* @vite-ignore */ file);
		if (name === '+server.ts') {
			for (const m of METHODS) if (typeof mod[m] === 'function') out.push({ key: `${routeId} ${m}`, routeId, run: mod[m], method: m });
			continue;
		}
		const kind = name.startsWith('+layout') ? 'layout-load' : 'load';
		if (typeof mod.load === 'function') out.push({ key: `${routeId} ${kind}`, routeId, run: mod.load, method: 'GET' });
		for (const [action, fn] of Object.entries((mod.actions ?? {}) as Record<string, (e: unknown) => unknown>))
			out.push({ key: `${routeId} action:${action}`, routeId, run: fn, method: 'POST' });
	}
	return out;
}

let handlers: Handler[] = [];
let seeded: Seeded;
let drop: () => Promise<void>;

beforeAll(async () => {
	const fresh = await freshStore('pglite');
	drop = fresh.drop;
	seeded = await seed(fresh.store);
	useStore(fresh.store);
	handlers = await discover();
}, 120_000);

afterAll(async () => {
	useStore(null);
	await drop?.();
});

const PARAMS: Record<string, string> = { year: '2026', file: 'common.std', id: '1' };

function eventFor(h: Handler, user: User | null) {
	const params = Object.fromEntries([...h.routeId.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], PARAMS[m[1]] ?? '1']));
	const pathname = h.routeId.replace(/\[(\w+)\]/g, (_m, p) => params[p]);
	const url = new URL(`http://127.0.0.1${pathname}`);
	const cookies = { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, serialize: () => '' };
	const init: RequestInit = { method: h.method };
	if (h.method !== 'GET') {
		if (h.key.includes('action:')) init.body = new FormData();
		else init.body = '{}';
	}
	const locals = { user, sessionToken: null, method: h.method } as App.Locals;
	return { locals, url, params, cookies, request: new Request(url, init), getClientAddress: () => '127.0.0.1', route: { id: h.routeId }, parent: async () => ({}), depends: () => {}, setHeaders: () => {}, fetch, untrack: <T>(f: () => T) => f(), isDataRequest: false };
}

/** 'refused' when the guard turned the caller away (401, 403, or a redirect to the log-in page). */
async function outcome(h: Handler, user: User | null): Promise<{ result: 'allowed' | 'refused'; guard: unknown }> {
	const event = eventFor(h, user);
	try {
		await h.run(event);
	} catch (e) {
		if (isHttpError(e) && (e.status === 401 || e.status === 403)) return { result: 'refused', guard: event.locals.guard };
		if (isRedirect(e) && e.location.startsWith('/login?')) return { result: 'refused', guard: event.locals.guard };
		// Any other answer (404 for a made-up id, 422 for an empty body, a redirect after log-out) got past the guard.
	}
	return { result: 'allowed', guard: event.locals.guard };
}

describe('route × role', () => {
	test('every page has a server load (so the guard runs), and the table and the routes on disk agree', () => {
		for (const f of files.filter((f) => path.basename(f) === '+page.svelte')) {
			expect(fs.existsSync(path.join(path.dirname(f), '+page.server.ts')), `${routeIdOf(f)} has +page.svelte but no +page.server.ts`).toBe(true);
		}
		const found = handlers.map((h) => h.key).sort();
		const missing = found.filter((k) => !(k in TABLE));
		expect(missing, `handlers missing from the route × role table in test/server/routes.test.ts: ${missing.join(', ')}`).toEqual([]);
		const stale = Object.keys(TABLE).filter((k) => !found.includes(k));
		expect(stale, `table entries with no handler on disk: ${stale.join(', ')}`).toEqual([]);
	});

	test('every handler × every role and anonymous: allowed exactly as the table says, and always through requireRole', async () => {
		const users: Record<Who, User | null> = {
			anonymous: null,
			hr_editor: seeded.users.hrEditor,
			st_editor: seeded.users.stEditor,
			hr_approver: seeded.users.hrApprover,
			st_approver: seeded.users.stApprover,
			reviewer: seeded.users.reviewer,
			admin: seeded.users.admin
		};
		const rows: string[] = [];
		const wrong: string[] = [];
		for (const h of handlers) {
			for (const who of ANYONE) {
				const want = TABLE[h.key].includes(who) ? 'allowed' : 'refused';
				const got = await outcome(h, users[who]);
				if (got.guard === undefined) wrong.push(`${h.key} as ${who}: requireRole was not called`);
				else if (got.result !== want) wrong.push(`${h.key} as ${who}: ${got.result}, table says ${want}`);
				rows.push(`${h.key} ${who} ${got.result}`);
			}
		}
		expect(wrong).toEqual([]);
		expect(rows.length).toBe(handlers.length * ANYONE.length);
		expect(rows.filter((r) => r.endsWith('refused')).length).toBeGreaterThan(40);
	}, 300_000);
});
