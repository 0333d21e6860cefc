/** Requirement sets said as Excel versions (Microsoft's requirement-set table, cited in src/i18n/excel-versions.ts). */
import { EXCEL_API_SUPPORT, excelVersionsWith } from '../src/i18n/excel-versions';

describe('excelVersionsWith', () => {
  it('names the one-time-purchase Excel that first has a set, and Microsoft 365 builds', () => {
    expect(excelVersionsWith('1.1', 'en-US')).toBe('Excel 2016 or later (one-time purchase), Microsoft 365 (Windows version 1509 or later), Excel for Mac 15.20 or later, or Excel on the web');
    expect(excelVersionsWith('1.8', 'zh-CN')).toBe('Excel 2021 或更新的一次性购买版、Microsoft 365 订阅版（Windows 版本 1808 及以后）、Mac 版 16.17 及以后，或 Excel 网页版');
    expect(excelVersionsWith('1.17', 'en-US')).toMatch(/^Excel 2024 or later/);
    // 1.18 and later: no one-time purchase has them.
    expect(excelVersionsWith('1.18', 'zh-CN')).toBe('Microsoft 365 订阅版（Windows 版本 2501 及以后）、Mac 版 16.93 及以后，或 Excel 网页版');
    expect(excelVersionsWith('9.9', 'en-US')).toBeUndefined();
  });

  it('every set the add-in feature-detects is in the table, and later sets never need older Excel', () => {
    const sets = Object.keys(EXCEL_API_SUPPORT).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
    expect(sets[0]).toBe('1.1');
    expect(sets.at(-1)).toBe('1.20');
    const order = ['2016', '2019', '2021', '2024', null];
    for (let i = 1; i < sets.length; i++) {
      const [a, b] = [EXCEL_API_SUPPORT[sets[i - 1]], EXCEL_API_SUPPORT[sets[i]]];
      expect(Number(b.windows)).toBeGreaterThan(Number(a.windows));
      expect(order.indexOf(b.perpetual)).toBeGreaterThanOrEqual(order.indexOf(a.perpetual));
    }
  });
});
