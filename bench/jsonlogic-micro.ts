/**
 * Micro-benchmark of JSON Logic evaluation: json-logic-js `apply` (interpreter), json-logic-engine (`build`,
 * compiled) and ours (`compileLogic`, closures). Run: `npx tsx bench/jsonlogic-micro.ts`.
 */
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { compileLogic } from '../src/lib/core/evaluate/jsonlogic';

/* eslint-disable @typescript-eslint/no-explicit-any */

const rule = {
  and: [
    { or: [{ '>=': [{ var: 'applicant.age' }, 18] }, { '==': [{ var: 'applicant.guardian' }, true] }] },
    { '!': { missing: ['applicant.name', 'applicant.country'] } },
    { in: [{ var: 'applicant.country' }, ['CN', 'US', 'DE', 'FR', 'JP']] },
    { '<=': [18, { var: 'applicant.age' }, 65] },
    {
      // reduce first: json-logic-engine 5.0.7's build() throws NaN when a reduce is a later comparison operand
      '>=': [
        {
          reduce: [
            { var: 'items' },
            { '+': [{ var: 'accumulator' }, { '*': [{ var: 'current.price' }, { var: 'current.qty' }] }] },
            0
          ]
        },
        100
      ]
    },
    { some: [{ var: 'items' }, { and: [{ '>': [{ var: 'qty' }, 2] }, { '<': [{ var: 'price' }, 50] }] }] },
    {
      if: [
        { '>': [{ var: 'applicant.score' }, 80] },
        true,
        { '>=': [{ '+': [{ var: 'applicant.score' }, { var: 'applicant.bonus' }] }, 60] }
      ]
    }
  ]
};

const data = {
  applicant: { age: 34, guardian: false, name: 'Li', country: 'CN', score: 72, bonus: 5 },
  items: Array.from({ length: 20 }, (_, i) => ({ price: 10 + ((i * 7) % 40), qty: 1 + (i % 4) }))
};

const engine = new LogicEngine();
const engineFn = engine.build(rule) as (d: unknown) => unknown;
const ours = compileLogic(rule);
const reference = (d: unknown) => (jsonLogic as any).apply(rule, d);

const expected = reference(data);
for (const [name, f] of [['json-logic-engine', engineFn], ['ours', ours]] as const) {
  const got = f(data);
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    throw new Error(`${name} disagrees with json-logic-js: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
  }
}

let sink = 0;
function measure(name: string, f: (d: unknown) => unknown, ms = 1500): number {
  // warm-up
  for (let i = 0; i < 20000; i++) if (f(data)) sink++;
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms / 5) {
      for (let i = 0; i < 1000; i++) if (f(data)) sink++;
      n += 1000;
      now = performance.now();
    }
    best = Math.max(best, (n * 1000) / (now - start));
  }
  console.log(`${name.padEnd(28)} ${Math.round(best).toLocaleString('en-US').padStart(14)} ops/s`);
  return best;
}

console.log(`rule result: ${JSON.stringify(expected)}  (20-item reduce, nested and/or, missing, in, some, if)`);
const js = measure('json-logic-js apply', reference);
const eng = measure('json-logic-engine build', engineFn);
const our = measure('ours (compileLogic)', ours);
console.log(`ratio ours / json-logic-js:      ${(our / js).toFixed(1)}x`);
console.log(`ratio ours / json-logic-engine:  ${(our / eng).toFixed(2)}x`);
if (sink < 0) console.log(sink);
