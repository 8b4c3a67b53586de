export { submit, approve, returnSubmission, REQUIRED_BUREAUS, type ApproveResult } from './workflow.ts';
export { currentPublication, publishedYears, type PublishedBundle, type PublicationRow } from './publication.ts';
export { setView, listSetViews, listVersions, listSubmissions, STATE_LABELS, SUBMISSION_LABELS, type SetView, type VersionView, type SubmissionView, type ApprovalView } from './versions.ts';
export { registerApprovalStep, unregisterApprovalStep, type ApprovalStep, type ApprovalContext, type ApprovalExtras } from './steps.ts';
