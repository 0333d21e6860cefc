import { edited, form, ruleTester } from './rule-tester';
import type { CellValue } from '../../src/grid/types';

const phone = (value: CellValue) => edited((put, at) => put(at.header('phone'), value));

ruleTester('header-phone-local', {
  valid: [
    { name: 'the clean form (027-60830624)', grid: form() },
    { name: 'a mobile', grid: phone('13912345678') },
    { name: 'a landline with its area code', grid: phone('0711-6296906') },
    { name: 'five digits (header-phone reports it as an error)', grid: phone('12345') },
    { name: 'a name (header-phone reports it)', grid: phone('罗莉') },
  ],
  invalid: [
    {
      name: 'a 7-digit county landline',
      grid: phone('6296906'),
      errors: (at) => [{ messageId: 'noAreaCode', cells: [at.header('phone')], data: { value: '6296906' }, says: ['6296906'] }],
    },
    { name: 'stored as a number', grid: phone(6296906), errors: (at) => [{ messageId: 'noAreaCode', cells: [at.header('phone')], says: ['6296906'] }] },
    { name: 'an 8-digit city landline with a dash', grid: phone('6083-0624'), errors: (at) => [{ messageId: 'noAreaCode', cells: [at.header('phone')], says: ['6083-0624'] }] },
    { name: 'a mobile and a local landline', grid: phone('13912345678，6296906'), errors: (at) => [{ messageId: 'noAreaCode', cells: [at.header('phone')], says: ['6296906'] }] },
  ],
});
