/**
 * 联系电话 written as a local landline without its area code (6296906): normal on county forms, where
 * everyone dials locally, but the finance bureau in the city cannot call it as written. A warning.
 */
import { defineRule } from './rule';
import { isLocalLandline, phoneText } from './header-phone';

export default defineRule({
  meta: {
    id: 'header-phone-local',
    severity: 'warning',
    section: 'header',
    description: { 'zh-CN': '联系电话为本地固定电话时宜加区号', 'en-US': 'A local landline as contact phone had better carry its area code' },
    messages: {
      noAreaCode: {
        'zh-CN': '联系电话“{value}”是未加区号的本地固定电话，外地无法直接拨打，建议加上区号',
        'en-US': 'Contact phone “{value}” is a local landline without area code; callers elsewhere cannot dial it as written',
      },
    },
  },
  check(ctx, report) {
    const field = ctx.form.header.phone;
    if (!field) return;
    const text = phoneText(ctx.cell(field.value)?.value);
    if (text !== null && isLocalLandline(text)) report({ messageId: 'noAreaCode', cells: [field.value], data: { value: text } });
  },
});
