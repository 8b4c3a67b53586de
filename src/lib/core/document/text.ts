// The official document as plain text: for the golden files, `stdc doc`, and reading in a terminal.
// Each sentence is followed by its clause's source line, 〔common.std:51〕.
import type { Clause, OfficialDocument, SourceRef } from './types.ts';

const at = (s: SourceRef) => `〔${s.file.split('/').pop()}:${s.line}〕`;

function clauseText(c: Clause, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const body = c.sentences.map((s) => `${s.text}${at(s.src)}`).join('');
  const head = c.heading ? `${c.number}${c.heading}${body ? `：${body}` : ''}` : `${c.number}${body}`;
  out.push(`${pad}${head}`);
  if (c.table) {
    out.push(`${pad}  | ${c.table.head.join(' | ')} |`);
    for (const r of c.table.rows) out.push(`${pad}  | ${r.cells.join(' | ')} | ${at(r.src)}`);
  }
  for (const k of c.children) clauseText(k, depth + 1, out);
}

export function documentText(d: OfficialDocument): string {
  const out = [d.title, '', `发布单位：${d.issuers.join('、')}`, `基准日：${d.referenceDateText}`, ''];
  for (const c of d.clauses) clauseText(c, 0, out);
  return out.join('\n') + '\n';
}
