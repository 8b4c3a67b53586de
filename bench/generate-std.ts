// A big, valid standard set for timing the language core: the 2026 policy's shape, repeated with varied
// thresholds until it reaches about `lines` lines. Level names are fixed (the four titles), so the bulk is
// many definitions, gates, route lines, performance items and score tables. It checks clean (no errors, no
// warnings): every definition and gate group is used.
import type { SourceFile } from '../src/lib/core/index.ts';

const LEVELS = [
  { name: '研究实习员', code: '064', tier: '初级', grades: '11 至 13', committee: null, need: 2, min: 20 },
  { name: '助理研究员', code: '063', tier: '中级', grades: '8 至 10', committee: '中评委', need: 2, min: 35 },
  { name: '副研究员', code: '062', tier: '副高级', grades: '5 至 7', committee: '高评委', need: 3, min: 55 },
  { name: '研究员', code: '061', tier: '正高级', grades: '1 至 4', committee: '高评委', need: 3, min: 70 }
];

const HEADER = `标准集 "生成的大型标准集（基准测试）" {
  年度 2026
  基准日 2026-09-30
  发布单位 "杭州市人力资源和社会保障局", "杭州市科学技术局"
}

次序 education.degree: college < bachelor < master < doctor
次序 achievements.platforms.level: district < municipal < provincial < national
次序 achievements.awards.level: municipal < provincial < national
日期字段 achievements.contracts.signed_on
日期字段 achievements.transformations.completed_on
日期字段 achievements.enterprise_services.served_on
日期字段 achievements.platforms.established_on
日期字段 achievements.awards.awarded_on
日期字段 achievements.trainings.held_on
日期字段 education.awarded_on

定义 有现职 "持有现职" = current_title != 空 且 current_title.obtained_on <= 基准日
窗口 近5年 "近5年" = 近 5年
窗口 任现职以来 "任现职以来（无现职者为近3年）" = 若 有现职 则 自 current_title.obtained_on 否则 近 3年
定义 持有学位(最低学位, 年限) "学历" = 存在 education 其中 degree >= 最低学位 且 awarded_on 满 年限
定义 现职满(职级, 年限) "现职" = 有现职 且 current_title.level = 职级 且 current_title.obtained_on 满 年限
`;

/** One module of definitions: the 2026 quantities with a different role, kind or window each time. */
function definitions(k: number): string {
  const kind = ['development', 'transfer', 'license', 'consulting', 'service'][k % 5];
  const win = k % 3 === 0 ? '近5年' : '任现职以来';
  return `
// ---- 模块 ${k} ----
定义 合同额${k} "技术合同成交额（模块${k}）" =
  合计 achievements.contracts.amount_yuan 其中 role 属于 (lead, member) 且 kind != ${kind} 于 ${win}
定义 主持数${k} "主持项数（模块${k}）" =
  计数 achievements.contracts 其中 role = lead 于 ${win}
  + 计数 achievements.transformations 其中 role = host 于 ${win}
定义 服务数${k} "服务企业数（模块${k}）" = 计数 achievements.enterprise_services 于 ${win}
定义 学时${k} "授课学时（模块${k}）" = 合计 achievements.trainings.hours 其中 role = lecturer 于 ${win}
定义 平台${k}(最低级别) "技术转移平台（模块${k}）" =
  存在 achievements.platforms 其中 role 属于 (builder, operator) 且 level >= 最低级别 于 ${win}
定义 奖项${k} "奖项（模块${k}）" =
  存在 achievements.awards 其中 level >= provincial 且 rank <= ${1 + (k % 9)} 于 ${win}
`;
}

function gates(name: string, n: number, seed: number): string {
  const out = [`基本条件 ${name} "评价对象与基本条件（${name}）" {`];
  const forms = [
    (i: number) => `employment_status = in_service 且 work_region_code 开头是 "33${String(i % 100).padStart(2, '0')}"`,
    () => `is_civil_servant = 否 且 is_retired = 否`,
    (i: number) => `integrity.blacklisted = 否 且 非 (存在 integrity.violations 其中 ban_until >= 基准日 - ${i % 4}年)`,
    (i: number) => `存在 annual_assessments 其中 year = ${2023 + (i % 3)} 且 result 属于 (excellent, competent)`,
    (i: number) => `存在 continuing_education 其中 year = ${2023 + (i % 3)} 且 total_hours >= ${60 + (i % 40)}学时`
  ];
  for (let i = 0; i < n; i++) {
    out.push(`  G${i + 1} "基本条件${seed}-${i + 1}":`, `    ${forms[i % forms.length](i + seed)}`, `    理由 "第${i + 1}项基本条件不满足"`);
  }
  out.push('}', '');
  return out.join('\n');
}

