// Compiling a revision's content with the core, and checking its samples' pinned expectations.
import { compile, type Bundle, type Diagnostic } from '../../core/index.ts';
import { sampleProblems } from '../../core/samples.ts';
import { kindOf, type SetContent } from './content.ts';

export interface ContentSample {
	file: string;
	description: string;
	record: unknown;
	expected: Record<string, { verdict: string; route: string | null; score: number }>;
}

export function samplesOf(content: SetContent): ContentSample[] {
	return content.files
		.filter((f) => kindOf(f.path) === 'sample')
		.map((f) => {
			const data = JSON.parse(f.text);
			return { file: f.path, description: data.description ?? '', record: data.record, expected: data.expected ?? {} };
		});
}

export interface SampleFailure {
	file: string;
	problems: string[];
}

export interface CompiledContent {
	bundle: Bundle | null;
	diagnostics: Diagnostic[];
	errors: number;
	samples: ContentSample[];
	/** samples whose pinned expectation does not hold (empty when there is no bundle) */
	failures: SampleFailure[];
}

export function compileContent(content: SetContent): CompiledContent {
	const std = content.files.filter((f) => kindOf(f.path) === 'std');
	const byPath = new Map(std.map((f) => [f.path, f.text]));
	const result = compile(std, (p) => byPath.get(p) ?? null);
	const samples = samplesOf(content);
	const failures: SampleFailure[] = [];
	if (result.bundle) {
		for (const s of samples) {
			const problems = sampleProblems(result.bundle, s);
			if (problems.length) failures.push({ file: s.file, problems });
		}
	}
	return {
		bundle: result.bundle,
		diagnostics: result.diagnostics,
		errors: result.diagnostics.filter((d) => d.severity === 'error').length,
		samples,
		failures
	};
}
