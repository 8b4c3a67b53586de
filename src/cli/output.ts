// Output formats of `stdc eval`: a table for a person, JSON and CSV for programs.
import stringWidth from 'string-width';
import type { ExplanationNode, LevelResult, RecordResult } from '../lib/core/index.ts';
import { csvCell, terminalInline } from '../lib/core/safe-text.ts';
import { COMPACT_FORMAT, type Dictionary } from '../lib/core/evaluate/compact.ts';
import { routeText, verdictText } from '../lib/core/evaluate/format.ts';

/** How a table or CSV cell shows a verdict, a route and a score: Chinese words, or with `--codes` the codes. */
interface Words {
  verdict: (v: string) => string;
  route: (r: string | null, none: string) => string;
  rejected: string;
}
const ZH: Words = { verdict: verdictText, route: (r, none) => (r ? routeText(r) : none), rejected: '记录有误' };
const CODES: Words = { verdict: (v) => v, route: (r, none) => r ?? none, rejected: 'rejected' };
const words = (codes: boolean) => (codes ? CODES : ZH);
const scoreCell = (score: number | null, none: string) => (score === null ? none : String(score));

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

/** One evaluated record as the outputs need it: its result, and the two columns taken from the record itself. */
export interface Row {
  name: string;
  target: string;
  result: RecordResult;
}

