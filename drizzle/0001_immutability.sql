-- Published versions and the audit log are immutable in the database itself, not only in the app's code.
-- Revisions are never updated; a published revision, its files and its publication (the bundle) can be
-- neither updated nor deleted; none of these tables can be truncated; the audit log only grows.
CREATE FUNCTION stdc_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'stdc: % of % is not allowed (%)', TG_OP, TG_TABLE_NAME, TG_ARGV[0]
		USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION stdc_refuse_published_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	rev integer;
BEGIN
	IF TG_TABLE_NAME = 'revisions' THEN rev := OLD.id; ELSE rev := OLD.revision_id; END IF;
	IF TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM publications p WHERE p.revision_id = rev) THEN
		RAISE EXCEPTION 'stdc: % of % is not allowed (revision % is immutable%)', TG_OP, TG_TABLE_NAME, rev,
			CASE WHEN TG_OP = 'UPDATE' THEN '' ELSE ' and published' END
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER revisions_immutable BEFORE UPDATE OR DELETE ON revisions
	FOR EACH ROW EXECUTE FUNCTION stdc_refuse_published_revision();
--> statement-breakpoint
CREATE TRIGGER revision_files_immutable BEFORE UPDATE OR DELETE ON revision_files
	FOR EACH ROW EXECUTE FUNCTION stdc_refuse_published_revision();
--> statement-breakpoint
CREATE TRIGGER publications_immutable BEFORE UPDATE OR DELETE ON publications
	FOR EACH ROW EXECUTE FUNCTION stdc_refuse('a published version is immutable');
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION stdc_refuse('the audit log is append-only');
--> statement-breakpoint
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revisions
	FOR EACH STATEMENT EXECUTE FUNCTION stdc_refuse('revisions are immutable');
--> statement-breakpoint
CREATE TRIGGER revision_files_no_truncate BEFORE TRUNCATE ON revision_files
	FOR EACH STATEMENT EXECUTE FUNCTION stdc_refuse('revisions are immutable');
--> statement-breakpoint
CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON publications
	FOR EACH STATEMENT EXECUTE FUNCTION stdc_refuse('a published version is immutable');
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION stdc_refuse('the audit log is append-only');
