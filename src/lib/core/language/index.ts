// The language service behind the editor: one Workspace per standard set, framework-free, meant to run in a
// web worker. It reuses the core's parser, checker, compiler and formatter; analysis is cached until a file
// changes, and a change re-parses only that file.
import type * as A from '../../../../grammar/ast.ts';
import { analyze, type AnalyzeResult, type ParseCache, type SourceFile } from '../index.ts';
import { compileBundle } from '../compile/bundle.ts';
import type { Bundle, BundleRule, Src } from '../compile/bundle-types.ts';
import { hasErrors, type Diagnostic } from '../diagnostics/index.ts';
import { formatSource } from '../fmt/index.ts';
import { complete } from './completion.ts';
import { describeField } from './describe.ts';
import { buildIndex, type Occurrence, type SymbolIndex } from './symbols.ts';
import type { Clause, CompletionItem, OutlineItem, Range, SemanticToken } from './types.ts';

export type * from './types.ts';

interface Snapshot {
  analysis: AnalyzeResult;
  /** Compiled on demand: markers should not wait for the compiler. */
  bundle?: Bundle | null;
  index?: SymbolIndex;
}

const toRange = (s: A.Span): Range => ({ file: s.file, line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol });

function contains(s: A.Span, line: number, col: number): boolean {
  if (line < s.line || line > s.endLine) return false;
  if (line === s.line && col < s.col) return false;
  if (line === s.endLine && col > s.endCol) return false;
  return true;
}

export class Workspace {
  private files = new Map<string, string>();
  private cache: ParseCache = new Map();
  private snapshot: Snapshot | null = null;

  setFiles(files: SourceFile[]): void {
    this.files = new Map(files.map((f) => [f.path, f.text]));
    this.snapshot = null;
  }

  updateFile(path: string, text: string): void {
    if (this.files.get(path) === text) return;
    this.files.set(path, text);
    this.snapshot = null;
  }

  private get current(): Snapshot {
    if (!this.snapshot) {
      const sources = [...this.files].map(([path, text]) => ({ path, text }));
      this.snapshot = { analysis: analyze(sources, (p) => this.files.get(p) ?? null, this.cache) };
    }
    return this.snapshot;
  }

  private get index(): SymbolIndex {
    const s = this.current;
    s.index ??= buildIndex(s.analysis.files);
    return s.index;
  }

  diagnostics(): Diagnostic[] {
    return this.current.analysis.diagnostics;
  }

  bundle(): Bundle | null {
    const s = this.current;
    if (s.bundle === undefined) s.bundle = s.analysis.model && !hasErrors(s.analysis.diagnostics) ? compileBundle(s.analysis.model) : null;
    return s.bundle;
  }

