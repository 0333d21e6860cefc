import { edited, form, ruleTester, type ValidCase } from './rule-tester';
import type { CellValue } from '../../src/grid/types';
import { paperGrid } from '../support/forms';

const phone = (value: CellValue) => edited((put, at) => put(at.header('phone'), value));

const validPhones: [string, CellValue][] = [
  ['a mobile', '13912345678'],
  ['a mobile stored as a number', 13912345678],
  ['a mobile with +86 and dashes', '+86 139-1234-5678'],
  ['a landline with a bracketed area code', '(027)60830624'],
  ['a landline with a 4-digit area code', '0711-3212345'],
  ['a landline with an extension', '027-60830624转8001'],
  ['two numbers', '027-60830624，13912345678'],
  ['full-width digits and dash', '０２７－６０８３０６２４'],
  ['a 400 service number', '4008123123'],
  ['a local landline without area code (header-phone-local warns)', '60830624'],
  ['a 7-digit county landline (header-phone-local warns)', '6296906'],
];

ruleTester('header-phone', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'an empty phone (header-required reports it)', grid: form((f) => (f.phone = null)) },
    { name: 'an error value (cell-error-value reports it)', grid: phone({ error: '#N/A' }) },
    ...validPhones.map(([name, v]): ValidCase => ({ name, grid: phone(v) })),
  ],
  invalid: [
    {
      name: 'five digits',
      grid: phone('12345'),
      errors: (at) => [{ messageId: 'invalid', cells: [at.header('phone')], data: { value: '12345' }, says: ['12345'] }],
    },
    { name: 'five digits stored as a number', grid: phone(12345), errors: [{ messageId: 'invalid', cells: ['H3'], data: { value: '12345' }, says: ['12345'] }] },
    { name: 'a mobile one digit short', grid: phone('1391234567'), errors: [{ messageId: 'invalid', cells: ['H3'], says: ['1391234567'] }] },
    { name: 'a good and a bad number', grid: phone('027-60830624，12345'), errors: [{ messageId: 'invalid', cells: ['H3'], says: ['027-60830624，12345'] }] },
    { name: 'a name instead of a number', grid: phone('罗莉'), errors: [{ messageId: 'invalid', cells: ['H3'], says: ['罗莉'] }] },
    { name: 'TRUE', grid: phone(true), errors: [{ messageId: 'invalid', cells: ['H3'], data: { value: 'TRUE' }, says: ['TRUE'] }] },
  ],
});
