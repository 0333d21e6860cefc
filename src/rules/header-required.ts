/** 填报日期, 部门（单位）名称, 填报人 and 联系电话 are filled in. */
import { defineRule } from './rule';
import type { HeaderKey } from '../form/spec';

const NAMES: Record<'date' | 'deptName' | 'filler' | 'phone', { zh: string; en: string }> = {
  date: { zh: '填报日期', en: 'filing date' },
  deptName: { zh: '部门（单位）名称', en: 'department name' },
  filler: { zh: '填报人', en: 'person filing' },
  phone: { zh: '联系电话', en: 'contact phone' },
};

export default defineRule({
  meta: {
    id: 'header-required',
    severity: 'error',
    section: 'header',
    description: { 'zh-CN': '表头必填项：填报日期、部门名称、填报人、联系电话', 'en-US': 'Header fields are filled in: date, department, person filing, phone' },
    messages: {
      missing: { 'zh-CN': '未填写{field}', 'en-US': 'The {fieldEn} is missing' },
      badDate: { 'zh-CN': '填报日期“{value}”无法识别为日期', 'en-US': 'Filing date “{value}” is not a date' },
    },
  },
  check(ctx, report) {
    for (const key of Object.keys(NAMES) as (keyof typeof NAMES & HeaderKey)[]) {
      const field = ctx.form.header[key];
      const data = { field: NAMES[key].zh, fieldEn: NAMES[key].en };
      if (!field) {
        const anchor = ctx.form.title ?? ctx.form.funding?.currentHeader;
        if (anchor) report({ messageId: 'missing', cells: [anchor], data });
        continue;
      }
      const empty = field.inline !== undefined ? field.inline.trim() === '' : ctx.isEmpty(field.value);
      if (empty) {
        report({ messageId: 'missing', cells: [field.value], data });
      } else if (key === 'date' && !ctx.filingDate()) {
        const v = ctx.parsed(field.value);
        report({ messageId: 'badDate', cells: [field.value], data: { value: field.inline ?? (v.kind === 'text' ? v.text : String(ctx.cell(field.value)?.value ?? '')) } });
      }
    }
  },
});
