// Validates applicant records against the contract: the JSON Schema (via ajv) plus the rules
// JSON Schema cannot state. User input never throws; every problem becomes an issue.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { annotationKeywords, recordSchema } from './schema.ts';
import { ajvErrorsToIssues } from './messages.ts';
import { contractIssues } from './contract.ts';

export interface RecordIssue {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface RecordCheck {
  id: string | null;
  ok: boolean;
  errors: RecordIssue[];
  warnings: RecordIssue[];
}

export const DEFAULT_REFERENCE_DATE = '2026-09-30';

// verbose: messages quote the offending value; validateFormats off: `format: "date"` is only an
// editor hint, the calendar check lives in contract.ts so a bad date yields one message, not two.
// Compiled on first use, so that what never validates a record (`stdc check`, `build`) does not pay for it.
let validators: { full: ValidateFunction; quick: ValidateFunction } | undefined;
function compiled() {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateFormats: false });
  for (const keyword of annotationKeywords) ajv.addKeyword({ keyword });
  // The same schema, stopping at the first error and quoting nothing: the cheap yes/no for the common valid
  // record. Only a record it rejects is validated again to collect every error with its wording.
  const quick = new Ajv2020({ allErrors: false, verbose: false, strict: true, allowUnionTypes: true, validateFormats: false });
  for (const keyword of annotationKeywords) quick.addKeyword({ keyword });
  return (validators = { full: ajv.compile(recordSchema), quick: quick.compile(recordSchema) });
}

function idOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

export function validateRecord(record: unknown, referenceDate: string = DEFAULT_REFERENCE_DATE): RecordCheck {
  try {
    const { quick, full } = compiled();
    const issues = quick(record) || full(record) ? [] : ajvErrorsToIssues(full.errors ?? []);
    issues.push(...contractIssues(record, referenceDate));
    const errors = issues.filter((i) => i.severity === 'error');
    const warnings = issues.filter((i) => i.severity === 'warning');
    return { id: idOf(record), ok: errors.length === 0, errors, warnings };
  } catch (e) {
    // Only a bug (or a hostile getter) gets here; report it on the record instead of failing the batch.
    const message = `记录无法校验：${e instanceof Error ? e.message : String(e)}`;
    return { id: null, ok: false, errors: [{ path: '', severity: 'error', message }], warnings: [] };
  }
}

export function validateBatch(records: unknown[], referenceDate: string = DEFAULT_REFERENCE_DATE): RecordCheck[] {
  if (!Array.isArray(records)) return [];
  const firstIndex = new Map<string, number>();
  return records.map((record, i) => {
    const check = validateRecord(record, referenceDate);
    if (check.id === null) return check;
    const first = firstIndex.get(check.id);
    if (first === undefined) {
      firstIndex.set(check.id, i);
      return check;
    }
    const message = `id 重复："${check.id}" 已在第 ${first + 1} 条记录中出现，批次内 id 必须唯一`;
    const errors = [...check.errors, { path: 'id', severity: 'error' as const, message }];
    return { ...check, ok: false, errors };
  });
}
