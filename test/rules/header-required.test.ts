import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('header-required', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout, with the date typed into the label cell', grid: paperGrid },
    { name: 'the date typed as text', grid: edited((put, at) => put(at.header('date'), '2024年1月12日')) },
    {
      name: 'the date inline in the label cell of our template',
      grid: edited((put) => {
        put('A2', '填报日期：2024-01-12');
        put('B2', null);
      }),
    },
    { name: 'a mobile number as a number', grid: edited((put, at) => put(at.header('phone'), 13912345678)) },
  ],
  invalid: [
    {
      name: 'no filing date',
      grid: form((f) => (f.date = null)),
      errors: (at) => [{ messageId: 'missing', cells: [at.header('date')], data: { field: '填报日期' }, zh: ['填报日期'], en: ['filing date'] }],
    },
    {
      name: 'no department name',
      grid: form((f) => (f.deptName = null)),
      errors: [{ messageId: 'missing', cells: ['B3'], zh: ['部门（单位）名称'], en: ['department name'] }],
    },
    {
      name: 'a filler of only an ideographic space',
      grid: edited((put, at) => put(at.header('filler'), '\u3000')),
      errors: [{ messageId: 'missing', cells: ['F3'], zh: ['填报人'], en: ['person filing'] }],
    },
    {
      name: 'no phone',
      grid: form((f) => (f.phone = null)),
      errors: [{ messageId: 'missing', cells: ['H3'], zh: ['联系电话'], en: ['contact phone'] }],
    },
    {
      // A header left wholly blank is one form-part-blank finding; with the date typed, each other field is listed.
      name: 'a header with only the date: one finding per empty field, in order',
      grid: form((f) => {
        f.deptName = null;
        f.filler = null;
        f.phone = null;
      }),
      errors: [
        { messageId: 'missing', cells: ['B3'], data: { field: '部门（单位）名称' } },
        { messageId: 'missing', cells: ['F3'], data: { field: '填报人' } },
        { messageId: 'missing', cells: ['H3'], data: { field: '联系电话' } },
      ],
    },
    {
      name: 'a date that is no date',
      grid: edited((put, at) => put(at.header('date'), '明年一月')),
      errors: [{ messageId: 'badDate', cells: ['B2'], data: { value: '明年一月' }, says: ['明年一月'] }],
    },
    {
      name: 'a date with month 13',
      grid: edited((put, at) => put(at.header('date'), '2024年13月5日')),
      errors: [{ messageId: 'badDate', cells: ['B2'], says: ['2024年13月5日'] }],
    },
    {
      name: 'an inline date that is no date (paper layout)',
      grid: edited((put) => put('A2', '填报日期：待定'), paperGrid),
      errors: [{ messageId: 'badDate', cells: ['A2'], data: { value: '待定' }, says: ['待定'] }],
    },
    {
      name: 'an inline label with nothing after it and an empty cell beside',
      grid: edited((put) => {
        put('A2', '填报日期：');
        put('B2', null);
      }),
      errors: [{ messageId: 'missing', cells: ['B2'], data: { field: '填报日期' } }],
    },
    {
      name: 'no 联系电话 label at all: blamed on the title',
      grid: edited((put) => put('G3', null)),
      errors: [{ messageId: 'missing', cells: ['A1'], data: { field: '联系电话' }, zh: ['联系电话'], en: ['contact phone'] }],
    },
    {
      name: 'the paper layout with no filler',
      grid: edited((put) => put('F3', null), paperGrid),
      errors: [{ messageId: 'missing', cells: ['F3'], data: { field: '填报人' } }],
    },
  ],
});
