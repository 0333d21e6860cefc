/**
 * The profile "host at ExcelApi 1.20 running the local office.js 1.1.110" is taken from the library itself:
 * every member the adapter feature-detects is looked up in the package's Excel script, and exactly the ones
 * that script lacks are the ones the profile removes.
 */
import fs from 'fs';
import path from 'path';
import { LOCAL_OFFICE_JS_1_1_110 } from '../support/strict-excel';
import { capabilities, libraryHas } from '../../src/excel/host';
import { hostOf } from './helpers';
import { StrictExcel } from '../support/strict-excel';

const LIBRARY = path.join(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist', 'excel-win32-16.01.debug.js');

/** The members src/excel/host.ts probes (capabilities), as Type.member. */
const PROBED = [
  'Workbook.settings',
  'Application.suspendApiCalculationUntilNextSync',
  'Worksheet.onChanged',
  'WorksheetCollection.onActivated',
  'WorksheetCollection.onChanged',
  'Worksheet.getRanges',
  'Range.getCellProperties',
  'RangeFill.tintAndShade',
  'Worksheet.comments',
  'Range.getMergedAreasOrNullObject',
  'Worksheet.notes',
  'RangeAreas.select',
];

function defines(source: string, member: string): boolean {
  const [type, name] = member.split('.');
  return source.includes(`Object.defineProperty(${type}.prototype, "${name}"`) || source.includes(`${type}.prototype.${name} = function`);
}

describe('the bundled office.js (1.1.110)', () => {
  const source = fs.readFileSync(LIBRARY, 'utf8');

  it('lacks exactly the members the profile removes', () => {
    const missing = PROBED.filter((m) => !defines(source, m));
    expect(missing).toEqual(['Worksheet.notes', 'RangeAreas.select']);
    // RunOptions.mergeUndoGroup: Excel.run's option handling never mentions it (only delayForCellEdit).
    expect(source.includes('mergeUndoGroup')).toBe(false);
    expect(source.includes('excelOptions.delayForCellEdit')).toBe(true);
    expect(LOCAL_OFFICE_JS_1_1_110.missingMembers).toEqual([...missing, 'RunOptions.mergeUndoGroup']);
  });

  it('gives the same capabilities through the real-library probe as through the profile', () => {
    // A stand-in for the global Excel namespace: each probed class with exactly the members the script defines.
    const excel: Record<string, { prototype: object }> = {};
    for (const m of PROBED) {
      const [type, name] = m.split('.');
      excel[type] ??= { prototype: {} };
      if (defines(source, m)) Object.defineProperty(excel[type].prototype, name, { value: 1 });
    }
    const fromLibrary = Object.fromEntries(PROBED.map((m) => [m, libraryHas(excel, m)]));
    const xl = new StrictExcel({ profile: LOCAL_OFFICE_JS_1_1_110 });
    const fromProfile = Object.fromEntries(PROBED.map((m) => [m, !xl.isMissing(m)]));
    expect(fromProfile).toEqual(fromLibrary);
    expect(capabilities(hostOf(xl))).toMatchObject({ notes: false, selectAreas: false, comments: true, cellProperties: true, fillTint: true });
  });
});
