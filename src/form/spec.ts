/**
 * The form 部门整体绩效目标申报表 as data. The template writer lays it out, the locator looks for its
 * labels, the reader types its cells, the rules and fills know what is typed and what is computed —
 * all from this one description.
 */

/** The labels of a place on the form; the first is the one the template writes, the rest are accepted variants. */
export type Labels = readonly string[];

export type ValueType = 'amount' | 'share' | 'changeRate' | 'text' | 'date' | 'phone' | 'indicatorValue' | 'year' | 'choice';

/** Who fills a cell: the user types it, or the add-in computes it from others. */
export type CellRole = 'typed' | 'computed';

export interface FundingItemSpec {
  key: string;
  label: string;
  aliases?: Labels;
  /** The template versions that print this item (absent: the current one). */
  versions?: readonly TemplateVersion[];
}

/**
 * The template's versions seen in filed forms: the current one (收入 财政拨款/财政专户管理资金/单位资金, 支出
 * 人员类/运转类/特定目标类) and the older one (收入 财政拨款/其他资金, 支出 基本支出/项目支出, year headers
 * printed blank as 年, 目标值 for 指标值). Every label of every version is accepted; rules that depend on the
 * framework (特定目标类 = the projects' sum) apply only where their items are present.
 */
export type TemplateVersion = 'current' | 'older';
export const TEMPLATE_VERSIONS: Record<TemplateVersion, { zh: string; items: readonly string[] }> = {
  current: { zh: '现行版', items: ['财政拨款', '财政专户管理资金', '单位资金', '人员类项目支出', '运转类项目支出', '特定目标类项目支出'] },
  older: { zh: '旧版', items: ['财政拨款', '其他资金', '基本支出', '项目支出'] },
};

export interface FundingGroupSpec {
  key: 'income' | 'expense';
  label: string; // as the template writes it (with its line break)
  labels: Labels;
  items: readonly FundingItemSpec[];
}

export interface ColumnSpec {
  key: string;
  labels: Labels;
  type: ValueType;
  role: CellRole;
  unit?: string;
}

export const FORM_TITLE = '部门整体绩效目标申报表';
/** The title as each version of the template prints it (older versions say 支出, some drop 申报). */
export const FORM_TITLES: Labels = [FORM_TITLE, '部门整体支出绩效目标申报表', '部门整体支出绩效目标表', '部门整体绩效目标表'];
export const AMOUNT_UNIT = '万元';

export const HEADER_FIELDS = {
  date: { labels: ['填报日期'], type: 'date', role: 'typed' },
  unit: { labels: ['单位'], type: 'text', role: 'typed' },
  deptName: { labels: ['部门（单位）名称', '部门名称', '单位名称', '部门(单位)名称'], type: 'text', role: 'typed' },
  filler: { labels: ['填报人'], type: 'text', role: 'typed' },
  phone: { labels: ['联系电话', '电话'], type: 'phone', role: 'typed' },
} as const;

export type HeaderKey = keyof typeof HEADER_FIELDS;

export const TOTAL_LABELS: Labels = ['合计', '合  计', '总计'];

export const FUNDING = {
  sectionLabels: ['部门总体资金情况'] as Labels,
  overallLabels: ['总体资金情况'] as Labels,
  columns: {
    current: { key: 'current', labels: ['当年金额', '当年预算金额', '本年金额'], type: 'amount', role: 'typed', unit: AMOUNT_UNIT },
    share: { key: 'share', labels: ['占比'], type: 'share', role: 'computed' },
    prior: { key: 'prior', labels: ['近两年收支金额', '近两年金额'], type: 'amount', role: 'typed', unit: AMOUNT_UNIT },
    change: { key: 'change', labels: ['增减变动率', '增减率', '变动率'], type: 'changeRate', role: 'computed' },
    changeCurrent: { key: 'changeCurrent', labels: ['当年较上年'], type: 'changeRate', role: 'computed' },
    changePrior: { key: 'changePrior', labels: ['上年较前年'], type: 'changeRate', role: 'computed' },
  } satisfies Record<string, ColumnSpec>,
  groups: [
    {
      key: 'income',
      label: '收入\n构成',
      labels: ['收入构成'],
      items: [
        { key: 'fiscal', label: '财政拨款' },
        { key: 'specialAccount', label: '财政专户管理资金' },
        { key: 'unitFunds', label: '单位资金' },
        { key: 'otherFunds', label: '其他资金', versions: ['older'] },
      ],
    },
    {
      key: 'expense',
      label: '支出\n构成',
      labels: ['支出构成'],
      items: [
        { key: 'personnel', label: '人员类项目支出' },
        { key: 'operating', label: '运转类项目支出' },
        { key: 'targeted', label: '特定目标类项目支出' },
        { key: 'basic', label: '基本支出', versions: ['older'] },
        { key: 'project', label: '项目支出', versions: ['older'] },
      ],
    },
  ] as readonly FundingGroupSpec[],
} as const;

