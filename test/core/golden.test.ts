// Golden tests for the four phases: parse (AST), diagnostics (code + position), compile (JSON Logic) and
// evaluate (verdicts with explanations). Refresh with UPDATE_SNAPSHOTS=1 and review the diff.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { parse } from '../../grammar/index.ts';
import { compile, evaluateBatch, formatDiagnostic } from '../../src/lib/core/index.ts';
import { cases, matchGolden } from '../golden/harness.ts';

/** Spans as "line:col-endLine:endCol": readable, and still exact. */
function readable(value: unknown): string {
  return JSON.stringify(
    value,
    (k, v) => (k === 'span' && v ? `${v.line}:${v.col}-${v.endLine}:${v.endCol}` : v),
    1
  ) + '\n';
}

describe('parse', () => {
  for (const c of cases('parse')) {
    it(c.name, () => {
      const r = parse(c.input, 'input.std');
      matchGolden(join(c.dir, 'ast.json'), readable({ diagnostics: r.diagnostics.map(formatDiagnostic), decls: r.ast.decls }));
    });
  }
});

describe('diagnostics', () => {
  for (const c of cases('diagnostics')) {
    it(c.name, () => {
      const r = compile([{ path: 'input.std', text: c.input }]);
      matchGolden(join(c.dir, 'diagnostics.txt'), r.diagnostics.map(formatDiagnostic).join('\n') + '\n');
    });
  }
});

describe('compile', () => {
  for (const c of cases('compile')) {
    it(c.name, () => {
      const r = compile([{ path: 'input.std', text: c.input }]);
      const levels = r.bundle?.levels.map((l) => ({
        name: l.name,
        regular: l.routes.regular?.lines.map((x) => x.logic),
        items: l.performance.items.map((x) => x.logic),
        components: l.scoring.components.map((x) => x.points),
        verdict: l.verdict, route: l.route, score: l.score
      }));
      matchGolden(join(c.dir, 'logic.json'), JSON.stringify({ diagnostics: r.diagnostics.map(formatDiagnostic), levels }, null, 1) + '\n');
    });
  }
});

describe('evaluate', () => {
  for (const c of cases('evaluate')) {
    it(c.name, () => {
      const r = compile([{ path: 'input.std', text: c.input }]);
      const records = JSON.parse(readFileSync(join(c.dir, 'records.json'), 'utf8'));
      const results = evaluateBatch(r.bundle!, records).map((x) => ({
        id: x.id,
        errors: x.errors,
        results: x.results?.map((l) => ({ level: l.level, verdict: l.verdict, route: l.route, score: l.score, summary: l.summary, reasons: l.reasons, explanation: l.explanation }))
      }));
      matchGolden(join(c.dir, 'results.json'), JSON.stringify(results, null, 1) + '\n');
    });
  }
});
