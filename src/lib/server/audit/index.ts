export { appendAudit, audit, listAudit, verifyAudit, AUDIT_ACTIONS, type AuditAction, type Actor, type AuditInput, type AuditRow, type AuditFilter, type ChainReport } from './log.ts';