/** The items the current template prints (the older versions' items are read, never written). */
export function currentItems(group: FundingGroupSpec): readonly FundingItemSpec[] {
  return group.items.filter((i) => !i.versions || i.versions.includes('current'));
}

export const TEXT_SECTIONS = {
  functions: { labels: ['部门职能概述', '部门职能'] as Labels },
  tasks: { labels: ['年度工作任务'] as Labels },
} as const;

export const PROJECT_CATEGORIES = ['人员类', '运转类', '特定目标类'] as const;
/** The project category whose 本年度预算 add up to 特定目标类项目支出. */
export const TARGETED_CATEGORY = '特定目标类';
export const TARGETED_ITEM_KEY = 'targeted';

export const PROJECTS = {
  sectionLabels: ['项目支出情况'] as Labels,
  columns: {
    name: { key: 'name', labels: ['项目名称'], type: 'text', role: 'typed' },
    category: { key: 'category', labels: ['支出项目类别', '项目类别'], type: 'choice', role: 'typed' },
    total: { key: 'total', labels: ['项目总预算'], type: 'amount', role: 'typed', unit: AMOUNT_UNIT },
    current: { key: 'current', labels: ['项目本年度预算', '本年度预算'], type: 'amount', role: 'typed', unit: AMOUNT_UNIT },
    purpose: { key: 'purpose', labels: ['项目主要支出方向和用途', '主要支出方向和用途'], type: 'text', role: 'typed' },
  } satisfies Record<string, ColumnSpec>,
  /** Rows the template leaves for projects. */
  templateRows: 20,
} as const;

export const GOALS = {
  sectionLabels: ['整体绩效总目标'] as Labels,
  /** Prefixes: the long-term header carries its horizon, 长期目标（截止2025年）. */
  longTermPrefix: '长期目标',
  annualPrefix: '年度目标',
} as const;

export const INDICATOR_BASES = ['计划标准', '行业标准', '历史标准', '预算支出标准', '其他标准'] as const;
export const INDICATOR_CATEGORIES = ['绩效基本型', '绩效创新型'] as const;

export const INDICATORS = {
  longTermSectionLabels: ['长期绩效指标'] as Labels,
  annualSectionLabels: ['年度绩效指标'] as Labels,
  columns: {
    level1: { key: 'level1', labels: ['一级指标'], type: 'text', role: 'typed' },
    level2: { key: 'level2', labels: ['二级指标'], type: 'text', role: 'typed' },
    level3: { key: 'level3', labels: ['三级指标'], type: 'text', role: 'typed' },
    value: { key: 'value', labels: ['指标值', '目标值'], type: 'indicatorValue', role: 'typed' },
    history: { key: 'history', labels: ['近两年指标值'], type: 'indicatorValue', role: 'typed' },
    current: { key: 'current', labels: ['预期当年实现值', '当年预期实现值'], type: 'indicatorValue', role: 'typed' },
    basis: { key: 'basis', labels: ['指标值确定依据'], type: 'choice', role: 'typed' },
    category: { key: 'category', labels: ['指标分类'], type: 'choice', role: 'typed' },
  } satisfies Record<string, ColumnSpec>,
} as const;

/** The first-level indicators of the department-wide framework, in their usual order. */
export const LEVEL1_INDICATORS = ['运行成本', '管理效率', '履职效能', '社会效应', '可持续发展能力', '满意度'] as const;

/** Labels that start a new part of the form; a table that is being read ends at the next of these. */
export const SECTION_STARTS: Labels = [
  ...FUNDING.sectionLabels,
  ...TEXT_SECTIONS.functions.labels,
  ...TEXT_SECTIONS.tasks.labels,
  ...PROJECTS.sectionLabels,
  ...GOALS.sectionLabels,
  ...INDICATORS.longTermSectionLabels,
  ...INDICATORS.annualSectionLabels,
];

/**
 * A year header the template prints blank for the filler to complete (`年`, `    年`): a year column whose
 * year is unknown.
 */
export const BLANK_YEAR_HEADERS: Labels = ['年', '年度'];

/** What the locator reports it looked for when it finds no form. */
export const KEY_LABELS: Labels = [
  FORM_TITLE,
  '填报日期',
  FUNDING.columns.current.labels[0],
  FUNDING.columns.share.labels[0],
  FUNDING.groups[0].labels[0],
  FUNDING.groups[1].labels[0],
  TOTAL_LABELS[0],
  PROJECTS.columns.name.labels[0],
  INDICATORS.columns.level1.labels[0],
  INDICATORS.columns.level3.labels[0],
  INDICATORS.columns.current.labels[0],
];

/** Number formats the template and the fills use. */
export const FORMATS = {
  amount: '0.00',
  share: '0.00%',
  changeRate: '0.00%',
  date: 'yyyy"年"m"月"d"日"',
} as const;
