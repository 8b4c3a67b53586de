import { compile } from '../src/lib/core/index.ts';
import { readStandardDir, loadSamples } from '../src/lib/core/node.ts';
import { nearestPath, applyAdded } from '../src/lib/core/impact/nearest.ts';
import { templatesFor } from '../src/lib/core/impact/templates.ts';
import { validateRecord } from '../src/lib/core/records/index.ts';
const b = compile(readStandardDir('standards/2026')).bundle!;
const samples = loadSamples('standards/2026');
const l = b.levels[2];
console.log(templatesFor(l, b.meta.referenceDate, samples[20].record as any).map(t => JSON.stringify(t.item) + ' ' + t.open.map(o=>o.field)));
let t0 = performance.now();
for (const s of samples.slice(0, 30)) {
  for (const lv of b.levels) {
    const t1 = performance.now();
    const p = nearestPath(b, lv.name, s.record as any);
    if (p.status === 'passes') continue;
    let ok = '';
    if (p.status === 'path') {
      const r = applyAdded(s.record as any, p.items);
      const v = validateRecord(r, b.meta.referenceDate);
      ok = v.ok ? '' : ' INVALID ' + JSON.stringify(v.errors);
    }
    console.log((s.record as any).id, lv.name, p.status, p.text, ok, Math.round(performance.now() - t1) + 'ms');
  }
}
console.log(performance.now() - t0);
