// Explicit limits on what a standard set may hold, so that every phase is bounded on hostile input. Each one,
// when exceeded, is a coded, positioned diagnostic (docs/language.md, "Limits"), never a crash or a hang.

export const LIMITS = {
  /** Bytes of one .std file. The 2026 set's largest file is about 9 KB; a generated 10,000-line set is 0.5 MB. */
  fileBytes: 2_000_000,
  /** Characters of one line. */
  lineLength: 10_000,
  /** Brackets ( [ { open at once. */
  bracketNesting: 50,
  /** Depth of one expression's syntax tree (a chain a + b + c … counts one level per operator). */
  expressionDepth: 100,
  /** Definitions expanding one another (定义 a = b + 1, 定义 b = c + 1 …). */
  definitionNesting: 64,
  /** Steps the checker takes over a whole set, definitions expanded (the 2026 set takes 1,464, a generated
   *  10,000-line set 29,545): bounds sets whose expansion explodes. */
  checkSteps: 300_000,
  /** Diagnostics listed per file; the rest are counted in one note. */
  diagnosticsPerFile: 200,
  /** Largest magnitude of a number, after its unit (元, 学时, 分): integers stay exact below it. */
  number: Number.MAX_SAFE_INTEGER,
  /** Longest duration in months (满 N年, 近 N年, date arithmetic): 100 years. */
  durationMonths: 1200
} as const;
