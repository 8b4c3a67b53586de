// Validates applicant records against the contract: the JSON Schema (via ajv) plus the rules
// JSON Schema cannot state. User input never throws; every problem becomes an issue.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { annotationKeywords, recordSchema } from './schema.ts';
import { ajvErrorsToIssues } from './messages.ts';
import { contractIssues } from './contract.ts';
import { schemaHash, VALIDATOR_OPTIONS } from './validator-options.ts';
import * as generatedFull from './validator-full.generated.js';
import * as generatedQuick from './validator-quick.generated.js';

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

// The validators are generated code (scripts/gen-validators.ts): no schema is compiled at run time, and no
// `new Function` runs (the browser's CSP). Only if the schema changed since they were generated does this
// compile it with ajv, on first use (test/core/records/validators.test.ts fails meanwhile).
let validators: { full: ValidateFunction; quick: ValidateFunction } | undefined;
function compiled() {
  if (validators) return validators;
  if (generatedFull.schemaHash === schemaHash(recordSchema) && generatedQuick.schemaHash === schemaHash(recordSchema)) {
    return (validators = { full: generatedFull.validate as ValidateFunction, quick: generatedQuick.validate as ValidateFunction });
  }
  const make = (options: (typeof VALIDATOR_OPTIONS)['full' | 'quick']) => {
    const ajv = new Ajv2020(options);
    for (const keyword of annotationKeywords) ajv.addKeyword({ keyword });
    return ajv.compile(recordSchema);
  };
  return (validators = { full: make(VALIDATOR_OPTIONS.full), quick: make(VALIDATOR_OPTIONS.quick) });
}

function idOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

export function validateRecord(record: unknown, referenceDate: string = DEFAULT_REFERENCE_DATE): RecordCheck {
  try {
    const { quick, full } = compiled();
    const schema = quick(record) || full(record) ? null : ajvErrorsToIssues(full.errors ?? []);
    const contract = contractIssues(record, referenceDate);
    // the common record: valid, nothing to sort
    if (schema === null && contract.length === 0) return { id: idOf(record), ok: true, errors: [], warnings: [] };
    const issues = schema === null ? contract : [...schema, ...contract];
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
