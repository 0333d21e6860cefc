/**
 * Cell notes (legacy comments) added after the user's own: a cell that already has a note keeps its text and
 * gets ours as a further run; a cell without one gets a new <comment> and the VML shape Excel draws it with.
 * Parts: comments (ECMA-376 Part 1, 18.7), the sheet's legacy VML drawing (Part 4, VML; how Excel anchors a
 * note: https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/ — x:ClientData ObjectType="Note").
 */
import { columnName } from '../grid/address';
import { escapeXml, firstElement } from './xml';

export const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const VML_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';
export const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const AUTHOR = 'jixiao';

export interface NoteAdd {
  row: number;
  col: number;
  text: string;
}

function run(text: string, prefix: string): string {
  return `<${prefix}r><${prefix}t xml:space="preserve">${escapeXml(text)}</${prefix}t></${prefix}r>`;
}

export function emptyCommentsXml(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';
}

/** Adds the notes to a comments part; returns the new text and the cells that got a new comment (they need a shape). */
export function addToComments(xml: string, notes: readonly NoteAdd[]): { xml: string; added: NoteAdd[] } {
  const root = /<([\w.-]+:)?comments\b/.exec(xml);
  const p = root?.[1] ?? '';
  // Author index: ours if listed, else appended.
  let authors = firstElement(xml, 'authors');
  if (!authors) {
    const list = firstElement(xml, 'commentList')!;
    xml = `${xml.slice(0, list.start)}<${p}authors></${p}authors>${xml.slice(list.start)}`;
    authors = firstElement(xml, 'authors')!;
  }
  const names = [...authors.inner.matchAll(/<(?:[\w.-]+:)?author(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?author>|<(?:[\w.-]+:)?author\s*\/>/g)].map((m) => m[1] ?? '');
  let authorId = names.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    const body = `<${p}author>${AUTHOR}</${p}author>`;
    xml = authors.tag.endsWith('/>')
      ? `${xml.slice(0, authors.start)}<${p}authors>${body}</${p}authors>${xml.slice(authors.end)}`
      : `${xml.slice(0, authors.end - `</${p}authors>`.length)}${body}${xml.slice(authors.end - `</${p}authors>`.length)}`;
  }
  // Where each existing comment's text ends, found in one pass (appends are spliced in one pass too).
  const textEnds = new Map<string, number>();
  const re = /<(?:[\w.-]+:)?comment\s[^>]*ref\s*=\s*"([A-Za-z]+\d+)"[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const end = xml.indexOf(`</${p}text>`, re.lastIndex);
    const commentEnd = xml.indexOf(`</${p}comment>`, re.lastIndex);
    if (end >= 0 && (commentEnd < 0 || end < commentEnd)) textEnds.set(m[1].toUpperCase(), end);
  }
  const added: NoteAdd[] = [];
  const fresh: string[] = [];
  const appends: { at: number; text: string }[] = [];
  for (const n of notes) {
    const ref = `${columnName(n.col)}${n.row + 1}`;
    const at = textEnds.get(ref);
    if (at !== undefined) {
      appends.push({ at, text: run(`\n${n.text}`, p) });
      continue;
    }
    fresh.push(`<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${run(n.text, p)}</${p}text></${p}comment>`);
    added.push(n);
  }
  if (appends.length > 0) {
    appends.sort((a, b) => a.at - b.at);
    const parts: string[] = [];
    let from = 0;
    for (const a of appends) {
      parts.push(xml.slice(from, a.at), a.text);
      from = a.at;
    }
    parts.push(xml.slice(from));
    xml = parts.join('');
  }
  if (fresh.length > 0) {
    const list = firstElement(xml, 'commentList');
    if (!list) throw new Error('comments part has no commentList');
    xml = list.tag.endsWith('/>')
      ? `${xml.slice(0, list.start)}<${p}commentList>${fresh.join('')}</${p}commentList>${xml.slice(list.end)}`
      : `${xml.slice(0, list.end - `</${p}commentList>`.length)}${fresh.join('')}${xml.slice(list.end - `</${p}commentList>`.length)}`;
  }
  return { xml, added };
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export function emptyVml(idBlock: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>${SHAPETYPE}</xml>`;
}

function shape(id: number, n: NoteAdd): string {
  // The anchor: from (col+1, row) to (col+3, row+4), as Excel places a new note beside its cell.
  const anchor = `${n.col + 1}, 15, ${Math.max(n.row - 1, 0)}, 10, ${n.col + 3}, 15, ${n.row + 3}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Adds a hidden note shape per new comment to a VML drawing. */
export function addShapes(vml: string, notes: readonly NoteAdd[]): string {
  if (notes.length === 0) return vml;
  let maxId = 1024;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) maxId = Math.max(maxId, Number(m[1]));
  const block = /<o:idmap[^>]*data="(\d+)/.exec(vml);
  if (block) maxId = Math.max(maxId, Number(block[1]) * 1024);
  const shapes = notes.map((n, i) => shape(maxId + 1 + i, n)).join('');
  const type = vml.includes('_x0000_t202') ? '' : SHAPETYPE;
  const end = vml.lastIndexOf('</xml>');
  if (end < 0) throw new Error('VML drawing has no closing </xml>');
  return `${vml.slice(0, end)}${type}${shapes}${vml.slice(end)}`;
}
