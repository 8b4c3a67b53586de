import { analyze } from '../src/lib/core/index.ts';
import { readStandardDir } from '../src/lib/core/node.ts';
const a = analyze(readStandardDir('standards/2026'));
const l = a.model!.levels.find(l => l.name === '副研究员')!;
const strip = (x: any): any => JSON.parse(JSON.stringify(x, (k, v) => k === 'span' ? `${v.line}:${v.col}-${v.endLine}:${v.endCol}` : k === 'type' ? (v.t === 'number' ? `n:${v.dim}` : v.t) : v));
console.log(JSON.stringify(strip(l.performance.items[0].ir), null, 1).slice(0, 1500));
console.log(JSON.stringify(strip(l.performance.items[1].ir.right)));
console.log(JSON.stringify(strip(l.scoring.components[1].ir)).slice(0, 800));
console.log(l.performance, l.scoring.minimum, l.scoring.components.map(c => c.cap));