  private offsetOf(path: string, line: number, col: number): number {
    const text = this.files.get(path) ?? '';
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) return text.length;
      offset = nl + 1;
    }
    return Math.min(text.length, offset + col - 1);
  }

  completions(path: string, line: number, col: number): CompletionItem[] {
    const text = this.files.get(path) ?? '';
    return complete({ file: path, text, offset: this.offsetOf(path, line, col), index: this.index });
  }

  private occurrenceAt(path: string, line: number, col: number): Occurrence | undefined {
    return this.index.occurrences.find((o) => o.span.file === path && contains(o.span, line, col));
  }

  hover(path: string, line: number, col: number): { markdown: string; range: Range } | null {
    const o = this.occurrenceAt(path, line, col);
    if (!o) return null;
    const markdown = this.describe(o);
    return markdown ? { markdown, range: toRange(o.span) } : null;
  }

  private source(s: A.Span): string {
    return (this.files.get(s.file) ?? '').slice(s.start, s.end);
  }

  private describe(o: Occurrence): string | null {
    if ((o.kind === 'field' || o.kind === 'list') && o.field) return describeField(o.field);
    if (o.kind === 'enum' && o.field?.type.kind === 'enum') {
      const value = o.target.split('=')[1];
      return `**${o.field.type.labels[value] ?? value}** 代码 \`${value}\`\n\n${o.field.zh}（\`${o.field.path}\`）的取值`;
    }
    if (o.kind === 'parameter') {
      const [def, param] = o.target.split('/');
      return `参数 **${param}**（定义“${def}”的参数，调用时给出）`;
    }
    const d = this.index.declarations.get(o.target);
    if (!d) return null;
    const label = 'label' in d.decl && d.decl.label ? d.decl.label.text : '';
    const heading: Record<string, string> = {
      constant: '常量', definition: '定义', window: '时间窗口', gateGroup: '基本条件组', scoreTable: '积分表', committee: '评委会', level: '级别'
    };
    return `${heading[d.kind] ?? ''} **${d.name}**${label ? ` — ${label}` : ''}\n\n\`\`\`\n${this.source(d.decl.span)}\n\`\`\`\n\n${d.nameSpan.file}:${d.nameSpan.line}`;
  }

  definition(path: string, line: number, col: number): Range | null {
    const o = this.occurrenceAt(path, line, col);
    if (!o) return null;
    if (o.kind === 'parameter') {
      const decl = this.index.occurrences.find((x) => x.kind === 'parameter' && x.isDeclaration && x.target === o.target);
      return decl ? toRange(decl.span) : null;
    }
    const d = this.index.declarations.get(o.target);
    return d ? toRange(d.nameSpan) : null;
  }

  references(path: string, line: number, col: number): Range[] {
    const o = this.occurrenceAt(path, line, col);
    if (!o) return [];
    return this.index.occurrences.filter((x) => x.kind === o.kind && x.target === o.target).map((x) => toRange(x.span));
  }

  outline(path: string): OutlineItem[] {
    const file = this.current.analysis.files.find((f) => f.path === path);
    return file ? file.decls.flatMap(outlineOf) : [];
  }

  format(path: string): string {
    const text = this.files.get(path) ?? '';
    return formatSource(text, path).text;
  }

  /** The gate, route line, item or score component under the cursor, with its compiled logic. */
  clauseAt(path: string, line: number, col: number): Clause | null {
    const bundle = this.bundle();
    if (!bundle) return null;
    const at = (s: Src) => s.file === path && contains({ ...s, start: 0, end: 0 }, line, col);
    let found: Clause | null = null;
    const consider = (kind: Clause['kind'], label: string, src: Src, logic: unknown, level: string) => {
      if (!at(src)) return;
      if (found && found.range.line === src.line && found.range.col === src.col) {
        if (!found.levels.includes(level)) found.levels.push(level);
        return;
      }
      // The innermost clause wins (a route line inside a route block).
      if (!found || (src.line >= found.range.line && src.endLine <= found.range.endLine)) {
        found = { label, kind, range: { file: src.file, line: src.line, col: src.col, endLine: src.endLine, endCol: src.endCol }, logic, levels: [level] };
      }
    };
    const rules = (kind: Clause['kind'], rs: BundleRule[], level: string) => rs.forEach((r) => consider(kind, r.label, r.src, r.logic, level));
    for (const l of bundle.levels) {
      rules('gate', l.gates.rules, l.name);
      rules('route', [...(l.routes.regular?.lines ?? []), ...(l.routes.direct?.requires ?? []), ...(l.routes.direct?.lines ?? [])], l.name);
      rules('item', l.performance.items, l.name);
      l.scoring.components.forEach((c) => consider('component', c.label, c.src, c.points, l.name));
    }
    return found;
  }

  semanticTokens(path: string): SemanticToken[] {
    return this.index.occurrences
      .filter((o) => o.span.file === path && o.span.line === o.span.endLine)
      .map((o) => ({ line: o.span.line, col: o.span.col, length: o.span.endCol - o.span.col, type: o.kind }))
      .sort((a, b) => a.line - b.line || a.col - b.col);
  }
}

function outlineOf(d: A.Decl): OutlineItem[] {
  const item = (name: string, kind: OutlineItem['kind'], span: A.Span, sel: A.Span, children?: OutlineItem[]): OutlineItem => ({
    name, kind, range: toRange(span), selection: toRange(sel), ...(children?.length ? { children } : {})
  });
  const rule = (kind: OutlineItem['kind']) => (r: A.Rule) => item(`${r.id ? `${r.id.text} ` : ''}${r.label.text}`, kind, r.span, r.label.span);
  switch (d.kind) {
    case 'header': return [item(d.name.text, 'header', d.span, d.name.span)];
    case 'const': return [item(d.name.text, 'constant', d.span, d.name.span)];
    case 'define': return [item(d.name.text, 'definition', d.span, d.name.span)];
    case 'window': return [item(d.name.text, 'window', d.span, d.name.span)];
    case 'order': return [item(`次序 ${d.field.map((n) => n.text).join('.')}`, 'order', d.span, d.field[0]?.span ?? d.span)];
    case 'dateField': return [item(`日期字段 ${d.field.map((n) => n.text).join('.')}`, 'dateField', d.span, d.field[0]?.span ?? d.span)];
    case 'gateGroup': return [item(d.label?.text ?? d.name.text, 'gateGroup', d.span, d.name.span, d.gates.map(rule('gate')))];
    case 'scoreTable': return [item(d.label?.text ?? d.name.text, 'scoreTable', d.span, d.name.span, d.components.map((c) => item(`${c.id.text} ${c.label.text}`, 'component', c.span, c.label.span)))];
    case 'committee': return [item(d.label?.text ?? d.name.text, 'committee', d.span, d.name.span)];
    case 'level': {
      const children = d.entries.flatMap((e): OutlineItem[] => {
        switch (e.kind) {
          case 'regularRoute': return [item(e.label.text, 'route', e.span, e.label.span, e.lines.map(rule('route')))];
          case 'directRoute': return [item(e.label.text, 'route', e.span, e.label.span, [...e.requires, ...e.lines].map(rule('route')))];
          case 'performance': return [item(e.label.text, 'route', e.span, e.label.span, e.items.map(rule('item')))];
          default: return [];
        }
      });
      return [item(d.name.text, 'level', d.span, d.name.span, children)];
    }
    case 'import': return [];
    default: {
      const never: never = d;
      return never;
    }
  }
}
