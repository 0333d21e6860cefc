/** Where the form's parts are on a sheet: what the locator finds, and all that later stages need. */
import type { CellRef } from '../grid/address';
import type { HeaderKey } from '../form/spec';

/** A labelled field: its label cell, and the cell that holds (or should hold) its value. */
export interface FieldMap {
  label: CellRef;
  /** The value cell; equal to `label` when the value is typed into the label cell (填报日期：2024年1月12日). */
  value: CellRef;
  /** Text after the label inside the label cell, when the value is inline. */
  inline?: string;
}

export interface YearColumn {
  col: number;
  year: number | null;
  header: CellRef;
}

export interface FundingRow {
  row: number;
  label: string;
  labelAt: CellRef;
  /** The spec's item key when the label is a known item (fiscal, personnel, …); null for others. */
  key: string | null;
}

export interface FundingGroupMap {
  key: 'income' | 'expense';
  items: FundingRow[];
  total: FundingRow | null;
}

export interface FundingMap {
  headerRow: number;
  currentCol: number;
  currentHeader: CellRef;
  shareCol: number | null;
  shareHeader: CellRef | null;
  /** The prior-year amount columns in sheet order. */
  priorCols: YearColumn[];
  /** Change-rate columns, when the sheet has them (our template does, the paper form does not). */
  changeCurrentCol: number | null;
  changePriorCol: number | null;
  groups: FundingGroupMap[];
}

export interface ProjectsMap {
  headerRow: number;
  cols: { name: number; category: number | null; total: number | null; current: number | null; purpose: number | null };
  /** Rows with anything typed in them. */
  rows: number[];
  /** All rows between the header and the next section, typed or not (the template's empty slots too). */
  slotRows: number[];
}

export interface IndicatorRowMap {
  row: number;
  level1: string;
  level2: string;
  level3: string;
  level1At: CellRef | null;
  level2At: CellRef | null;
}

export interface IndicatorTableMap {
  kind: 'longTerm' | 'annual';
  headerRow: number;
  cols: {
    level1: number;
    level2: number;
    level3: number;
    /** 指标值 of the long-term table, 预期当年实现值 of the annual one. */
    value: number | null;
    basis: number | null;
    category: number | null;
  };
  /** The annual table's prior-year value columns, in sheet order. */
  priorCols: YearColumn[];
  rows: IndicatorRowMap[];
}

export interface FormMap {
  sheetName: string;
  title: CellRef | null;
  header: Partial<Record<HeaderKey, FieldMap>>;
  funding: FundingMap | null;
  texts: {
    functions?: FieldMap;
    tasks?: FieldMap;
    longTermGoal?: FieldMap;
    annualGoal?: FieldMap;
  };
  longTermHorizon: number | null;
  projects: ProjectsMap | null;
  longTerm: IndicatorTableMap | null;
  annual: IndicatorTableMap | null;
}
