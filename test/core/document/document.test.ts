// The official document made from the checked model: a golden for the 2026 set (reviewed against the policy
// text), and proof that it comes from the model, not the source text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/core/index.ts';
import { documentText, generateDocument, type Clause, type OfficialDocument } from '../../../src/lib/core/document/index.ts';
import { readStandardDir } from '../../../src/lib/core/node.ts';
import { matchGolden } from '../../golden/harness.ts';

const sources = readStandardDir('standards/2026');

function documentOf(files: { path: string; text: string }[]): OfficialDocument {
  const a = analyze(files);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return generateDocument(a.model!);
}

function sentences(d: OfficialDocument): string[] {
  const out: string[] = [];
  const walk = (c: Clause) => {
    out.push(`${c.number}${c.heading}`, ...c.sentences.map((s) => s.text), ...(c.table?.rows.map((r) => r.cells.join('|')) ?? []));
    c.children.forEach(walk);
  };
  d.clauses.forEach(walk);
  return out;
}

describe('official document', () => {
  const doc = documentOf(sources);

  it('matches the reviewed golden for the 2026 set', () => {
    matchGolden(join('test/golden/document/2026', 'document.txt'), documentText(doc));
  });

  it('states the policy sentences the brief names', () => {
    const all = sentences(doc).join('\n');
    expect(all).toContain('具有博士学位，取得中级专业技术职务任职资格满2年。');
    expect(all).toContain('任现职以来促成技术合同成交额不低于500万元。');
    expect(all).toContain('近5年本人主持的技术合同成交金额合计不低于1亿元。');
    expect(doc.issuers).toEqual(['杭州市人力资源和社会保障局', '杭州市科学技术局']);
    expect(doc.referenceDateText).toBe('2026年9月30日');
  });

  it('points every sentence at the clause it states', () => {
    const byPath = new Map(sources.map((s) => [s.path, s.text]));
    let n = 0;
    const walk = (c: Clause) => {
      for (const s of c.sentences) {
        const text = byPath.get(s.src.file);
        expect(text, s.src.file).toBeDefined();
        const line = text!.split('\n')[s.src.line - 1];
        expect(line.length).toBeGreaterThan(0);
        n++;
      }
      c.children.forEach(walk);
    };
    doc.clauses.forEach(walk);
    expect(n).toBeGreaterThan(100);
    // Spot checks: the 副研究员 item A sentence sits on its own line of the source.
    const a = doc.clauses[2].children[2].children.find((c) => c.heading === '业绩条件（任现职以来）')!.children[0];
    expect(byPath.get(a.sentences[0].src.file)!.split('\n')[a.sentences[0].src.line - 1]).toContain('A "促成技术合同成交额"');
  });

  it('comes from the model: renamed definitions and reformatted sources give the same sentences', () => {
    const renamed = sources.map((s) => ({
      path: s.path,
      text: s.text
        .replaceAll('合同成交额 >=', '成交额合计 >=')
        .replace('定义 合同成交额 "', '定义 成交额合计 "')
        .replaceAll('主持项目数', '主持服务项数')
        .replace(/\n {2}/g, '\n    ')
    }));
    expect(renamed.some((s, i) => s.text !== sources[i].text)).toBe(true);
    expect(sentences(documentOf(renamed))).toEqual(sentences(doc));
  });

  it('follows a changed threshold', () => {
    const raised = sources.map((s) => ({ path: s.path, text: s.text.replace('合同成交额 >= 500万元', '合同成交额 >= 800万元') }));
    const all = sentences(documentOf(raised)).join('\n');
    expect(all).toContain('任现职以来促成技术合同成交额不低于800万元。');
    expect(all).not.toContain('任现职以来促成技术合同成交额不低于500万元。');
  });
});
