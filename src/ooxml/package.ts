/**
 * An opened spreadsheet package (.xlsx / .xlsm): the workbook's sheet list and the parts the form needs,
 * found through relationships as ECMA-376 Part 2 (OPC) lays them out. Whatever else the package holds
 * (charts, drawings, tables, pivots, VBA, custom XML) is never inflated and never parsed.
 */
import { attrLocal, attrs, decodeXml, elements, firstElement, runText } from './xml';
import { DEFAULT_ZIP_LIMITS, openZip, ZipError, type ZipArchive, type ZipLimits } from './zip';

export interface Relationship {
  id: string;
  type: string;
  /** Target resolved to a part name (no leading '/'), or the raw target for external ones. */
  target: string;
  external: boolean;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  sheetId: number;
  relId: string;
  /** Part name of the worksheet, e.g. xl/worksheets/sheet1.xml (undefined for chart sheets and the like). */
  part?: string;
  state: SheetState;
}

export interface CellStyle {
  numFmtId: number;
  /** The <xf> record as stored, cloned when a write needs another look. */
  xml: string;
}

/** Built-in number formats (ECMA-376 Part 1, 18.8.30 numFmt). */
export const BUILTIN_NUMFMTS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export class PackageError extends Error {
  /** 'other-office': the package is a Word or PowerPoint document; 'no-workbook': it has no workbook part. */
  constructor(
    message: string,
    readonly reason: 'no-workbook' | 'other-office' = 'no-workbook',
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

/** Folder of a part name ('xl/workbook.xml' -> 'xl/'). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** A relationship target made a part name: relative to the source part's folder, or absolute from the root. */
export function resolveTarget(source: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : folderOf(source) + target;
  const out: string[] = [];
  for (const seg of decodeURIComponent(raw).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The rels part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export class SpreadsheetPackage {
  readonly workbookPart: string;
  readonly sheets: SheetInfo[];
  private sharedStringsCache?: string[];
  private stylesCache?: { numFmts: Map<number, string>; cellXfs: CellStyle[] };
  private readonly relsCache = new Map<string, Relationship[]>();
  private readonly textCache = new Map<string, string>();

  constructor(readonly zip: ZipArchive) {
    const root = this.rels('');
    const office = root.find((r) => r.type.endsWith('/officeDocument') && !r.external);
    if (!office || !zip.has(office.target)) {
      throw new PackageError('不是有效的 Excel 工作簿（缺少工作簿部件） (not an Excel workbook: no workbook part)');
    }
    this.workbookPart = office.target;
    const wbXml = this.text(this.workbookPart);
    if (!/<(?:[\w.-]+:)?workbook[\s>]/.test(wbXml)) {
      throw new PackageError('不是 Excel 工作簿（可能是 Word 或 PowerPoint 文件） (not an Excel workbook: perhaps a Word or PowerPoint file)', 'other-office');
    }
    const wbRels = this.rels(this.workbookPart);
    const sheetsEl = firstElement(wbXml, 'sheets');
    this.sheets = [];
    if (sheetsEl) {
      for (const s of elements(wbXml, 'sheet', sheetsEl.innerStart, sheetsEl.end)) {
        const relId = attrLocal(s.attrs, 'id') ?? '';
        const rel = wbRels.find((r) => r.id === relId);
        const isWorksheet = !!rel && rel.type.endsWith('/worksheet') && zip.has(rel.target);
        const state = s.attrs.state === 'hidden' || s.attrs.state === 'veryHidden' ? s.attrs.state : 'visible';
        this.sheets.push({ name: s.attrs.name ?? '', sheetId: Number(s.attrs.sheetId ?? 0), relId, part: isWorksheet ? rel!.target : undefined, state });
      }
    }
  }

  /** A part's text, read once. */
  text(part: string): string {
    let t = this.textCache.get(part);
    if (t === undefined) {
      t = this.zip.text(part);
      this.textCache.set(part, t);
    }
    return t;
  }

  /** Relationships of a part ('' for the package's own). */
  rels(part: string): Relationship[] {
    const relsPart = part === '' ? '_rels/.rels' : relsPartOf(part);
    let out = this.relsCache.get(relsPart);
    if (out) return out;
    out = [];
    if (this.zip.has(relsPart)) {
      const xml = this.text(relsPart);
      for (const r of elements(xml, 'Relationship')) {
        const external = r.attrs.TargetMode === 'External';
        const target = r.attrs.Target ?? '';
        out.push({ id: r.attrs.Id ?? '', type: r.attrs.Type ?? '', external, target: external ? target : resolveTarget(part, target) });
      }
    }
    this.relsCache.set(relsPart, out);
    return out;
  }

  relOfType(part: string, typeSuffix: string): Relationship | undefined {
    return this.rels(part).find((r) => r.type.endsWith(typeSuffix) && !r.external && this.zip.has(r.target));
  }

  sharedStrings(): string[] {
    if (this.sharedStringsCache) return this.sharedStringsCache;
    const rel = this.relOfType(this.workbookPart, '/sharedStrings');
    const out: string[] = [];
    if (rel) {
      const xml = this.text(rel.target);
      for (const si of elements(xml, 'si')) out.push(runText(si.inner));
    }
    this.sharedStringsCache = out;
    return out;
  }

  stylesPart(): string | undefined {
    return this.relOfType(this.workbookPart, '/styles')?.target;
  }

  styles(): { numFmts: Map<number, string>; cellXfs: CellStyle[] } {
    if (this.stylesCache) return this.stylesCache;
    const numFmts = new Map<number, string>();
    const cellXfs: CellStyle[] = [];
    const part = this.stylesPart();
    if (part) {
      const xml = this.text(part);
      const nf = firstElement(xml, 'numFmts');
      if (nf) for (const n of elements(xml, 'numFmt', nf.innerStart, nf.end)) numFmts.set(Number(n.attrs.numFmtId), n.attrs.formatCode ?? '');
      const xfs = firstElement(xml, 'cellXfs');
      if (xfs) for (const x of elements(xml, 'xf', xfs.innerStart, xfs.end)) cellXfs.push({ numFmtId: Number(x.attrs.numFmtId ?? 0), xml: xml.slice(x.start, x.end) });
    }
    this.stylesCache = { numFmts, cellXfs };
    return this.stylesCache;
  }

  /** The number format code of a style index ('General' when none). */
  numberFormatOf(styleIndex: number): string {
    const { numFmts, cellXfs } = this.styles();
    const id = cellXfs[styleIndex]?.numFmtId ?? 0;
    return numFmts.get(id) ?? BUILTIN_NUMFMTS[id] ?? 'General';
  }

  /** The notes (legacy comments) of a worksheet, by A1 address. */
  notes(sheetPart: string): Map<string, string> {
    const out = new Map<string, string>();
    const rel = this.relOfType(sheetPart, '/comments');
    if (!rel) return out;
    const xml = this.text(rel.target);
    for (const c of elements(xml, 'comment')) {
      const ref = c.attrs.ref;
      if (ref) out.set(ref.toUpperCase(), runText(c.inner));
    }
    return out;
  }

  sheet(name: string): SheetInfo | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

export { decodeXml, attrs };

/** Opens a package from its bytes, turning every failure into a one-line reason. */
export function openPackage(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): SpreadsheetPackage {
  const zip = openZip(bytes, limits);
  if (!zip.has('[Content_Types].xml')) {
    throw new ZipError('not-zip', '不是有效的 .xlsx 文件（缺少 [Content_Types].xml） (not an Office Open XML package: no [Content_Types].xml)');
  }
  return new SpreadsheetPackage(zip);
}
