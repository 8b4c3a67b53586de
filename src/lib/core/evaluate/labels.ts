// The words for a result: verdicts, routes and scores as a clerk reads them. No imports, so that the pages
// (which do not load the core) can share them; format.ts re-exports them beside the other value words.
export type Verdict = 'pass' | 'fail' | 'ineligible';
export type Route = 'regular' | 'direct';

export const VERDICT_LABEL: Record<Verdict, string> = { pass: '通过', fail: '不通过', ineligible: '不符合申报资格' };
export const ROUTE_LABEL: Record<Route, string> = { regular: '常规', direct: '直接申报' };

/** 通过 / 不通过 / 不符合申报资格 (the code itself for anything else). */
export function verdictText(v: string): string {
  return (VERDICT_LABEL as Record<string, string>)[v] ?? v;
}

/** 常规 / 直接申报; “—” when there is no route. */
export function routeText(r: string | null | undefined): string {
  return r ? ((ROUTE_LABEL as Record<string, string>)[r] ?? r) : '—';
}

/** A score's number without trailing zeros (scores are multiples of 0.25); “—” when none is reported. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === 'number' && Number.isFinite(score) ? String(Math.round(score * 100) / 100) : '—';
}

/** 57.5分; “不计” when no score is reported (an ineligible applicant). */
export function scoreText(score: number | null | undefined): string {
  return typeof score === 'number' ? `${formatScore(score)}分` : '不计';
}
