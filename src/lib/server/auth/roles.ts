// The six roles and what each may do. Every route asks for a capability through requireRole (guard.ts);
// this table is the one place that says which roles have it.
export const BUREAUS = { hr: '人社局', st: '科技局' } as const;
export type Bureau = keyof typeof BUREAUS;
export type RoleKind = 'editor' | 'approver' | 'reviewer' | 'admin';

/** A role as stored: its kind and the bureau of the person. */
export type Role = 'hr_editor' | 'st_editor' | 'hr_approver' | 'st_approver' | 'reviewer' | 'admin';

export const ROLES: Record<Role, { label: string; kind: RoleKind; bureau: Bureau | null }> = {
	hr_editor: { label: '人社局经办', kind: 'editor', bureau: 'hr' },
	st_editor: { label: '科技局经办', kind: 'editor', bureau: 'st' },
	hr_approver: { label: '人社局审批', kind: 'approver', bureau: 'hr' },
	st_approver: { label: '科技局审批', kind: 'approver', bureau: 'st' },
	reviewer: { label: '审阅', kind: 'reviewer', bureau: null },
	admin: { label: '管理员', kind: 'admin', bureau: null }
};
export const ALL_ROLES = Object.keys(ROLES) as Role[];

export type Capability =
	/** anyone, signed in or not */
	| 'public'
	/** any signed-in account */
	| 'signed-in'
	/** drafts, submissions, versions, impact */
	| 'read'
	/** save drafts, submit, start a new year */
	| 'edit'
	/** approve or return a submission for one's bureau */
	| 'approve'
	/** accounts and the audit log */
	| 'admin';

const CAN: Record<Capability, readonly Role[] | 'everyone'> = {
	public: 'everyone',
	'signed-in': ALL_ROLES,
	read: ALL_ROLES,
	edit: ['hr_editor', 'st_editor'],
	approve: ['hr_approver', 'st_approver'],
	admin: ['admin']
};

export function rolesWith(capability: Capability): readonly Role[] | 'everyone' {
	return CAN[capability];
}

export function can(role: Role | null | undefined, capability: Capability): boolean {
	const who = CAN[capability];
	if (who === 'everyone') return true;
	return !!role && who.includes(role);
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && value in ROLES;
}

/** The signed-in person, as routes see it in `locals.user`. */
export interface User {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	roleLabel: string;
	bureau: Bureau | null;
	demo: boolean;
}
