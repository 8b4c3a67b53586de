// The one schema of the shared workbench, for PGlite and a PostgreSQL server alike.
// Migrations in drizzle/ are generated from this file (`npm run db:generate`); the triggers that make
// published sets and the audit log immutable live in a hand-written migration next to them.
import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A person. `role` and `bureau` together give the six roles of src/lib/server/auth/roles.ts. */
export const accounts = pgTable('accounts', {
	id: serial('id').primaryKey(),
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	bureau: text('bureau').notNull(), // 'hr' | 'st'
	role: text('role').notNull(), // 'editor' | 'approver' | 'reviewer' | 'admin'
	passwordHash: text('password_hash').notNull(),
	active: boolean('active').notNull().default(true),
	demo: boolean('demo').notNull().default(false),
	createdAt: at('created_at').notNull().defaultNow()
});

/** A log-in. Only the sha256 of the token is stored; the token itself lives in the browser's cookie. */
export const sessions = pgTable(
	'sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		createdAt: at('created_at').notNull().defaultNow(),
		expiresAt: at('expires_at').notNull(),
		address: text('address')
	},
	(t) => [index('sessions_account_idx').on(t.accountId)]
);

/** Failed log-ins, by account name and by address, for throttling. */
export const loginFailures = pgTable(
	'login_failures',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		key: text('key').notNull(), // 'user:<name>' | 'addr:<address>'
		at: at('at').notNull().defaultNow()
	},
	(t) => [index('login_failures_key_idx').on(t.key, t.at)]
);

/** The standard set of one year. Its row is the lock every change of the year takes. */
export const standardSets = pgTable('standard_sets', {
	id: serial('id').primaryKey(),
	year: integer('year').notNull().unique(),
	/** The latest draft revision: a save must name it as its base. */
	headRevisionId: integer('head_revision_id').references((): AnyPgColumn => revisions.id),
	createdAt: at('created_at').notNull().defaultNow()
});

/** An immutable snapshot of all files and samples of a set. */
export const revisions = pgTable(
	'revisions',
	{
		id: serial('id').primaryKey(),
		setId: integer('set_id')
			.notNull()
			.references(() => standardSets.id),
		/** 1, 2, 3 … within the set. */
		seq: integer('seq').notNull(),
		parentId: integer('parent_id').references((): AnyPgColumn => revisions.id),
		authorId: integer('author_id').references(() => accounts.id),
		createdAt: at('created_at').notNull().defaultNow(),
		contentHash: text('content_hash').notNull(),
		/** 'save' | 'conflict' (kept aside: its base was not the head) | 'import' | 'new-year' */
		kind: text('kind').notNull(),
		message: text('message')
	},
	(t) => [uniqueIndex('revisions_set_seq_idx').on(t.setId, t.seq), index('revisions_hash_idx').on(t.contentHash)]
);

/** The files of a revision: `.std` sources and sample applicants (canonical JSON). */
export const revisionFiles = pgTable(
	'revision_files',
	{
		revisionId: integer('revision_id')
			.notNull()
			.references(() => revisions.id),
		path: text('path').notNull(),
		kind: text('kind').notNull(), // 'std' | 'sample'
		text: text('text').notNull()
	},
	(t) => [uniqueIndex('revision_files_pk').on(t.revisionId, t.path)]
);

/** A revision put forward for approval. */
export const submissions = pgTable(
	'submissions',
	{
		id: serial('id').primaryKey(),
		setId: integer('set_id')
			.notNull()
			.references(() => standardSets.id),
		revisionId: integer('revision_id')
			.notNull()
			.references(() => revisions.id),
		contentHash: text('content_hash').notNull(),
		submittedBy: integer('submitted_by')
			.notNull()
			.references(() => accounts.id),
		submittedAt: at('submitted_at').notNull().defaultNow(),
		/** 'pending' | 'returned' | 'voided' | 'published' */
		status: text('status').notNull().default('pending'),
		closedAt: at('closed_at'),
		closedBy: integer('closed_by').references(() => accounts.id),
		reason: text('reason')
	},
	(t) => [
		index('submissions_set_idx').on(t.setId, t.status),
		// At most one submission of a year waits for approval at a time.
		uniqueIndex('submissions_one_pending_idx').on(t.setId).where(sql`status = 'pending'`)
	]
);

/** One bureau's approval of one submission's exact content hash. */
export const approvals = pgTable(
	'approvals',
	{
		id: serial('id').primaryKey(),
		submissionId: integer('submission_id')
			.notNull()
			.references(() => submissions.id),
		approverId: integer('approver_id')
			.notNull()
			.references(() => accounts.id),
		bureau: text('bureau').notNull(),
		contentHash: text('content_hash').notNull(),
		approvedAt: at('approved_at').notNull().defaultNow(),
		/** Filled by approval steps (src/lib/server/publish/steps.ts): a signature over the approval … */
		signature: text('signature'),
		signatureKeyId: text('signature_key_id'),
		/** … and the hash of the impact summary the approver saw. */
		impactSummaryHash: text('impact_summary_hash')
	},
	(t) => [uniqueIndex('approvals_one_per_bureau_idx').on(t.submissionId, t.bureau)]
);

/** A published version: the revision both bureaus approved, with the bundle compiled at publication. */
export const publications = pgTable(
	'publications',
	{
		id: serial('id').primaryKey(),
		setId: integer('set_id')
			.notNull()
			.references(() => standardSets.id),
		revisionId: integer('revision_id')
			.notNull()
			.references(() => revisions.id),
		submissionId: integer('submission_id').references(() => submissions.id),
		contentHash: text('content_hash').notNull(),
		bundle: jsonb('bundle').notNull(),
		publishedAt: at('published_at').notNull().defaultNow()
	},
	(t) => [index('publications_set_idx').on(t.setId, t.id)]
);

/** Append-only, hash-chained: `hash` = sha256(prev_hash + the entry's canonical form). */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: at('at').notNull(),
		actorId: integer('actor_id'),
		actorName: text('actor_name'),
		action: text('action').notNull(),
		year: integer('year'),
		revisionId: integer('revision_id'),
		contentHash: text('content_hash'),
		detail: text('detail'),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [index('audit_action_idx').on(t.action), index('audit_year_idx').on(t.year)]
);
