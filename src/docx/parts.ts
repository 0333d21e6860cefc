/**
 * A .docx is a zip of XML parts. The table reader needs only "bytes -> the text of a named part"; this is
 * that interface, with the project's bounded zip reader behind it: a .docx gets the same limits (200 MB per
 * part, 300 MB in total, zip bombs refused while inflating) and the same worded ZipErrors as a workbook.
 * The default inflater is the plain TypeScript one, since the task pane reads Word documents in the browser;
 * the command line passes zlib's.
 */
import { DEFAULT_ZIP_LIMITS, openZip, PORTABLE_INFLATER, type Inflater, type ZipLimits } from '../ooxml/zip-read';

export type PartReader = (path: string) => Promise<string | null>;
export type OpenParts = (bytes: Uint8Array) => Promise<PartReader>;

/** Opens a package within the limits; a missing part reads as null, a broken or oversized one throws a ZipError. */
export function boundedParts(inflater: Inflater = PORTABLE_INFLATER, limits: ZipLimits = DEFAULT_ZIP_LIMITS): OpenParts {
  return async (bytes) => {
    const zip = openZip(bytes, limits, inflater);
    return async (path) => (zip.has(path) ? zip.text(path) : null);
  };
}

export const openDocxParts: OpenParts = boundedParts();
