/**
 * Which Excel versions have a requirement set, in words a user can check against File → Account, instead of
 * "ExcelApi 1.7". Minimum builds from Microsoft's table "Excel JavaScript API requirement sets"
 * (https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * Microsoft 365 on Windows (version), the volume-licensed one-time purchase that first has it (Office 2016 has
 * only 1.1; 2019 up to 1.7; 2021 up to 1.14; 2024 up to 1.17; none has 1.18 or later), and Excel for Mac.
 * Excel on the web has every numbered set.
 */
import type { Locale } from '../rules/rule';

interface SetSupport {
  /** Microsoft 365 on Windows: the first version (yymm) with the set. */
  windows: string;
  /** The first one-time-purchase Office with the set; null when only Microsoft 365 has it. */
  perpetual: '2016' | '2019' | '2021' | '2024' | null;
  mac: string;
}

export const EXCEL_API_SUPPORT: Record<string, SetSupport> = {
  '1.1': { windows: '1509', perpetual: '2016', mac: '15.20' },
  '1.2': { windows: '1601', perpetual: '2019', mac: '15.22' },
  '1.3': { windows: '1608', perpetual: '2019', mac: '15.27' },
  '1.4': { windows: '1701', perpetual: '2019', mac: '15.36' },
  '1.5': { windows: '1703', perpetual: '2019', mac: '15.36' },
  '1.6': { windows: '1704', perpetual: '2019', mac: '15.36' },
  '1.7': { windows: '1801', perpetual: '2019', mac: '16.9' },
  '1.8': { windows: '1808', perpetual: '2021', mac: '16.17' },
  '1.9': { windows: '1903', perpetual: '2021', mac: '16.24' },
  '1.10': { windows: '1907', perpetual: '2021', mac: '16.30' },
  '1.11': { windows: '2002', perpetual: '2021', mac: '16.33' },
  '1.12': { windows: '2008', perpetual: '2021', mac: '16.40' },
  '1.13': { windows: '2102', perpetual: '2021', mac: '16.50' },
  '1.14': { windows: '2108', perpetual: '2021', mac: '16.52' },
  '1.15': { windows: '2202', perpetual: '2024', mac: '16.58' },
  '1.16': { windows: '2208', perpetual: '2024', mac: '16.64' },
  '1.17': { windows: '2302', perpetual: '2024', mac: '16.70' },
  '1.18': { windows: '2501', perpetual: null, mac: '16.93' },
  '1.19': { windows: '2504', perpetual: null, mac: '16.96' },
  '1.20': { windows: '2509', perpetual: null, mac: '16.100' },
};

/**
 * "Excel 2019 或更新的一次性购买版、Microsoft 365（Windows 版本 1801 及以后）、Mac 版 16.9 及以后，或 Excel 网页版"
 * for ExcelApi 1.7; undefined for a set not in the table.
 */
export function excelVersionsWith(set: string, locale: Locale): string | undefined {
  const s = EXCEL_API_SUPPORT[set];
  if (!s) return undefined;
  if (locale === 'zh-CN') {
    const perpetual = s.perpetual ? `Excel ${s.perpetual} 或更新的一次性购买版、` : '';
    return `${perpetual}Microsoft 365 订阅版（Windows 版本 ${s.windows} 及以后）、Mac 版 ${s.mac} 及以后，或 Excel 网页版`;
  }
  const perpetual = s.perpetual ? `Excel ${s.perpetual} or later (one-time purchase), ` : '';
  return `${perpetual}Microsoft 365 (Windows version ${s.windows} or later), Excel for Mac ${s.mac} or later, or Excel on the web`;
}
