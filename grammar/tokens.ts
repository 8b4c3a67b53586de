// The DSL's tokens. This list is the single source of truth for the lexer, and for the editor's highlighting
// and keyword completion (src/lib/editor reads `keywordTokens` and `tokenCategory`).
import { createToken, Lexer, type TokenType } from 'chevrotain';

// Chinese identifiers: CJK unified ideographs (and extension A) plus ASCII letters, digits and underscore.
// Written without the `u` flag so that Chevrotain can analyse the pattern and keep its lexer optimisations.
const identStart = 'A-Za-z_\\u3400-\\u4dbf\\u4e00-\\u9fff';
export const Identifier = createToken({
  name: 'Identifier',
  pattern: new RegExp(`[${identStart}][${identStart}0-9]*`),
  label: '名称'
});

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\u3000\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /(?:\/\/|#)[^\n\r]*/, group: 'comments' });

/** Units written right after a number, e.g. 500万元, 90学时, 3个月. The value is normalised by the checker. */
export const unitWords = ['万元', '亿元', '元', '学时', '个月', '工作日', '年', '分', '人', '项'] as const;
export type UnitWord = (typeof unitWords)[number];
export const Quantity = createToken({
  name: 'Quantity',
  pattern: new RegExp(`\\d+(?:\\.\\d+)?[ \\t]*(?:${unitWords.join('|')})`),
  label: '带单位的数值'
});
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}/, label: '日期' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/, label: '数字' });
// Straight quotes, and the Chinese quotes a Chinese input method types.
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"[^"\n\r]*"|“[^”\n\r]*”|「[^」\n\r]*」/,
  label: '文本'
});

function kw(name: string, word: string): TokenType {
  return createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, label: `“${word}”` });
}

// Declarations and structure.
export const KwImport = kw('KwImport', '导入');
export const KwStandardSet = kw('KwStandardSet', '标准集');
export const KwYear = kw('KwYear', '年度');
export const KwReferenceDate = kw('KwReferenceDate', '基准日');
export const KwIssuer = kw('KwIssuer', '发布单位');
export const KwOrder = kw('KwOrder', '次序');
export const KwDateField = kw('KwDateField', '日期字段');
export const KwConst = kw('KwConst', '常量');
export const KwDefine = kw('KwDefine', '定义');
export const KwWindow = kw('KwWindow', '窗口');
export const KwCommittee = kw('KwCommittee', '评委会');
export const KwLevel = kw('KwLevel', '级别');
export const KwCode = kw('KwCode', '代码');
export const KwTier = kw('KwTier', '层级');
export const KwPostGrades = kw('KwPostGrades', '岗位等级');
export const KwMethods = kw('KwMethods', '评价方式');
export const KwGates = kw('KwGates', '基本条件');
export const KwRegularRoute = kw('KwRegularRoute', '常规路线');
export const KwDirectRoute = kw('KwDirectRoute', '直接申报');
export const KwWaives = kw('KwWaives', '免除');
export const KwRequires = kw('KwRequires', '须');
export const KwAnyOf = kw('KwAnyOf', '任一');
export const KwPerformance = kw('KwPerformance', '业绩条件');
export const KwAtLeast = kw('KwAtLeast', '至少');
export const KwItems = kw('KwItems', '项');
export const KwScore = kw('KwScore', '积分');
export const KwCap = kw('KwCap', '上限');
export const KwMinimum = kw('KwMinimum', '最低');
export const KwReason = kw('KwReason', '理由');
export const KwTo = kw('KwTo', '至');
// Windows.
export const KwRecent = kw('KwRecent', '近');
export const KwSince = kw('KwSince', '自');
export const KwIf = kw('KwIf', '若');
export const KwThen = kw('KwThen', '则');
export const KwElse = kw('KwElse', '否则');
export const KwAllTime = kw('KwAllTime', '不限');
// Aggregations over the record's lists.
export const KwCount = kw('KwCount', '计数');
export const KwSum = kw('KwSum', '合计');
export const KwMax = kw('KwMax', '最大');
export const KwExists = kw('KwExists', '存在');
export const KwAll = kw('KwAll', '全部');
export const KwWhere = kw('KwWhere', '其中');
export const KwIn = kw('KwIn', '于');
export const KwTake = kw('KwTake', '取');
export const KwSatisfy = kw('KwSatisfy', '满足');
export const KwCase = kw('KwCase', '情形');
export const KwOtherwise = kw('KwOtherwise', '其他');
// Expressions.
export const KwAnd = kw('KwAnd', '且');
export const KwOr = kw('KwOr', '或');
export const KwNot = kw('KwNot', '非');
export const KwMemberOf = kw('KwMemberOf', '属于');
export const KwStartsWith = kw('KwStartsWith', '开头是');
export const KwFull = kw('KwFull', '满');
export const KwNull = kw('KwNull', '空');
export const KwTrue = kw('KwTrue', '是');
export const KwFalse = kw('KwFalse', '否');
export const KwFloor = kw('KwFloor', '向下取整');

