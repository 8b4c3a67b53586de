// Public API of the applicant-record contract.
export { recordSchema, annotationKeywords, DATE_PATTERN, REGION_CODE_PATTERN } from './schema.ts';
export type { SchemaNode, JsonType, Unit } from './schema.ts';
export { recordFields, lookupField, allFieldPaths } from './fields.ts';
export type { FieldInfo, FieldType } from './fields.ts';
export { validateRecord, validateBatch, DEFAULT_REFERENCE_DATE } from './validate.ts';
export type { RecordIssue, RecordCheck } from './validate.ts';
export { didYouMean } from './messages.ts';
export { isCalendarDate } from './contract.ts';
