import { edited, form, ruleTester } from './rule-tester';

// Formulas the engine computes itself (SUM, + and −) are not this rule's: see test/grid/formulas.test.ts.
ruleTester('formula-no-result', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'a formula with its stored result', grid: edited((put, at) => put(at.funding('income', 'total', 'current'), 7969.3, { formula: '=SUM(D6:D8)' })) },
  ],
  invalid: [
    {
      name: 'a lookup formula saved without its result',
      grid: edited((put, at) => put(at.funding('income', 'total', 'current'), null, { formula: '=VLOOKUP(A1,Sheet2!A:B,2,FALSE)' })),
      errors: (at) => [{ messageId: 'recalc', cells: [at.funding('income', 'total', 'current')], data: { count: 1 }, says: [at.funding('income', 'total', 'current')], zh: ['重新计算'], en: ['recalculate'] }],
    },
  ],
});
