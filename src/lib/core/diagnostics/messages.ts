// The message catalogue: every diagnostic's stable code, severity and Chinese text ({name} placeholders).
// Codes: E0xx reading, lexing and parsing, E1xx names, E2xx types and units, E3xx structure, W… warnings.
import type { Severity } from './index.ts';

function m(code: string, severity: Severity, text: string) {
  return { code, severity, text };
}

export const messages = {
  lexUnknownChar: m('E001', 'error', '无法识别的字符“{char}”'),
  parseUnexpected: m('E002', 'error', '语法错误：{message}'),
  parseMissing: m('E003', 'error', '内容不完整：{message}'),
  parseExtra: m('E004', 'error', '{found}'),
  importNotFound: m('E010', 'error', '找不到导入的文件“{path}”'),
  importOutside: m('E011', 'error', '导入的文件“{path}”不在标准集的目录内（不能用绝对路径或“..”离开该目录），未读取'),
  unreadableFile: m('E012', 'error', '无法读取“{path}”：{reason}'),
  noStandardFiles: m('E013', 'error', '“{path}”中没有 .std 文件'),
  invalidUtf8: m('E014', 'error', '文件不是有效的 UTF-8 编码（第 {line} 行第 {col} 列，第 {byte} 字节），未读取'),
  fileTooLarge: m('E015', 'error', '文件过大：{size} 字节，上限为 {max} 字节'),
  lineTooLong: m('E016', 'error', '第 {line} 行过长：{length} 个字符，上限为 {max}'),
  nestingTooDeep: m('E017', 'error', '嵌套过深：{what}超过 {max} 层'),
  tooManyDiagnostics: m('W018', 'warning', '本文件还有 {more} 个问题未列出（每个文件最多列出 {max} 个）'),
  bundleNotJson: m('E020', 'error', '不是有效的 JSON：{message}'),
  bundleInvalid: m('E021', 'error', '不是有效的 bundle：{errors}'),

  unknownName: m('E100', 'error', '未定义的名称“{name}”{hint}'),
  unknownField: m('E101', 'error', '申请人记录中没有字段“{name}”{hint}'),
  duplicateName: m('E102', 'error', '名称“{name}”重复定义（首次定义于 {line}）'),
  unknownEnumValue: m('E103', 'error', '“{value}”不是字段“{field}”的取值；可选值：{values}{hint}'),
  unknownWindow: m('E104', 'error', '未定义的时间窗口“{name}”{hint}'),
  unknownCommittee: m('E105', 'error', '未定义的评委会“{name}”{hint}'),
  unknownGateGroup: m('E106', 'error', '未定义的基本条件组“{name}”{hint}'),
  unknownScoreTable: m('E107', 'error', '未定义的积分表“{name}”{hint}'),
  unknownLevel: m('E108', 'error', '“{name}”不是级别名称；可选：{values}'),
  notAList: m('E109', 'error', '“{name}”不是清单字段，不能计数或合计'),
  outerRefInItem: m('E110', 'error', '“{name}”是申请人层面的字段，在清单条件中只能引用清单项的字段（如需组合条件，请用括号把“存在/计数 …”整体括起来）'),
  recursiveDefinition: m('E111', 'error', '定义“{name}”引用了自身'),
  argCount: m('E112', 'error', '“{name}”需要 {expected} 个参数，实际给了 {actual} 个'),
  notCallable: m('E113', 'error', '“{name}”不是带参数的定义，不能调用'),
  missingArgs: m('E114', 'error', '定义“{name}”需要参数：{params}'),
  noDateField: m('E115', 'error', '清单“{list}”没有声明日期字段，不能使用时间窗口（请用“日期字段 {list}.xxx”声明）'),
  orderValue: m('E116', 'error', '次序中的“{value}”不是字段“{field}”的取值；可选值：{values}'),
  orderIncomplete: m('W117', 'warning', '次序未列出字段“{field}”的取值：{values}'),
  unknownParam: m('E118', 'error', '未知的评审程序参数“{name}”'),

  typeMismatch: m('E200', 'error', '类型不符：{what}应为{expected}，实际为{actual}'),
  compareTypes: m('E201', 'error', '不能比较{left}与{right}'),
  unitMismatch: m('E202', 'error', '单位不一致：{left}与{right}不能{op}'),
  unitMissing: m('E203', 'error', '数值缺少单位：与{unit}比较时请写作“{example}”'),
  notOrdered: m('E204', 'error', '字段“{field}”的取值没有声明次序，不能用“{op}”比较（请用“=”或“属于”，或先用“次序”声明）'),
  notInteger: m('E205', 'error', '金额须为整数元：{text} = {value}元'),
  notConstant: m('E206', 'error', '{what}须为常量'),
  unitProduct: m('E207', 'error', '{left}乘以{right}没有意义'),
  divideByZero: m('E208', 'error', '除数为零'),
  badDate: m('E209', 'error', '“{text}”不是有效的日期'),
  notDuration: m('E210', 'error', '“满”之后应为时长（如“3年”“6个月”），实际为{actual}'),
  notBoolean: m('E211', 'error', '{what}应为条件（真/假），实际为{actual}'),
  notNumber: m('E212', 'error', '{what}应为数值，实际为{actual}'),
  unknownUnit: m('E213', 'error', '此处不能使用单位“{unit}”'),
  nullCompare: m('E214', 'error', '只能用“=”或“!=”与“空”比较'),
  numberRange: m('E215', 'error', '数值“{text}”超出范围：绝对值不能超过 {max}{unit}'),
  durationRange: m('E216', 'error', '时长“{text}”超出范围：最长 {max}'),
  dateRange: m('E217', 'error', '日期超出范围：结果为公元 {year} 年（应在 1000 年至 9999 年之间）'),
  expressionTooLarge: m('E218', 'error', '展开定义后表达式过大：检查超过 {max} 步仍未完成（是否有定义层层重复引用？），其余内容未检查'),

  nOverM: m('E300', 'error', '要求至少 {n} 项，但只列出了 {m} 项'),
  capAboveMax: m('E301', 'error', '上限 {cap} 高于该项可能的最高分 {max}'),
  missingHeader: m('E302', 'error', '标准集缺少标题块（标准集 "…" { 年度 … 基准日 … }）'),
  duplicateHeader: m('E303', 'error', '标准集标题块重复'),
  missingEntry: m('E304', 'error', '级别“{level}”缺少{entry}'),
  duplicateEntry: m('E305', 'error', '级别“{level}”中{entry}重复'),
  waivesUnknown: m('E306', 'error', '直接申报只能免除“常规路线”'),
  scoreOverflow: m('E307', 'error', '积分表的最高分可达 {sum}，超过满分 100分'),
  needNotPositive: m('E308', 'error', '“至少”后应为正整数'),
  duplicateLabel: m('W309', 'warning', '标签“{label}”在同一组中重复，解释时难以区分'),
  noLevels: m('E310', 'error', '标准集中没有定义任何级别'),
  minimumAboveMax: m('E311', 'error', '最低分 {min} 高于积分表可能的最高分 {max}'),
  nZero: m('W312', 'warning', '“至少 0 项”总是成立'),
  emptyAnyOf: m('E313', 'error', '“任一”中没有任何条件'),

  unusedDefinition: m('W400', 'warning', '“{name}”已定义但未使用')
} as const;

export type MessageId = keyof typeof messages;
