// The symbol index of a standard set: every declaration and every place a name is used, with what it refers
// to. Built from the ASTs alone (it works while the set has errors), resolving scopes the way the checker
// does: inside 其中/取/满足 names are the list item's fields.
import type * as A from '../../../../grammar/ast.ts';
import { enumCode, lookupField, recordFields, type FieldInfo } from '../records/fields.ts';
import type { SymbolKind } from './types.ts';

export interface Occurrence {
  kind: SymbolKind;
  /** What it refers to: a declared name, a parameter as "定义/参数", a field path, an enum as "field=value". */
  target: string;
  span: A.Span;
  isDeclaration: boolean;
  field?: FieldInfo;
}

export interface Declaration {
  kind: SymbolKind;
  name: string;
  nameSpan: A.Span;
  decl: A.Decl;
}

export interface SymbolIndex {
  declarations: Map<string, Declaration>;
  occurrences: Occurrence[];
  /** Enum orderings by field path (for completion of values). */
  orders: Map<string, string[]>;
}

const declKinds: Partial<Record<A.Decl['kind'], SymbolKind>> = {
  const: 'constant', define: 'definition', window: 'window', gateGroup: 'gateGroup', scoreTable: 'scoreTable',
  committee: 'committee', level: 'level'
};

export function buildIndex(files: A.SourceFileAst[]): SymbolIndex {
  const declarations = new Map<string, Declaration>();
  const occurrences: Occurrence[] = [];
  const orders = new Map<string, string[]>();
  for (const f of files) {
    for (const d of f.decls) {
      const kind = declKinds[d.kind];
      if (kind && 'name' in d && d.name.text && !declarations.has(d.name.text)) {
        declarations.set(d.name.text, { kind, name: d.name.text, nameSpan: d.name.span, decl: d });
      }
      if (d.kind === 'order') {
        // Keyed and listed in codes, whichever names the file wrote.
        const f = lookupField(recordFields, d.field.map((n) => n.text).join('.'));
        if (f?.type.kind === 'enum') {
          const t = f.type;
          orders.set(f.path, d.values.map((v) => enumCode(t, v.text) ?? v.text));
        }
      }
    }
  }
  const add = (o: Occurrence) => occurrences.push(o);
  const walker = new Walker(declarations, add);
  for (const f of files) for (const d of f.decls) walker.decl(d);
  return { declarations, occurrences, orders };
}

class Walker {
  constructor(private decls: Map<string, Declaration>, private add: (o: Occurrence) => void) {}

  decl(d: A.Decl): void {
    const kind = declKinds[d.kind];
    if (kind && 'name' in d && d.name.text) this.add({ kind, target: d.name.text, span: d.name.span, isDeclaration: true });
    switch (d.kind) {
      case 'const': this.expr(d.value, null, new Set()); break;
      case 'define': {
        const params = new Set(d.params.map((p) => p.text));
        for (const p of d.params) this.add({ kind: 'parameter', target: `${d.name.text}/${p.text}`, span: p.span, isDeclaration: true });
        this.expr(d.body, null, params, d.name.text);
        break;
      }
      case 'window': this.window(d.window); break;
      case 'gateGroup': d.gates.forEach((g) => this.expr(g.expr, null, new Set())); break;
      case 'scoreTable': d.components.forEach((c) => { if (c.cap) this.expr(c.cap, null, new Set()); this.expr(c.expr, null, new Set()); }); break;
      case 'order': case 'dateField': this.fieldPath(d.field, recordFields); break;
      case 'level': d.entries.forEach((e) => this.entry(e)); break;
      default: break;
    }
  }

  private entry(e: A.LevelEntry): void {
    const ref = (kind: SymbolKind, n: A.Name) => n.text && this.add({ kind, target: n.text, span: n.span, isDeclaration: false });
    switch (e.kind) {
      case 'committeeRef': ref('committee', e.name); break;
      case 'gatesRef': ref('gateGroup', e.name); break;
      case 'scoreRef': ref('scoreTable', e.table); break;
      case 'regularRoute': e.lines.forEach((r) => this.expr(r.expr, null, new Set())); break;
      case 'directRoute': [...e.requires, ...e.lines].forEach((r) => this.expr(r.expr, null, new Set())); break;
      case 'performance': e.items.forEach((r) => this.expr(r.expr, null, new Set())); break;
      default: break;
    }
  }

