// The two ajv validators of the record schema, shared by the generator (scripts/gen-validators.ts) and the
// run-time fallback in validate.ts. verbose: messages quote the offending value; validateFormats off:
// `format: "date"` is only an editor hint, the calendar check lives in contract.ts so a bad date yields one
// message, not two. `quick` stops at the first error and quotes nothing: the cheap yes/no for the common valid
// record; only a record it rejects is validated again by `full` to collect every error with its wording.
export const VALIDATOR_OPTIONS = {
  full: { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateFormats: false },
  quick: { allErrors: false, verbose: false, strict: true, allowUnionTypes: true, validateFormats: false }
} as const;

/** A short fingerprint of the schema (FNV-1a over its JSON): tells whether the generated validators are current. */
export function schemaHash(schema: unknown): string {
  const s = JSON.stringify(schema);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0') + s.length.toString(16);
}
