import { requireRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the header. */
export const load: LayoutServerLoad = (event) => {
	const user = requireRole(event, 'public');
	return { user: user && { username: user.username, displayName: user.displayName, roleLabel: user.roleLabel, role: user.role } };
};
