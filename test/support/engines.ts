// The other JSON Logic engines a bundle must run on alike: json-logic-js (the reference), json-logic-engine 5
// interpreted and compiled, and datalogic (datalogic-rs as WASM). Each is wrapped as logic → (record → value).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
// The package's Node build is CommonJS inside a "type": "module" package and does not load; its web build
// does, given the WASM bytes.
import * as datalogic from '@goplasmatic/datalogic/web';

datalogic.initSync({ module: readFileSync(createRequire(import.meta.url).resolve('@goplasmatic/datalogic/web').replace(/\.js$/, '_bg.wasm')) });

export type Run = (record: unknown, json: string) => unknown;
export type Engine = { name: string; prepare(logic: unknown): Run };

const engine = new LogicEngine();

/** A failure is a value too: the engine threw (json-logic-engine throws NaN and plain objects). */
const guard = (f: Run): Run => (record, json) => {
  try {
    return f(record, json);
  } catch (e) {
    return { threw: e instanceof Error ? e.message : JSON.stringify(e) ?? String(e) };
  }
};

export const ENGINES: Engine[] = [
  { name: 'json-logic-js', prepare: (logic) => guard((r) => jsonLogic.apply(logic as never, r as never)) },
  { name: 'json-logic-engine (interpreted)', prepare: (logic) => guard((r) => engine.run(logic as never, r)) },
  {
    name: 'json-logic-engine (compiled)',
    prepare: (logic) => {
      try {
        const f = engine.build(logic as never) as (d: unknown) => unknown;
        return guard((r) => f(r));
      } catch (e) {
        return () => ({ threw: String(e) });
      }
    }
  },
  {
    name: 'datalogic',
    prepare: (logic) => {
      try {
        const rule = new datalogic.CompiledRule(JSON.stringify(logic), false);
        return guard((_r, json) => JSON.parse(rule.evaluate(json)));
      } catch (e) {
        return () => ({ threw: String(e) });
      }
    }
  }
];

/** JSON with object keys sorted: datalogic hands objects back with their keys in order. */
export function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

export { bundleLogic } from '../../src/lib/core/compile/portable.ts';
