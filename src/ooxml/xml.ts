/**
 * Just enough XML for SpreadsheetML parts: find elements by local name (any namespace prefix), read their
 * attributes, decode and escape text. Parts are scanned as text so the patcher can splice at exact offsets and
 * leave every other byte as it was.
 */

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITY[e];
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** ST_Xstring escapes: _xHHHH_ stands for a character XML cannot carry (ECMA-376 Part 1, 22.9.2.19). */
export function decodeXstring(s: string): string {
  const t = decodeXml(s);
  return t.indexOf('_x') < 0 ? t : t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters XML 1.0 cannot hold are written as ST_Xstring escapes.
    // eslint-disable-next-line no-control-regex -- matching exactly those characters is the point
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

export function attrs(startTag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(startTag))) out[m[1]] = decodeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** Value of an attribute by local name, whatever its prefix (r:id, id). */
export function attrLocal(a: Record<string, string>, local: string): string | undefined {
  if (local in a) return a[local];
  for (const k of Object.keys(a)) if (k.endsWith(`:${local}`)) return a[k];
  return undefined;
}

export interface XmlElement {
  /** Offset of '<' and one past the end of the element (after its end tag or '/>'). */
  start: number;
  end: number;
  /** The start tag, '<' to '>'. */
  tag: string;
  attrs: Record<string, string>;
  /** Text between the start and end tags ('' for an empty element). */
  inner: string;
  innerStart: number;
}

/**
 * Elements named `local` (with or without a prefix) in xml[from, to), outermost only, in order.
 * Not for elements that nest inside themselves.
 */
export function* elements(xml: string, local: string, from = 0, to = xml.length): Generator<XmlElement> {
  const open = new RegExp(`<((?:[\\w.-]+:)?${local})(?=[\\s/>])[^>]*>`, 'g');
  open.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml)) && m.index < to) {
    const tag = m[0];
    const start = m.index;
    const innerStart = start + tag.length;
    if (tag.endsWith('/>')) {
      yield { start, end: innerStart, tag, attrs: attrs(tag), inner: '', innerStart };
      continue;
    }
    const close = `</${m[1]}>`;
    const endAt = xml.indexOf(close, innerStart);
    if (endAt < 0) return;
    yield { start, end: endAt + close.length, tag, attrs: attrs(tag), inner: xml.slice(innerStart, endAt), innerStart };
    open.lastIndex = endAt + close.length;
  }
}

export function firstElement(xml: string, local: string, from = 0, to = xml.length): XmlElement | undefined {
  for (const e of elements(xml, local, from, to)) return e;
  return undefined;
}

/** Concatenated text of the <t> elements of a run container, skipping phonetic runs (<rPh>). */
export function runText(xml: string): string {
  const body = xml.indexOf('rPh') >= 0 ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : xml;
  let out = '';
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += decodeXstring(m[1]);
  return out;
}

/** Replaces or adds an attribute in a start tag (or in the start tag of a whole element). */
export function setAttr(element: string, name: string, value: string): string {
  const end = element.indexOf('>') + 1;
  if (end > 0 && end < element.length) return setAttr(element.slice(0, end), name, value) + element.slice(end);
  const tag = element;
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${name}="${escapeXml(value)}"${tag.slice(close)}`;
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}
