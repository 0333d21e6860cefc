/**
 * New looks for written cells without touching anyone else's: a cell that needs another number format, fill
 * or bold font gets a NEW cell style record (<xf>) cloned from its own, so every other cell that shared the
 * old record keeps it unchanged (Excel, LibreOffice and openpyxl give all cells of one look a single record).
 * Records are appended at the end of their lists; existing indexes never move.
 * Styles part: ECMA-376 Part 1, 18.8 (styleSheet, cellXfs 18.8.10, numFmts 18.8.31, fills 18.8.21).
 */
import { BUILTIN_NUMFMTS, type SpreadsheetPackage } from './package';
import { attrs, elements, escapeXml, firstElement, setAttr } from './xml';

interface Change {
  numFmt?: string;
  fill?: string;
  bold?: boolean;
}

const BUILTIN_BY_CODE = new Map(Object.entries(BUILTIN_NUMFMTS).map(([id, code]) => [code, Number(id)]));

export class StyleBook {
  private readonly xml: string;
  private readonly xfs: string[];
  private readonly baseXfCount: number;
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId: number;
  private baseNumFmtCount = 0;
  private readonly newNumFmts: string[] = [];
  private readonly fillCount: number;
  private readonly newFills: string[] = [];
  private readonly fontXml: string[];
  private readonly newFonts: string[] = [];
  private readonly cache = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private readonly boldFontIds = new Map<number, number>();

  constructor(
    pkg: SpreadsheetPackage,
    readonly part: string,
  ) {
    this.xml = pkg.text(part);
    const xfsEl = firstElement(this.xml, 'cellXfs');
    this.xfs = xfsEl ? [...elements(this.xml, 'xf', xfsEl.innerStart, xfsEl.end)].map((x) => this.xml.slice(x.start, x.end)) : [];
    this.baseXfCount = this.xfs.length;
    let maxId = 163;
    const nf = firstElement(this.xml, 'numFmts');
    if (nf) {
      for (const n of elements(this.xml, 'numFmt', nf.innerStart, nf.end)) {
        const id = Number(n.attrs.numFmtId);
        if (!this.numFmtIds.has(n.attrs.formatCode ?? '')) this.numFmtIds.set(n.attrs.formatCode ?? '', id);
        maxId = Math.max(maxId, id);
        this.baseNumFmtCount++;
      }
    }
    this.nextNumFmtId = maxId + 1;
    const fills = firstElement(this.xml, 'fills');
    this.fillCount = fills ? [...elements(this.xml, 'fill', fills.innerStart, fills.end)].length : 0;
    const fonts = firstElement(this.xml, 'fonts');
    this.fontXml = fonts ? [...elements(this.xml, 'font', fonts.innerStart, fonts.end)].map((f) => this.xml.slice(f.start, f.end)) : [];
  }

  get changed(): boolean {
    return this.xfs.length > this.baseXfCount;
  }

  numberFormatCode(styleIndex: number): string {
    const id = Number(attrs(this.xfs[styleIndex] ?? '<xf/>').numFmtId ?? 0);
    for (const [code, i] of this.numFmtIds) if (i === id) return code;
    return BUILTIN_NUMFMTS[id] ?? 'General';
  }

  /** The style index for `base` (a cell's s, 0 when it has none) with the change applied: a clone, never an edit. */
  derive(base: number, change: Change): number {
    const key = `${base}|${change.numFmt ?? ''}|${change.fill ?? ''}|${change.bold ? 1 : 0}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let xf = this.xfs[base] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    if (change.numFmt !== undefined) xf = setAttr(setAttr(xf, 'numFmtId', String(this.numFmtId(change.numFmt))), 'applyNumberFormat', '1');
    if (change.fill !== undefined) xf = setAttr(setAttr(xf, 'fillId', String(this.fillId(change.fill))), 'applyFill', '1');
    if (change.bold) xf = setAttr(setAttr(xf, 'fontId', String(this.boldFont(Number(attrs(xf).fontId ?? 0)))), 'applyFont', '1');
    this.xfs.push(xf);
    const index = this.xfs.length - 1;
    this.cache.set(key, index);
    return index;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_BY_CODE.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.newNumFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  private fillId(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      id = this.fillCount + this.newFills.length;
      this.newFills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`);
      this.fillIds.set(argb, id);
    }
    return id;
  }

  private boldFont(fontId: number): number {
    let id = this.boldFontIds.get(fontId);
    if (id === undefined) {
      const font = this.fontXml[fontId] ?? '<font><sz val="11"/></font>';
      const bold = font.endsWith('/>') ? '<font><b/></font>' : font.replace(/^(<(?:[\w.-]+:)?font\b[^>]*>)/, '$1<b/>');
      id = this.fontXml.length + this.newFonts.length;
      this.newFonts.push(bold);
      this.boldFontIds.set(fontId, id);
    }
    return id;
  }

  /** The styles part with the new records appended (the same text when nothing was added). */
  serialize(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    xml = appendTo(xml, 'cellXfs', this.xfs.slice(this.baseXfCount), this.xfs.length);
    xml = appendTo(xml, 'fills', this.newFills, this.fillCount + this.newFills.length);
    xml = appendTo(xml, 'fonts', this.newFonts, this.fontXml.length + this.newFonts.length);
    if (this.newNumFmts.length > 0) {
      if (firstElement(xml, 'numFmts')) xml = appendTo(xml, 'numFmts', this.newNumFmts, this.baseNumFmtCount + this.newNumFmts.length);
      else {
        // numFmts is the first child of styleSheet.
        const root = /<(?:[\w.-]+:)?styleSheet\b[^>]*>/.exec(xml)!;
        const at = root.index + root[0].length;
        xml = `${xml.slice(0, at)}<numFmts count="${this.newNumFmts.length}">${this.newNumFmts.join('')}</numFmts>${xml.slice(at)}`;
      }
    }
    return xml;
  }
}

/** Appends children to a list element and sets its count. */
function appendTo(xml: string, local: string, children: string[], count: number): string {
  if (children.length === 0) return xml;
  const el = firstElement(xml, local);
  if (!el) throw new Error(`styles part has no ${local}`);
  const prefix = /^<([\w.-]+:)?/.exec(el.tag)?.[1] ?? '';
  const tag = setAttr(el.tag.endsWith('/>') ? `${el.tag.slice(0, -2)}>` : el.tag, 'count', String(count));
  const body = prefix ? children.map((c) => c.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`)) : children;
  return `${xml.slice(0, el.start)}${tag}${el.inner}${body.join('')}</${prefix}${local}>${xml.slice(el.end)}`;
}
