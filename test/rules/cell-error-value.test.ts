import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('cell-error-value', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'an error value outside the form', grid: edited((put) => put('K5', { error: '#REF!' })) },
    { name: 'error text inside longer text', grid: form((f) => (f.functions = '公式出现 #REF! 时请检查引用')) },
  ],
  invalid: [
    {
      name: 'a #REF! amount',
      grid: edited((put, at) => put(at.funding('expense', 'personnel', 'current'), { error: '#REF!' })),
      errors: (at) => [{ messageId: 'error', cells: [at.funding('expense', 'personnel', 'current')], data: { code: '#REF!' }, says: ['#REF!'] }],
    },
    {
      name: 'a #DIV/0! change rate (a computed cell)',
      grid: edited((put, at) => put(at.funding('income', 'total', 'changeCurrent'), { error: '#DIV/0!' }, { formula: '=(D9-F9)/F9' })),
      errors: [{ messageId: 'error', cells: ['H9'], data: { code: '#DIV/0!' }, says: ['#DIV/0!'] }],
    },
    {
      name: 'error text typed into an indicator value',
      grid: edited((put, at) => put(at.indicator('annual', '预算执行率', 'value'), '#N/A')),
      errors: (at) => [{ messageId: 'error', cells: [at.indicator('annual', '预算执行率', 'value')], data: { code: '#N/A' }, says: ['#N/A'] }],
    },
    {
      name: 'several, in form order: header, funding, projects, indicators',
      grid: edited((put, at) => {
        put(at.indicator('longTerm', '预算执行率', 'basis'), { error: '#NAME?' });
        put(at.project(2, 'total'), { error: '#VALUE!' });
        put(at.funding('income', 'fiscal', 'share'), { error: '#NUM!' });
        put(at.header('phone'), { error: '#N/A' });
      }),
      errors: (at) => [
        { messageId: 'error', cells: [at.header('phone')], data: { code: '#N/A' } },
        { messageId: 'error', cells: [at.funding('income', 'fiscal', 'share')], data: { code: '#NUM!' } },
        { messageId: 'error', cells: [at.project(2, 'total')], data: { code: '#VALUE!' } },
        { messageId: 'error', cells: [at.indicator('longTerm', '预算执行率', 'basis')], data: { code: '#NAME?' } },
      ],
    },
    {
      name: 'a number too large to be one',
      grid: edited((put, at) => put(at.funding('income', 'fiscal', 2023), Infinity)),
      errors: (at) => [{ messageId: 'error', cells: [at.funding('income', 'fiscal', 2023)], data: { code: '#NUM!' } }],
    },
  ],
});
