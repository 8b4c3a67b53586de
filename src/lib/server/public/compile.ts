// The core's analyze for the public pages (sources given in memory, no disk resolver).
import { analyze as coreAnalyze, hasErrors, type SourceFile } from '$lib/core';
import type { StandardSetModel } from '$lib/core/model';

export type { SourceFile };

export function analyze(sources: SourceFile[]): { model: StandardSetModel | null; ok: boolean } {
	const byPath = new Map(sources.map((s) => [s.path, s.text]));
	const a = coreAnalyze(sources, (p) => byPath.get(p) ?? null);
	return { model: a.model, ok: !hasErrors(a.diagnostics) };
}
