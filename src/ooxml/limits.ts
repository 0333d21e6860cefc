/** How much a read may inflate: its own module so that messages can name the bounds without the zip reader. */
export interface ZipLimits {
  /** Most bytes one part may inflate to. */
  maxPartBytes: number;
  /** Most bytes all parts read from one archive may inflate to together. */
  maxTotalBytes: number;
  /** Most parts an archive may list. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxPartBytes: 200 * 2 ** 20, maxTotalBytes: 300 * 2 ** 20, maxEntries: 20000 };
