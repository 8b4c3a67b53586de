// The checked model → the official document (title, 发布单位, 基准日, numbered clauses). Pure; reads only the
// model (the IR the checker made), so rewriting the sources without changing their meaning leaves it unchanged.
import type { Span } from '../../../../grammar/ast.ts';
import { procedureParams } from '../check/procedure.ts';
import type { ComponentModel, CommitteeModel, LevelModel, RuleModel, StandardSetModel } from '../model.ts';
import type { IR, Window } from '../ir.ts';
import { formatNumber } from '../evaluate/format.ts';
import { chineseNumeral, clauseNumber, dateText, fractionText } from './numbering.ts';
import { conditionSentence, definitionSentence, namedIn, pointsSentence, windowName, windowsIn } from './phrase.ts';
import type { Clause, OfficialDocument, Sentence, SourceRef } from './types.ts';

export function ref(s: Span): SourceRef {
  return { file: s.file, line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol };
}

const say = (text: string, span: Span): Sentence => ({ text: text.endsWith('。') ? text : `${text}。`, src: ref(span) });

function clause(depth: number, index: number, heading: string, span: Span | undefined, sentences: Sentence[] = [], children: Clause[] = []): Clause {
  const c: Clause = { number: clauseNumber(depth, index), heading, sentences, children };
  if (span) c.src = ref(span);
  return c;
}

const key = (s: Span) => `${s.file}:${s.start}`;

/** A rule: "G1 在职在岗于杭州" as the heading, the condition as its sentence, the reason after it. */
function ruleClause(r: RuleModel, depth: number, index: number): Clause {
  const s = [say(conditionSentence(r.ir), r.span)];
  if (r.reason) s.push(say(r.reason, r.span));
  return clause(depth, index, `${r.id ? `${r.id} ` : ''}${r.label}`, r.span, s);
}

function sameGates(levels: LevelModel[]): boolean {
  return levels.every((l) => key(l.gates.span) === key(levels[0].gates.span));
}

function definitions(m: StandardSetModel): Clause {
  const windows: Window[] = [];
  const named: IR[] = [];
  for (const l of m.levels) {
    const rules = [...l.gates.rules, ...(l.regular?.lines ?? []), ...(l.direct?.requires ?? []), ...(l.direct?.lines ?? []), ...l.performance.items];
    for (const x of [...rules.map((r) => r.ir), ...l.scoring.components.map((c) => c.ir)]) {
      for (const w of windowsIn(x)) if (!windows.some((v) => v.label === w.label)) windows.push(w);
      // What is implied by "取得…满N年" (holding a current title) needs no definition of its own.
      for (const d of namedIn(x)) if (!named.some((v) => v.label === d.label) && !d.label!.startsWith('持有现职')) named.push(d);
    }
  }
  const first = m.headerSpan;
  const kids: Clause[] = [];
  let n = 0;
  kids.push(clause(1, ++n, '基准日', first, [
    { text: `本标准的基准日为${dateText(m.meta.referenceDate)}（申报截止日）。所有时间条件及“满N年”均以基准日为准计算，基准日以后的记录不予计入。`, src: ref(first) }
  ]));
  for (const w of windows) {
    kids.push(clause(1, ++n, windowName(w), w.span, [say(windowText(w, m.meta.referenceDate), w.span)]));
  }
  for (const d of named) kids.push(clause(1, ++n, d.label!, d.span, [say(`指${definitionSentence(d)}`, d.span)]));
  kids.push(clause(1, ++n, '金额', first, [
    { text: '申报材料中的金额以元为单位；本标准以万元表述金额条件，1万元为10000元。', src: ref(first) }
  ]));
  return clause(0, 1, '通用定义', undefined, [], kids);
}

/** 任现职以来：自取得现职之日起至基准日；无现职者为近3年。 */
function windowText(w: Window, refDate: string): string {
  const to = `至基准日（${dateText(refDate)}）`;
  const from = w.from;
  if (!from) return `指截至基准日（${dateText(refDate)}）的全部记录，不限起始日期`;
  if (from.k === 'lit' && typeof from.value === 'string') return `指自${dateText(from.value)}起${to}`;
  if (from.k === 'if' && from.then.k === 'field' && from.else.k === 'lit' && typeof from.else.value === 'string') {
    return `持有现职者，指自取得现职之日起${to}；无现职者，指自${dateText(from.else.value)}起${to}`;
  }
  return `指${to}`;
}

function gatesClause(depth: number, index: number, g: LevelModel['gates']): Clause {
  return clause(depth, index, g.label, g.span, [say('申报人须同时符合下列条件，不符合任一条件的，不具备申报资格', g.span)],
    g.rules.map((r, i) => ruleClause(r, depth + 1, i + 1)));
}