function field(record: unknown, key: string): string {
  const v = record && typeof record === 'object' ? (record as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
}

export function rowOf(record: unknown, result: RecordResult): Row {
  return { name: field(record, 'name'), target: field(record, 'target_level'), result };
}

function tree(n: ExplanationNode, depth: number, out: string[]): void {
  const mark = n.status === 'pass' ? '✓' : n.status === 'fail' ? '✗' : '·';
  out.push(`${'  '.repeat(depth + 1)}${mark} ${n.label}${n.text ? ` — ${n.text}` : ''}${n.line ? `  (${n.file}:${n.line})` : ''}`);
  for (const c of n.children ?? []) tree(c, depth + 1, out);
}

export function table(rows: Row[], explain: boolean, codes = false): string {
  const w = words(codes);
  const head = codes ? ['id', 'name', 'target_level', 'level', 'verdict', 'route', 'score'] : ['编号', '姓名', '申报级别', '评价级别', '结论', '路线', '积分'];
  const body: string[][] = [];
  const details: Map<number, string[]> = new Map();
  for (const { name, target, result } of rows) {
    const id = result.id ?? '（无编号）';
    if (result.errors) {
      body.push([id, name, target, '—', w.rejected, '—', '—']);
      details.set(body.length - 1, result.errors.map((e) => `    ✗ ${e.path || '（记录）'}：${e.message}`));
      continue;
    }
    const warnings = (result.warnings ?? []).map((w) => `    ⚠ ${w.path}：${w.message}`);
    for (const [k, r] of (result.results ?? []).entries()) {
      body.push([id, name, target, r.level, w.verdict(r.verdict), w.route(r.route, '—'), scoreCell(r.score, '—')]);
      // The record's warnings (e.g. a date after the 基准日, not counted) once, under its first row.
      const lines: string[] = k === 0 ? [...warnings] : [];
      if (explain && r.explanation) tree(r.explanation, 0, lines);
      else if (r.reasons?.length && r.verdict !== 'pass') lines.push(...r.reasons.map((x) => `    ${x}`));
      if (lines.length) details.set(body.length - 1, lines);
    }
  }
  // Names, ids and messages are the user's text: a control character (a CR that would overwrite its row with a
  // fake "通过", an ESC sequence) is shown escaped, never sent to the terminal raw.
  for (const r of body) for (let i = 0; i < r.length; i++) r[i] = terminalInline(r[i]);
  for (const lines of details.values()) for (let i = 0; i < lines.length; i++) lines[i] = terminalInline(lines[i]);
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...body.map((r) => stringWidth(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  const out = [line(head), widths.map((w) => '─'.repeat(w)).join('  ')];
  body.forEach((r, i) => {
    out.push(line(r));
    out.push(...(details.get(i) ?? []));
  });
  return out.join('\n') + '\n';
}


/** The CSV columns: Chinese headers for a clerk's spreadsheet, the codes (`--codes`) for scripts. */
export const CSV_COLUMNS = {
  zh: ['编号', '姓名', '申报级别', '评价级别', '结论', '路线', '积分', '未满足的条件', '提示'],
  codes: ['id', 'name', 'target_level', 'level', 'verdict', 'route', 'score', 'reasons', 'warnings']
} as const;

/** The CSV header, after a BOM (Excel then opens Chinese CSV correctly); lines end in CRLF. */
export function csvHead(codes = false): string {
  return '\ufeff' + CSV_COLUMNS[codes ? 'codes' : 'zh'].join(',') + '\r\n';
}

/**
 * One record's CSV lines: one per level, or one "rejected" line. Values in Chinese (通过 / 不通过 /
 * 不符合申报资格; 常规 / 直接申报), or the codes with `codes`; no route and no score are empty cells.
 */
export function csvLines({ name, target, result }: Row, codes = false): string {
  const w = words(codes);
  // the cells every line of the record repeats, made safe once
  const base = `${csvCell(result.id ?? '')},${csvCell(name)},${csvCell(target)},`;
  if (result.errors) {
    return `${base},${csvCell(w.rejected)},,,${csvCell(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '))},\r\n`;
  }
  const warnings = result.warnings?.length ? csvCell(result.warnings.map((x) => `${x.path}: ${x.message}`).join('; ')) : '';
  let out = '';
  for (const r of result.results ?? []) {
    const reasons = r.reasons?.length ? csvCell(r.reasons.join('; ')) : '';
    out += `${base}${csvCell(r.level)},${csvCell(w.verdict(r.verdict))},${csvCell(w.route(r.route, ''))},${csvCell(scoreCell(r.score, ''))},${reasons},${warnings}\r\n`;
  }
  return out;
}

export function csv(rows: Row[], codes = false): string {
  return csvHead(codes) + rows.map((r) => csvLines(r, codes)).join('');
}

/** A level's result with the Chinese labels beside the codes (JSON keeps the codes: it is the machine format). */
function labelled(r: LevelResult) {
  const { level, verdict, route, ...rest } = r;
  return { level, verdict, verdictLabel: verdictText(verdict), route, routeLabel: route ? routeText(route) : null, ...rest };
}

/** One record as an element of the JSON output: without the explanation tree unless asked for. */
export function jsonItem(result: RecordResult, withTree: boolean): string {
  const value = withTree
    ? { ...result, results: result.results?.map(labelled) }
    : { ...result, results: result.results?.map(({ explanation: _, ...rest }) => labelled(rest)) };
  if (!result.results) delete (value as { results?: unknown }).results;
  return JSON.stringify(value);
}

/**
 * A JSON array written as it goes, one record per line: memory stays flat, the output stays valid JSON.
 * With a dictionary (compact JSON) the array is the `results` of an object that holds the dictionary first.
 */
export class JsonWriter {
  private first = true;
  private close: string;
  constructor(private io: { out: (s: string) => void; bytes: (b: Uint8Array) => void }, dictionary?: Dictionary) {
    io.out(dictionary ? `{"format":"${COMPACT_FORMAT}","dictionary":${JSON.stringify(dictionary)},"results":[` : '[');
    this.close = dictionary ? ']}' : ']';
  }
  /** An element already turned into JSON (by jsonItem, possibly in a worker). */
  write(json: string): void {
    this.io.out((this.first ? '\n' : ',\n') + json);
    this.first = false;
  }
  /** Elements already turned into JSON and UTF-8, separated by ",\n" (a run of evaluate-items.ts). */
  writeBytes(json: Uint8Array): void {
    this.io.out(this.first ? '\n' : ',\n');
    this.io.bytes(json);
    this.first = false;
  }
  end(): void {
    this.io.out(`${this.first ? '' : '\n'}${this.close}\n`);
  }
}
