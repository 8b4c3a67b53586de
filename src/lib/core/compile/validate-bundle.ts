// A bundle read from disk is checked against the schema the project ships before anything runs it.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import schema from './bundle.schema.json' with { type: 'json' };
import type { Bundle } from './bundle-types.ts';
import { logicPieces, logicProblem } from './portable.ts';

let compiled: ValidateFunction | undefined; // on first use: loading a set from its folder never needs it

export { schema as bundleSchema };

export function validateBundle(data: unknown): { ok: true; bundle: Bundle } | { ok: false; errors: string[] } {
  const validate = (compiled ??= new Ajv2020({ allErrors: true, strict: false }).compile(schema));
  if (validate(data)) {
    // the schema says where logic goes; what it may hold (portable operations, bounded depth) is checked here
    const bundle = data as unknown as Bundle;
    const errors: string[] = [];
    for (const { where, logic } of logicPieces(bundle)) {
      const problem = logicProblem(logic);
      if (problem) errors.push(`${where}: ${problem}`);
      if (errors.length >= 10) break;
    }
    return errors.length ? { ok: false, errors } : { ok: true, bundle };
  }
  const errors = (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'}: ${e.message ?? '无效'}`);
  return { ok: false, errors };
}
