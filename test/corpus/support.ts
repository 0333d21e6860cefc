/** The corpus (test/fixtures/corpus, made by scripts/gen-corpus.py) and the command line, for the corpus suites. */
import { readdirSync } from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';

export const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
export const FILES = readdirSync(CORPUS)
  .filter((f) => /\.xls[xm]$/.test(f))
  .sort();
/** The form's sheet in every corpus workbook. */
export const FORM = '申报表';

/** Runs the command line in-process, collecting what it prints. */
export async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
