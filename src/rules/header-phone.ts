/** 联系电话 is a Chinese phone number: a mobile (1xx xxxx xxxx) or a landline with its area code. */
import { defineRule } from './rule';
import { toHalfWidth } from '../form/labels';

const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(\+?86)?0\d{2,3}\d{7,8}(\d{1,6})?$/;
const SERVICE = /^(400|800)\d{7}$/;

export function isChinesePhone(text: string): boolean {
  return text
    .split(/[,，;；/、]|或/)
    .map((p) => toHalfWidth(p).replace(/[\s\-()（）转]/g, ''))
    .filter((p) => p !== '')
    .every((p) => MOBILE.test(p) || LANDLINE.test(p) || SERVICE.test(p));
}

export default defineRule({
  meta: {
    id: 'header-phone',
    severity: 'error',
    section: 'header',
    description: { 'zh-CN': '联系电话为有效的手机号或带区号的固定电话', 'en-US': 'Contact phone is a valid mobile or landline number with area code' },
    messages: {
      invalid: { 'zh-CN': '联系电话“{value}”不是有效的手机号或带区号的固定电话', 'en-US': 'Contact phone “{value}” is not a valid mobile or landline number with area code' },
    },
  },
  check(ctx, report) {
    const field = ctx.form.header.phone;
    if (!field) return;
    const cell = ctx.cell(field.value);
    if (!cell || cell.value === null || cell.value === '') return;
    // TRUE/FALSE is no phone number either; error values are the error-value rule's finding.
    const text = typeof cell.value === 'number' || typeof cell.value === 'boolean' ? String(cell.value).toUpperCase() : typeof cell.value === 'string' ? cell.value : '';
    if (text.trim() === '' || isChinesePhone(text)) return;
    report({ messageId: 'invalid', cells: [field.value], data: { value: text } });
  },
});
