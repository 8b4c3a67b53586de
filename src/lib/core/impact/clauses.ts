// The clauses of a compiled level, each keyed by its place in the model (section and item id or label), so the
// same clause can be found in another version of the standard whatever line it moved to.
import type { BundleLevel, BundleRule, BundleComponent } from '../compile/bundle-types.ts';
import type { LevelTrace, RuleTrace, ComponentTrace } from '../evaluate/trace.ts';

export type Section = 'gates' | 'regular' | 'directRequires' | 'directLines' | 'items' | 'components' | 'need' | 'minimum';

export const SECTION_LABEL: Record<Section, string> = {
  gates: '基本条件', regular: '常规路线', directRequires: '直接申报（必备）', directLines: '直接申报', items: '业绩条件',
  components: '积分项', need: '业绩条件项数', minimum: '最低积分'
};

export interface RuleClause {
  kind: 'rule';
  key: string;
  section: Section;
  title: string;
  rule: BundleRule;
  trace: (t: LevelTrace) => RuleTrace;
}
export interface ComponentClause {
  kind: 'component';
  key: string;
  section: 'components';
  title: string;
  component: BundleComponent;
  trace: (t: LevelTrace) => ComponentTrace;
}
export type Clause = RuleClause | ComponentClause;

type RuleSection = Exclude<Section, 'components' | 'need' | 'minimum'>;
const RULE_SECTIONS: [RuleSection, (l: BundleLevel) => BundleRule[], (t: LevelTrace) => RuleTrace[]][] = [
  ['gates', (l) => l.gates.rules, (t) => t.gates],
  ['regular', (l) => l.routes.regular?.lines ?? [], (t) => t.regular],
  ['directRequires', (l) => l.routes.direct?.requires ?? [], (t) => t.directRequires],
  ['directLines', (l) => l.routes.direct?.lines ?? [], (t) => t.directLines],
  ['items', (l) => l.performance.items, (t) => t.items]
];

export const ruleTitle = (r: { id?: string; label: string }): string => (r.id ? `${r.id} ${r.label}` : r.label);

/** A clause's place: an item's id when it has one (A, G1, S1), else its label. */
export const placeKey = (section: Section, r: { id?: string; label: string }): string => `${section}:${r.id ?? r.label}`;

const cache = new WeakMap<BundleLevel, Map<string, Clause>>();

/** Every clause of a level by its key, in the model's order. */
export function clausesOf(l: BundleLevel): Map<string, Clause> {
  let m = cache.get(l);
  if (m) return m;
  m = new Map();
  for (const [section, rules, traces] of RULE_SECTIONS) {
    rules(l).forEach((rule, i) => {
      const key = placeKey(section, rule);
      if (!m!.has(key)) m!.set(key, { kind: 'rule', key, section, title: ruleTitle(rule), rule, trace: (t) => traces(t)[i] });
    });
  }
  l.scoring.components.forEach((component, i) => {
    const key = placeKey('components', component);
    m!.set(key, { kind: 'component', key, section: 'components', title: ruleTitle(component), component, trace: (t) => t.components[i] });
  });
  cache.set(l, m);
  return m;
}