// Punctuation: both ASCII and the full-width forms a Chinese input method produces.
export const LBrace = createToken({ name: 'LBrace', pattern: /\{|｛/, label: '“{”' });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}|｝/, label: '“}”' });
export const LParen = createToken({ name: 'LParen', pattern: /\(|（/, label: '“(”' });
export const RParen = createToken({ name: 'RParen', pattern: /\)|）/, label: '“)”' });
export const Colon = createToken({ name: 'Colon', pattern: /:|：/, label: '“:”' });
export const Comma = createToken({ name: 'Comma', pattern: /,|，|、/, label: '“,”' });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: '“.”' });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=|≥/, label: '“>=”' });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=|≤/, label: '“<=”' });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=|≠/, label: '“!=”' });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: '“>”' });
export const Less = createToken({ name: 'Less', pattern: /</, label: '“<”' });
export const Equals = createToken({ name: 'Equals', pattern: /==|=/, label: '“=”' });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: '“+”' });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: '“-”' });
export const Star = createToken({ name: 'Star', pattern: /\*|×/, label: '“*”' });
export const Slash = createToken({ name: 'Slash', pattern: /\/|÷/, label: '“/”' });

/** Keywords, longest first where one is a prefix of another (基本条件 before 基准日 is not needed, but 否则 before 否 is). */
export const keywordTokens: TokenType[] = [
  KwImport, KwStandardSet, KwYear, KwReferenceDate, KwIssuer, KwOrder, KwDateField, KwConst, KwDefine, KwWindow,
  KwCommittee, KwLevel, KwCode, KwTier, KwPostGrades, KwMethods, KwGates, KwRegularRoute, KwDirectRoute, KwWaives,
  KwRequires, KwAnyOf, KwPerformance, KwAtLeast, KwItems, KwScore, KwCap, KwMinimum, KwReason, KwTo, KwRecent,
  KwSince, KwIf, KwThen, KwElse, KwAllTime, KwCount, KwSum, KwMax, KwExists, KwAll, KwWhere, KwIn, KwTake,
  KwSatisfy, KwCase, KwOtherwise, KwAnd, KwOr, KwNot, KwMemberOf, KwStartsWith, KwFull, KwNull, KwTrue, KwFalse,
  KwFloor
];

const punctuation: TokenType[] = [
  LBrace, RBrace, LParen, RParen, Colon, Comma, Dot, GreaterEq, LessEq, NotEq, Greater, Less, Equals, Plus, Minus,
  Star, Slash
];

export const allTokens: TokenType[] = [
  WhiteSpace, Comment, StringLiteral, DateLiteral, Quantity, NumberLiteral,
  ...keywordTokens, Identifier, ...punctuation
];

/** How the editor colours a token. */
export function tokenCategory(t: TokenType): 'keyword' | 'number' | 'string' | 'comment' | 'operator' | 'identifier' {
  if (keywordTokens.includes(t)) return 'keyword';
  if (t === Quantity || t === NumberLiteral || t === DateLiteral) return 'number';
  if (t === StringLiteral) return 'string';
  if (t === Comment) return 'comment';
  if (t === Identifier) return 'identifier';
  return 'operator';
}