function levelClause(l: LevelModel, m: StandardSetModel, index: number, withGates: boolean, scoringPart: string): Clause {
  const committee = l.committee ? m.committees.find((c) => c.name === l.committee) : undefined;
  const methods = l.methods.length ? l.methods : committee?.params.find((p) => p.texts)?.texts ?? [];
  const [lo, hi] = l.postGrades;
  const who = committee ? `由${committee.label}评审` : '不设评审委员会表决';
  const head = say(
    `${l.name}为${l.tier}专业技术职务（代码${l.code}），对应专业技术岗位${chineseNumeral(lo)}至${chineseNumeral(hi)}级，${who}${methods.length ? `，评价方式为${methods.join('、')}` : ''}`,
    l.span
  );
  const kids: Clause[] = [];
  let n = 0;
  if (withGates) kids.push(gatesClause(2, ++n, l.gates));
  if (l.regular) {
    kids.push(clause(2, ++n, l.regular.label, l.regular.span, [say('具备下列条件之一', l.regular.span)],
      l.regular.lines.map((r, i) => ruleClause(r, 3, i + 1))));
  }
  if (l.direct) {
    const d = l.direct;
    const req = d.requires.map((r, i) => ruleClause(r, 3, i + 1));
    const any = clause(3, req.length + 1, '具备下列标志性业绩之一', d.span, [], d.lines.map((r, i) => ruleClause(r, 4, i + 1)));
    kids.push(clause(2, ++n, d.label, d.span, [
      say(`符合下列全部条件的，可不受${l.regular?.label ?? '学历资历条件'}限制直接申报；基本条件、业绩条件和业绩量化积分仍须符合`, d.span)
    ], [...req, any]));
  }
  const p = l.performance;
  kids.push(clause(2, ++n, p.label, p.span, [say(`须符合下列${p.items.length}项中的至少${p.need}项`, p.span)],
    p.items.map((r, i) => ruleClause(r, 3, i + 1))));
  kids.push(clause(2, ++n, l.scoring.label, l.scoring.span, [
    say(`须不低于${formatNumber(l.scoring.minimum)}分（计分办法见第${scoringPart}部分）`, l.scoring.span)
  ]));
  return clause(1, index, l.name, l.span, [head], kids);
}

function scoreTable(components: ComponentModel[]): Clause['table'] {
  return {
    head: ['项目', '计分办法', '上限'],
    rows: components.map((c) => ({
      cells: [`${c.id} ${c.label}`, `${pointsSentence(c.ir)}。`, c.cap === null ? '不设上限' : `${formatNumber(c.cap)}分`],
      src: ref(c.span)
    }))
  };
}

function scoringClause(m: StandardSetModel, index: number): Clause {
  const groups: { levels: LevelModel[]; scoring: LevelModel['scoring'] }[] = [];
  for (const l of m.levels) {
    const same = groups.find((g) => g.scoring.components.length === l.scoring.components.length &&
      g.scoring.components.every((c, i) => key(c.span) === key(l.scoring.components[i].span)));
    if (same) same.levels.push(l);
    else groups.push({ levels: [l], scoring: l.scoring });
  }
  const kids = groups.map((g, i) => {
    const c = clause(1, i + 1, `${g.scoring.label}（${g.levels.map((l) => l.name).join('、')}）`, g.scoring.components[0]?.span ?? g.scoring.span, [
      say(`积分为下列各项之和，每项以其上限为限；各项均按${windowsIn(g.scoring.components[0]?.ir ?? { k: 'lit', value: 0 } as never).map((w) => w.label).join('、') || '基准日前'}的业绩计算`, g.scoring.components[0]?.span ?? g.scoring.span)
    ]);
    c.table = scoreTable(g.scoring.components);
    return c;
  });
  const minimum = clause(1, kids.length + 1, '最低积分', undefined, m.levels.map((l) => say(`${l.name}不低于${formatNumber(l.scoring.minimum)}分`, l.scoring.span)));
  return clause(0, index, '业绩量化积分', undefined, [], [...kids, minimum]);
}

function paramText(p: CommitteeModel['params'][number]): string {
  const label = procedureParams[p.name]?.label ?? p.name;
  if (p.texts) return `${label}：${p.texts.join('、')}`;
  const word = { '>=': '不少于', '<=': '不超过', '>': '多于', '<': '少于', '==': '为', '=': '为' }[p.op ?? '>='] ?? p.op;
  if (p.ratio) return `${label}${word === '不少于' ? '不低于' : word}${fractionText(p.ratio[0], p.ratio[1])}`;
  if (p.name === '专家库倍数') return `专家库人数${word}评审委员会人数的${formatNumber(p.value ?? 0)}倍`;
  return `${label}${word}${formatNumber(p.value ?? 0)}${p.unit ?? ''}`;
}

function procedureClause(m: StandardSetModel, index: number): Clause {
  const kids = m.committees.map((c, i) => {
    const users = m.levels.filter((l) => l.committee === c.name).map((l) => l.name);
    return clause(1, i + 1, `${c.name}：${c.label}`, c.span,
      users.length ? [say(`评审${users.join('、')}专业技术职务任职资格`, c.span)] : [],
      c.params.map((p, j) => clause(2, j + 1, '', c.paramSpans[j], [say(paramText(p), c.paramSpans[j])])));
  });
  const none = m.levels.filter((l) => !l.committee);
  const s = none.map((l) => say(`${l.name}以${l.methods.join('、') || '考核认定'}方式评价，不经评审委员会表决`, l.span));
  return clause(0, index, '评审程序参数', undefined, s, kids);
}

export function generateDocument(m: StandardSetModel): OfficialDocument {
  const clauses: Clause[] = [definitions(m)];
  const shared = m.levels.length > 0 && sameGates(m.levels);
  if (shared) clauses.push(gatesClause(0, clauses.length + 1, m.levels[0].gates));
  clauses.push(clause(0, clauses.length + 1, '各级别评价条件', undefined, [],
    m.levels.map((l, i) => levelClause(l, m, i + 1, !shared, chineseNumeral(clauses.length + 2)))));
  clauses.push(scoringClause(m, clauses.length + 1));
  clauses.push(procedureClause(m, clauses.length + 1));
  return {
    title: m.meta.name,
    year: m.meta.year,
    issuers: [...m.meta.issuers],
    referenceDate: m.meta.referenceDate,
    referenceDateText: dateText(m.meta.referenceDate),
    clauses
  };
}