  private window(w: A.WindowExpr): void {
    if (w.kind === 'since') this.expr(w.from, null, new Set());
    if (w.kind === 'conditional') {
      this.expr(w.cond, null, new Set());
      this.window(w.then);
      this.window(w.else);
    }
  }

  /** Record each segment of a field path that resolves; returns the field. */
  private fieldPath(path: A.Name[], scope: FieldInfo): FieldInfo | undefined {
    let f: FieldInfo | undefined;
    for (let i = 0; i < path.length; i++) {
      f = lookupField(scope, path.slice(0, i + 1).map((n) => n.text).join('.'));
      if (!f) return undefined;
      this.add({ kind: f.type.kind === 'array' ? 'list' : 'field', target: f.path, span: path[i].span, isDeclaration: false, field: f });
    }
    return f;
  }

  /** `scope`: the list item inside 其中/取, null at record level. `def`: the definition being walked. */
  private expr(e: A.Expr | undefined, scope: FieldInfo | null, params: Set<string>, def?: string, enumOf?: FieldInfo): void {
    if (!e) return;
    const go = (x: A.Expr | undefined, en?: FieldInfo) => this.expr(x, scope, params, def, en);
    switch (e.kind) {
      case 'ref': {
        const first = e.path[0]?.text;
        if (!first) return;
        if (e.path.length === 1 && params.has(first) && def) {
          this.add({ kind: 'parameter', target: `${def}/${first}`, span: e.span, isDeclaration: false });
          return;
        }
        const d = e.path.length === 1 ? this.decls.get(first) : undefined;
        if (d && (d.kind === 'constant' || d.kind === 'definition')) {
          this.add({ kind: d.kind, target: first, span: e.path[0].span, isDeclaration: false });
          return;
        }
        if (this.fieldPath(e.path, scope ?? recordFields)) return;
        const code = enumOf && enumOf.type.kind === 'enum' ? enumCode(enumOf.type, first) : undefined;
        if (enumOf && code !== undefined) {
          this.add({ kind: 'enum', target: `${enumOf.path}=${code}`, span: e.span, isDeclaration: false, field: enumOf });
        }
        return;
      }
      case 'call':
        if (this.decls.get(e.callee.text)?.kind === 'definition') this.add({ kind: 'definition', target: e.callee.text, span: e.callee.span, isDeclaration: false });
        e.args.forEach((a) => go(a));
        return;
      case 'compare': {
        const l = this.fieldOf(e.left, scope);
        const r = this.fieldOf(e.right, scope);
        go(e.left, r);
        go(e.right, l);
        return;
      }
      case 'memberOf': {
        const f = this.fieldOf(e.value, scope);
        go(e.value);
        e.set.forEach((x) => go(x, f));
        return;
      }
      case 'aggregate': {
        const names = e.list.map((n) => n.text);
        let list: FieldInfo | undefined;
        for (let n = names.length; n >= 1 && !list; n--) {
          const f = lookupField(recordFields, names.slice(0, n).join('.'));
          if (f?.type.kind === 'array') list = f;
        }
        this.fieldPath(e.list, recordFields);
        if (e.window?.text) this.add({ kind: 'window', target: e.window.text, span: e.window.span, isDeclaration: false });
        const item = list && list.type.kind === 'array' ? list.type.item : null;
        this.expr(e.where, item, params, def);
        this.expr(e.take, item, params, def);
        return;
      }
      case 'case': e.arms.forEach((a) => { go(a.when); go(a.then); }); go(e.otherwise); return;
      case 'not': case 'negate': case 'floor': go(e.arg); return;
      case 'logical': e.args.forEach((a) => go(a)); return;
      case 'arith': go(e.left); go(e.right); return;
      case 'startsWith': go(e.value); go(e.prefix); return;
      case 'fullPeriod': go(e.date); go(e.period); return;
      default: return;
    }
  }

  private fieldOf(e: A.Expr | undefined, scope: FieldInfo | null): FieldInfo | undefined {
    if (e?.kind !== 'ref') return undefined;
    const f = lookupField(scope ?? recordFields, e.path.map((n) => n.text).join('.'));
    return f?.type.kind === 'enum' ? f : undefined;
  }
}
