// The applicant record contract (policy section 8) as JSON Schema draft 2020-12.
// This file is the single source of truth for field names, types, units and Chinese labels:
// fields.ts derives the DSL/editor field tree from it, validate.ts compiles it with ajv.

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';
export type Unit = '元' | '学时';

export interface SchemaNode {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  items?: SchemaNode;
  enum?: string[];
  minimum?: number;
  pattern?: string;
  format?: string;
  'x-unit'?: Unit;
  'x-enum-labels'?: Record<string, string>;
  /** The field's Chinese name in the DSL where its title is not a good identifier (too long, a keyword inside). */
  'x-dsl-name'?: string;
}

/** Custom annotation keywords; any ajv compiling recordSchema must register them (strict mode). */
export const annotationKeywords = ['x-unit', 'x-enum-labels', 'x-dsl-name'] as const;

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const REGION_CODE_PATTERN = '^[0-9]{6}$';

// Small builders keep the table below readable and make "every field required,
// no extra fields" impossible to forget.
const str = (title: string): SchemaNode => ({ type: 'string', title });
const bool = (title: string): SchemaNode => ({ type: 'boolean', title });
const int = (title: string): SchemaNode => ({ type: 'integer', title });
// format "date" is an annotation for editors; the calendar check itself is a contract check.
const date = (title: string): SchemaNode => ({ type: 'string', title, pattern: DATE_PATTERN, format: 'date' });
const yuan = (title: string): SchemaNode => ({ type: 'integer', title, minimum: 0, 'x-unit': '元' });
const hours = (title: string): SchemaNode => ({ type: 'number', title, minimum: 0, 'x-unit': '学时' });
// Enum values are the keys of the label map, so a value can never lack its label.
const oneOf = (title: string, labels: Record<string, string>): SchemaNode => ({
  type: 'string',
  title,
  enum: Object.keys(labels),
  'x-enum-labels': labels
});
const obj = (title: string, properties: Record<string, SchemaNode>): SchemaNode => ({
  type: 'object',
  title,
  properties,
  required: Object.keys(properties),
  additionalProperties: false
});
const list = (title: string, item: SchemaNode): SchemaNode => ({ type: 'array', title, items: item });
/** A field whose DSL name is not its title: `存在 学历 其中 学位 >= 硕士 且 授予日期 满 3年`. */
const dsl = (name: string, node: SchemaNode): SchemaNode => ({ ...node, 'x-dsl-name': name });

const currentTitle: SchemaNode = {
  ...obj('现职称', {
    level: oneOf('职称级别', {
      junior: '初级',
      intermediate: '中级',
      associate_senior: '副高级',
      senior: '正高级'
    }),
    name: str('职称名称'),
    series: str('职称系列'),
    obtained_on: date('取得日期')
  }),
  type: ['object', 'null']
};

export const recordSchema: SchemaNode = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stdc.hangzhou.example/schemas/2026/applicant-record.json',
  description: '杭州市技术经理职称申报人记录（省申报平台导出格式，评价标准第8节）',
  ...obj('申报人记录', {
    id: str('申报人编号'),
    name: str('姓名'),
    target_level: oneOf('申报级别', {
      研究实习员: '研究实习员',
      助理研究员: '助理研究员',
      副研究员: '副研究员',
      研究员: '研究员'
    }),
    employment_status: oneOf('在职状态', {
      in_service: '在职在岗',
      resigned: '已离职',
      retired: '已离退休'
    }),
    work_region_code: { type: 'string', title: '工作单位行政区划代码', pattern: REGION_CODE_PATTERN },
    is_civil_servant: dsl('是否公务员', bool('是否公务员或参公人员')),
    is_retired: bool('是否离退休人员'),
    integrity: obj('诚信记录', {
      blacklisted: bool('是否列入失信黑名单'),
      violations: list(
        '违规记录',
        obj('违规记录', {
          kind: str('违规类型'),
          decided_on: date('处理决定日期'),
          ban_until: date('禁止申报截止日期')
        })
      )
    }),
    education: dsl('学历', list(
      '学历学位',
      obj('学历学位', {
        degree: dsl('学位', oneOf('学历学位', { college: '大专', bachelor: '本科', master: '硕士', doctor: '博士' })),
        awarded_on: dsl('授予日期', date('取得日期'))
      })
    )),
    current_title: currentTitle,
    annual_assessments: list(
      '年度考核',
      obj('年度考核', {
        year: int('考核年度'),
        result: oneOf('考核结果', {
          excellent: '优秀',
          competent: '合格',
          basic: '基本合格',
          incompetent: '不合格'
        })
      })
    ),
    continuing_education: list(
      '继续教育',
      obj('继续教育', {
        year: dsl('继续教育年度', int('年度')),
        total_hours: hours('总学时'),
        professional_hours: hours('专业科目学时')
      })
    ),
    achievements: obj('业绩', {
      contracts: list(
        '技术合同',
        obj('技术合同', {
          registration_no: str('合同登记编号'),
          kind: oneOf('合同类型', {
            development: '技术开发',
            transfer: '技术转让',
            license: '技术许可',
            consulting: '技术咨询',
            service: '技术服务'
          }),
          signed_on: date('签订日期'),
          amount_yuan: yuan('成交金额'),
          role: oneOf('合同角色', { lead: '主持', member: '参与' })
        })
      ),
      transformations: list(
        '成果转化项目',
        obj('成果转化项目', {
          name: str('项目名称'),
          completed_on: date('完成日期'),
          role: oneOf('项目角色', { host: '主持', participant: '参与' }),
          value_yuan: yuan('转化金额')
        })
      ),
      enterprise_services: list(
        '服务企业',
        obj('服务企业', {
          enterprise: str('企业名称'),
          served_on: date('服务日期')
        })
      ),
      platforms: list(
        '技术转移平台',
        obj('技术转移平台', {
          name: str('平台名称'),
          level: oneOf('平台级别', {
            national: '国家级',
            provincial: '省级',
            municipal: '市级',
            district: '区县级'
          }),
          role: oneOf('平台角色', { builder: '建设', operator: '运营', member: '成员' }),
          established_on: date('建立日期')
        })
      ),
      awards: list(
        '奖项',
        obj('奖项', {
          name: str('奖项名称'),
          level: oneOf('奖项级别', { national: '国家级', provincial: '省级', municipal: '市级' }),
          grade: oneOf('奖励等级', { special: '特等奖', first: '一等奖', second: '二等奖', third: '三等奖' }),
          rank: { ...int('排名'), minimum: 1 },
          awarded_on: date('获奖日期')
        })
      ),
      trainings: list(
        '培训授课',
        obj('培训授课', {
          title: str('培训主题'),
          held_on: date('举办日期'),
          hours: hours('学时'),
          role: oneOf('培训角色', { lecturer: '授课', organizer: '组织' })
        })
      )
    })
  })
};
