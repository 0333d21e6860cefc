/** A form's content independent of where it sits on a sheet: what the template writer lays out. */

/** A value as a person types it into a cell ("7969.3", "9.46%", "55种"), or null for an empty cell. */
export type Typed = string | null;

export interface FundingRowData {
  current: Typed;
  share: Typed;
  /** Newer prior year first, in the order of `FormData.priorYears`. */
  prior: [Typed, Typed];
}

export interface FundingGroupData {
  items: Record<string, FundingRowData>;
  total: FundingRowData;
}

export interface ProjectData {
  name: Typed;
  category: Typed;
  total: Typed;
  current: Typed;
  purpose: Typed;
}

/** 一级, 二级, 三级, 指标值, 指标值确定依据, 指标分类 */
export type LongTermRow = [string, string, Typed, Typed, Typed, Typed];
/** 一级, 二级, 三级, the two prior years' values (in `annualYears` order), 预期当年实现值, 依据, 分类 */
export type AnnualRow = [string, string, Typed, Typed, Typed, Typed, Typed, Typed];

export interface FormData {
  date: { year: number; month: number; day: number } | null;
  deptName: Typed;
  filler: Typed;
  phone: Typed;
  /** Column order of the funding table's prior years, newer first (e.g. [2023, 2022]). */
  priorYears: [number, number];
  funding: { income: FundingGroupData; expense: FundingGroupData };
  functions: Typed;
  tasks: Typed;
  projects: ProjectData[];
  longTermHorizon: number | null;
  longTermGoal: Typed;
  annualGoal: Typed;
  longTermGoalRestated: Typed;
  annualGoalRestated: Typed;
  longTerm: LongTermRow[];
  /** Column order of the annual table's prior years (the filed form has them ascending: [2022, 2023]). */
  annualYears: [number, number];
  annual: AnnualRow[];
}