function scoring(name: string, k: number): string {
  return `积分 ${name} "业绩量化积分（${name}）" {
  S1 "合同成交额" 上限 40分:
    向下取整(合计 achievements.contracts.amount_yuan 其中 role = lead 于 任现职以来 / ${40 + k}万元) * 1分
    + 向下取整(合计 achievements.contracts.amount_yuan 其中 role = member 于 任现职以来 / ${40 + k}万元) * 0.5分
  S2 "主持项目" 上限 20分: 2分 * 主持数${k}
  S3 "服务企业" 上限 10分: 0.5分 * 服务数${k}
  S4 "平台" 上限 10分:
    最大 achievements.platforms 其中 role 属于 (builder, operator) 于 任现职以来 取 情形 {
      level = national: 10分
      level = provincial: 6分
      level = municipal: 3分
      其他: 1分
    }
  S5 "奖项" 上限 15分:
    合计 achievements.awards 其中 rank <= 5 于 任现职以来 取 情形 {
      level = national: 15分
      level = provincial: 6分
      其他: 2分
    }
  S6 "培训" 上限 5分: 0.25分 * (学时${k} / 1学时)
}
`;
}

function level(l: (typeof LEVELS)[number], i: number, modules: number, gateGroup: string): string {
  const items: string[] = [];
  for (let k = i; k < modules; k += 4) {
    const t = 1 + ((k * 7) % 40);
    items.push(
      `    A${k} "合同额${k}": 合同额${k} >= ${t * 10}万元`,
      `    B${k} "主持${k}": 主持数${k} >= ${1 + (k % 30)}项`,
      `    C${k} "服务${k}": 服务数${k} >= ${1 + (k % 40)}项`,
      `    D${k} "平台${k}": 平台${k}(${['district', 'municipal', 'provincial', 'national'][k % 4]})`,
      `    E${k} "奖项${k}": 奖项${k}`,
      `    F${k} "培训${k}": 学时${k} >= ${4 + (k % 48)}学时`
    );
  }
  const lines = [`  常规路线 "学历资历条件" 任一 {`];
  for (let k = 0; k < 8; k++) lines.push(`    "学历${k}": 持有学位(${['college', 'bachelor', 'master', 'doctor'][k % 4]}, ${k % 4}年) 且 现职满(${['junior', 'intermediate', 'associate_senior', 'senior'][(k + i) % 4]}, ${1 + (k % 5)}年)`);
  lines.push('  }');
  return `导入 "common.std"

级别 ${l.name} {
  代码 "${l.code}"
  层级 ${l.tier}
  岗位等级 ${l.grades}
${l.committee ? `  评委会 ${l.committee}\n` : ''}  基本条件 ${gateGroup}
${lines.join('\n')}
  直接申报 "标志性业绩（直接申报）" 免除 常规路线 {
    须 "考核优秀": 存在 annual_assessments 其中 year 属于 (2024, 2025) 且 result = excellent
    任一 {
      "国家级奖项": 存在 achievements.awards 其中 level = national 于 近5年
      "近5年主持成交额": 合计 achievements.contracts.amount_yuan 其中 role = lead 于 近5年 >= ${1000 * (i + 1)}万元
    }
  }
  业绩条件 "业绩条件" 至少 ${l.need} 项 {
${items.join('\n')}
  }
  积分 积分${i} 最低 ${l.min}分
}
`;
}

const COMMITTEES = `
评委会 高评委 "高级职务评审委员会" {
  委员人数 >= 11人
  出席比例 >= 2/3
  评价方式 "专家评审", "面试答辩"
}

评委会 中评委 "中级职务评审委员会" {
  委员人数 >= 7人
  出席比例 >= 2/3
  评价方式 "专家评审"
}
`;

/** About `lines` lines in five files (common.std and one per level). */
export function generateStandardSet(lines = 10_000, dir = 'generated'): SourceFile[] {
  // a module is ~14 lines of definitions plus ~6 item lines; gates add ~3 lines each
  const modules = Math.max(4, Math.round((lines * 0.82) / 20));
  const gatesPerLevel = Math.max(1, Math.round((lines * 0.2) / 12));
  let common = HEADER + COMMITTEES;
  for (let k = 0; k < modules; k++) common += definitions(k);
  LEVELS.forEach((_, i) => (common += '\n' + gates(`基本条件${i}`, gatesPerLevel, i) + scoring(`积分${i}`, i)));
  return [
    { path: `${dir}/common.std`, text: common },
    ...LEVELS.map((l, i) => ({ path: `${dir}/${l.name}.std`, text: level(l, i, modules, `基本条件${i}`) }))
  ];
}
