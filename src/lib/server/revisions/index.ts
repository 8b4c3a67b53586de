export { contentHash, normalizeContent, readContentDir, writeContentDir, kindOf, type SetContent, type ContentFile } from './content.ts';
export { compileContent, samplesOf, type CompiledContent, type ContentSample } from './compile.ts';
export { getRevision, getRevisionSummary, getContent, listRevisions, headOf, findSet, assertYear, type Revision, type RevisionSummary } from './store.ts';
export { saveDraft, type SaveInput, type SaveResult } from './save.ts';
export { importPublishedSet } from './import.ts';
export { newYear, mentionsOfYear, retarget, type YearMention } from './new-year.ts';
