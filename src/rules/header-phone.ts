/** 联系电话 is a Chinese phone number: a mobile (1xx xxxx xxxx) or a landline with its area code. */
import { defineRule } from './rule';
import { toHalfWidth } from '../form/labels';

const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(\+?86)?0\d{2,3}\d{7,8}(\d{1,6})?$/;
const SERVICE = /^(400|800)\d{7}$/;
/** A local landline without its area code (7 digits in counties, 8 in cities): normal on county forms. */
const LOCAL = /^[2-9]\d{6,7}(转\d{1,6})?$/;

function phoneParts(text: string): string[] {
  return text
    .split(/[,，;；/、]|或/)
    .map((p) => toHalfWidth(p).replace(/[\s\-()（）]/g, '').replace(/转/g, ''))
    .filter((p) => p !== '');
}

export function isChinesePhone(text: string): boolean {
  return phoneParts(text).every((p) => MOBILE.test(p) || LANDLINE.test(p) || SERVICE.test(p));
}

/** Numbers that are valid but for a missing area code (each part a phone, at least one of them local). */
export function isLocalLandline(text: string): boolean {
  const parts = phoneParts(text);
  return parts.some((p) => LOCAL.test(p)) && parts.every((p) => LOCAL.test(p) || MOBILE.test(p) || LANDLINE.test(p) || SERVICE.test(p));
}

/** The phone cell's text, or null when there is nothing for the phone rules to read. */
export function phoneText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'number' || typeof value === 'boolean' ? String(value).toUpperCase() : typeof value === 'string' ? value : '';
  return text.trim() === '' ? null : text;
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
    // TRUE/FALSE is no phone number either; error values are the error-value rule's finding.
    const text = phoneText(ctx.cell(field.value)?.value);
    // A local number without its area code is header-phone-local's (a warning), not an error.
    if (text === null || isChinesePhone(text) || isLocalLandline(text)) return;
    report({ messageId: 'invalid', cells: [field.value], data: { value: text } });
  },
});
