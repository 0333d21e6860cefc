/** Every rule, in the order reports are listed. docs/rules.md is generated from this list. */
import type { Rule } from './rule';
import formPartBlank from './form-part-blank';
import headerRequired from './header-required';
import headerPhone from './header-phone';
import headerPhoneLocal from './header-phone-local';
import formPartMissing from './form-part-missing';
import formulaNoResult from './formula-no-result';
import fundingAmountYuan from './funding-amount-yuan';
import headerYears from './header-years';
import fundingTotal from './funding-total';
import fundingBalance from './funding-balance';
import fundingShare from './funding-share';
import fundingSharesSum from './funding-shares-sum';
import fundingShareMissing from './funding-share-missing';
import fundingChange from './funding-change';
import projectBudget from './project-budget';
import projectTargetedSum from './project-targeted-sum';
import projectCategory from './project-category';
import indicatorEmpty from './indicator-empty';
import indicatorHistoryEmpty from './indicator-history-empty';
import indicatorBasis from './indicator-basis';
import indicatorCategory from './indicator-category';
import indicatorRatePercent from './indicator-rate-percent';
import indicatorUnit from './indicator-unit';
import indicatorNameMatch from './indicator-name-match';
import indicatorLevel1Coverage from './indicator-level1-coverage';
import indicatorLevel2Coverage from './indicator-level2-coverage';
import indicatorDuplicate from './indicator-duplicate';
import cellErrorValue from './cell-error-value';
import hygieneNumberAsText from './hygiene-number-as-text';
import hygieneStraySpace from './hygiene-stray-space';
import hygieneFullWidth from './hygiene-full-width';

export const RULES: readonly Rule[] = [
  formPartMissing,
  formPartBlank,
  formulaNoResult,
  headerRequired,
  headerPhone,
  headerPhoneLocal,
  headerYears,
  fundingTotal,
  fundingAmountYuan,
  fundingBalance,
  fundingShare,
  fundingSharesSum,
  fundingShareMissing,
  fundingChange,
  projectBudget,
  projectTargetedSum,
  projectCategory,
  indicatorEmpty,
  indicatorHistoryEmpty,
  indicatorBasis,
  indicatorCategory,
  indicatorRatePercent,
  indicatorUnit,
  indicatorNameMatch,
  indicatorLevel1Coverage,
  indicatorLevel2Coverage,
  indicatorDuplicate,
  cellErrorValue,
  hygieneNumberAsText,
  hygieneStraySpace,
  hygieneFullWidth,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
