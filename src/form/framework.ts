/**
 * The department-wide indicator framework (部门整体绩效指标框架): the 一级 and 二级 indicators every
 * department fills, with the number of empty rows the blank template leaves under each 二级. The 三级
 * indicators are the department's own and are never pre-filled.
 */
import { LEVEL1_INDICATORS } from './spec';

export interface FrameworkLevel2 {
  level1: (typeof LEVEL1_INDICATORS)[number];
  level2: string;
  /** Empty 三级 rows the template leaves under this 二级. */
  rows: number;
}

export const INDICATOR_FRAMEWORK: readonly FrameworkLevel2[] = [
  { level1: '运行成本', level2: '公用经费控制', rows: 1 },
  { level1: '运行成本', level2: '在职人员控制', rows: 1 },
  { level1: '运行成本', level2: '项目支出成本控制', rows: 2 },
  { level1: '管理效率', level2: '战略管理', rows: 2 },
  { level1: '管理效率', level2: '预算编制', rows: 3 },
  { level1: '管理效率', level2: '预算执行', rows: 3 },
  { level1: '管理效率', level2: '绩效管理', rows: 3 },
  { level1: '管理效率', level2: '资产管理', rows: 2 },
  { level1: '管理效率', level2: '财务管理', rows: 2 },
  { level1: '履职效能', level2: '核心业务产出', rows: 6 },
  { level1: '社会效应', level2: '经济效益', rows: 1 },
  { level1: '社会效应', level2: '社会效益', rows: 1 },
  { level1: '社会效应', level2: '生态效益', rows: 1 },
  { level1: '可持续发展能力', level2: '体制机制改革', rows: 1 },
  { level1: '可持续发展能力', level2: '人才支撑', rows: 2 },
  { level1: '可持续发展能力', level2: '科技支撑', rows: 1 },
  { level1: '满意度', level2: '服务对象满意度', rows: 2 },
];

/**
 * The year a long-term goal runs to by default: the end of the five-year plan the budget year falls in
 * (plans run 2021–2025, 2026–2030, …; the filed 2024 example runs to 2025).
 */
export function planEndYear(budgetYear: number): number {
  return 2025 + 5 * Math.ceil((budgetYear - 2025) / 5);
}
