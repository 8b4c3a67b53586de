// The generated standard set for the editor latency benchmark (bench/editor-latency.ts): the 2026 set grown
// past 5,000 lines with generated constants, definitions, gates and performance items. Every generated name is
// used and every comparison is unit-correct, so the set compiles and the editor's preview runs on it.
import fs from 'node:fs';
import path from 'node:path';

export const SET_DIR = path.resolve('standards/2026');

export function readSet(): { path: string; text: string }[] {
	return fs
		.readdirSync(SET_DIR)
		.filter((f) => f.endsWith('.std'))
		.sort()
		.map((f) => ({ path: f, text: fs.readFileSync(path.join(SET_DIR, f), 'utf8') }));
}

const LIST_CONDITIONS = [
	(n: number) => `计数 achievements.contracts 其中 role = lead 且 amount_yuan >= 门槛${n} 于 任现职以来`,
	(n: number) => `合计 achievements.contracts.amount_yuan 其中 kind 属于 (development, transfer) 且 amount_yuan >= 门槛${n} 于 任现职以来`,
	(n: number) => `计数 achievements.enterprise_services 于 任现职以来 + 计数 achievements.transformations 其中 value_yuan >= 门槛${n} 于 任现职以来`,
	(n: number) => `计数 achievements.contracts 其中 amount_yuan >= 门槛${n} 且 role = member 于 近5年`
];
/** What a generated definition is compared with: sums are amounts, the others counts. */
const TARGET = ['50项', '1000万元', '50项', '50项'];
const ZERO = ['0项', '0元', '0项', '0项'];

/** The 2026 set grown to at least `minLines` lines; every generated name is used, so it all compiles. */
export function generatedSet(minLines = 5000): { path: string; text: string }[] {
	const files = readSet();
	const lines = () => files.reduce((n, f) => n + f.text.split('\n').length, 0);
	const levels = files.filter((f) => f.path !== 'common.std');
	const common = files.find((f) => f.path === 'common.std')!;
	const defs: string[] = [];
	const gates: string[] = [];
	const items = new Map<string, string[]>(levels.map((l) => [l.path, []]));
	let n = 0;
	const total = () => lines() + defs.join('\n').split('\n').length + gates.length * 2 + [...items.values()].reduce((a, b) => a + b.length, 0);
	while (total() < minLines) {
		n++;
		const kind = n % LIST_CONDITIONS.length;
		defs.push(
			`// 生成的指标 ${n}`,
			`常量 门槛${n} "门槛${n}" = ${(n % 50) + 1}万元`,
			`定义 指标${n} "生成指标${n}" =`,
			`  ${LIST_CONDITIONS[kind](n)}`,
			''
		);
		if (n % 5 === 0) {
			gates.push(`  X${n} "生成检查${n}": 指标${n} >= ${ZERO[kind]}\n    理由 "生成的检查${n}"`);
		} else {
			const level = levels[n % levels.length];
			items.get(level.path)!.push(`    X${n} "生成业绩${n}": 指标${n} >= ${TARGET[kind]}`);
		}
	}
	const out = files.map((f) => ({ ...f }));
	const c = out.find((f) => f.path === common.path)!;
	c.text = c.text.replace(
		'基本条件 通用基本条件 "评价对象与基本条件" {',
		`${defs.join('\n')}\n基本条件 通用基本条件 "评价对象与基本条件" {\n${gates.join('\n')}`
	);
	for (const l of out) {
		const extra = items.get(l.path);
		if (!extra?.length) continue;
		l.text = l.text.replace(/(业绩条件 "[^"]*" 至少 \d+ 项 \{\n)/, `$1${extra.join('\n')}\n`);
	}
	return out;
}

