// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** the signed-in person (hooks.server.ts), or null */
			user: import('$lib/server/auth/roles').User | null;
			/** the session token of the request, for log-out */
			sessionToken: string | null;
			/** the request's method (the guard redirects only GET page requests) */
			method: string;
			/** the capability the route asked requireRole for (checked by the route×role test) */
			guard?: import('$lib/server/auth/roles').Capability;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
