/**
 * A .docx is a zip of XML parts. The table reader needs only "bytes -> the text of a named part"; this is
 * that interface, with JSZip behind it (any bounded zip reader can stand in).
 */
import JSZip from 'jszip';

export type PartReader = (path: string) => Promise<string | null>;
export type OpenParts = (bytes: Uint8Array) => Promise<PartReader>;

/** Parts larger than this are refused: a document's XML is a few megabytes at most. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export const openWithJsZip: OpenParts = async (bytes) => {
  const zip = await JSZip.loadAsync(bytes);
  return async (path) => {
    const entry = zip.file(path);
    if (!entry) return null;
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (size !== undefined && size > MAX_PART_BYTES) throw new Error(`${path} is too large (${size} bytes)`);
    return entry.async('string');
  };
};
