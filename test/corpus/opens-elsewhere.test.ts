/**
 * The written copies open in other programs: fill (formulas, overwriting), annotate and roll copies of every
 * corpus workbook are opened by LibreOffice (one headless run converting every sheet of every copy, and of
 * every input, to CSV as shown) and by openpyxl (one Python process for all files).
 *
 * LibreOffice must show, sheet by sheet, what it shows for the input, except in the cells the command wrote,
 * which show the written values (a roll also changes what formulas elsewhere compute, so there formula cells
 * are left out). openpyxl must load every copy and find every note of the input, the user's text first, and
 * the formulas fill wrote. Nothing is skipped: without LibreOffice or openpyxl the suite fails, saying so.
 */
import { execFileSync, spawnSync } from 'child_process';
import { promises as fs, existsSync, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { check, fill, locateForm, roll } from '../../src/engine';
import { toA1 } from '../../src/grid/address';
import type { CellValue } from '../../src/grid/types';
import { openPackage } from '../../src/ooxml/package';
import { sheetToGrid } from '../../src/ooxml/sheet-grid';
import type { CellWrite } from '../../src/patch';
import { CORPUS, FILES, FORM, run } from './support';
import { parseCsv } from './csv';

type Command = 'fill' | 'annotate' | 'roll';
const COMMANDS: Command[] = ['fill', 'annotate', 'roll'];
/** fill writes nothing on the corpus by default (its 合计 and 占比 are filled in): formulas over them it writes. */
const ARGS: Record<Command, string[]> = { fill: ['--formulas', '--overwrite'], annotate: [], roll: [] };
const PYTHON = '/usr/bin/python3';
/** LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, as shown (token 9), all sheets (token 12 = -1), each to <name>-<sheet>.csv. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

interface Opened {
  error?: string;
  sheets?: Record<string, { notes: Record<string, string>; formulas: Record<string, string> }>;
}

/** Every workbook's notes and formulas as openpyxl reads them, by file. */
const OPENPYXL = `
import json, sys, warnings
warnings.simplefilter('ignore')
import openpyxl
out = {}
for f in json.load(sys.stdin):
    try:
        wb = openpyxl.load_workbook(f)
        sheets = {}
        for ws in wb.worksheets:
            notes, formulas = {}, {}
            for row in ws.iter_rows():
                for c in row:
                    if c.comment is not None:
                        notes[c.coordinate] = c.comment.text
                    if c.data_type == 'f':
                        formulas[c.coordinate] = str(c.value)
            sheets[ws.title] = {'notes': notes, 'formulas': formulas}
        out[f] = {'sheets': sheets}
    except Exception as e:
        out[f] = {'error': '%s: %s' % (type(e).__name__, e)}
json.dump(out, sys.stdout, ensure_ascii=False)
`;

function requireTool(command: string, args: string[], what: string): void {
  const r = spawnSync(command, args, { stdio: 'pipe', timeout: 60_000 });
  if (r.error || r.status !== 0) throw new Error(`${what} is needed by this suite (CI installs it): \`${command} ${args.join(' ')}\` failed: ${r.error?.message ?? r.stderr}`);
}

let dir: string;
let opened: Record<string, Opened>;
const stem = (command: Command | 'in', file: string) => `${command}-${path.basename(file, path.extname(file))}`;
const copyPath = (command: Command | 'in', file: string) => path.join(dir, `${stem(command, file)}${path.extname(file)}`);

beforeAll(async () => {
  requireTool('soffice', ['--version'], 'LibreOffice (soffice)');
  requireTool(PYTHON, ['-c', 'import openpyxl'], 'Python 3 with openpyxl');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-elsewhere-'));
  const files: string[] = [];
  for (const file of FILES) {
    // The input goes through LibreOffice too: the copy must show what the input shows.
    await fs.copyFile(path.join(CORPUS, file), copyPath('in', file));
    files.push(copyPath('in', file));
    for (const command of COMMANDS) {
      const r = await run(command, path.join(CORPUS, file), '--out', copyPath(command, file), ...ARGS[command]);
      if (r.code >= 2 || r.stderr) throw new Error(`${command} ${file}: exit ${r.code}: ${r.stderr}`);
      files.push(copyPath(command, file));
    }
  }
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-lo-profile-'));
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', CSV_FILTER, '--outdir', path.join(dir, 'csv'), ...files], { stdio: 'pipe', timeout: 240_000 });
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  opened = JSON.parse(execFileSync(PYTHON, ['-c', OPENPYXL], { input: JSON.stringify(files), timeout: 240_000, maxBuffer: 64 * 2 ** 20 }).toString('utf8'));
}, 600_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** A sheet as LibreOffice shows it, cell text by A1 address; null when LibreOffice wrote no CSV for it. */
function shown(command: Command | 'in', file: string, sheet: string): Map<string, string> | null {
  const csv = path.join(dir, 'csv', `${stem(command, file)}-${sheet}.csv`);
  if (!existsSync(csv)) return null;
  const cells = new Map<string, string>();
  parseCsv(readFileSync(csv, 'utf8')).forEach((row, r) => row.forEach((text, c) => text !== '' && cells.set(toA1({ row: r, col: c }), text)));
  return cells;
}

/** Whether LibreOffice's text for a cell shows `value` (a number to the places it shows, a percentage too). */
function shows(text: string, value: CellValue): boolean {
  if (value === null || value === '') return text === '';
  if (typeof value !== 'number') return text === String(value);
  const m = /^(-?[\d,]*\.?(\d*))(%?)$/.exec(text);
  if (!m) return false;
  const places = m[2].length + (m[3] ? 2 : 0);
  const n = Number(m[1].replace(/,/g, '')) / (m[3] ? 100 : 1);
  return Math.abs(n - value) <= 0.5 * 10 ** -places + 1e-9;
}

function formGrid(file: string) {
  const pkg = openPackage(readFileSync(path.join(CORPUS, file)));
  return sheetToGrid(pkg, pkg.sheet(FORM)!.part!, FORM);
}

/** What the command writes on the form sheet, from the engine itself (as the write-safety suite does). */
function writesOf(command: Command, file: string): CellWrite[] {
  if (command === 'fill') return fill(formGrid(file), { mode: 'formulas', overwrite: true }).patch.writes;
  if (command === 'roll') return roll(formGrid(file)).patch.writes;
  return [];
}

describe.each(FILES)('%s', (file) => {
  it.each(COMMANDS)('%s: LibreOffice opens the copy and shows the input, but for the written cells', (command) => {
    const input = opened[copyPath('in', file)].sheets!;
    const copy = opened[copyPath(command, file)];
    expect(copy.error).toBeUndefined();
    const written = new Map(writesOf(command, file).map((w) => [w.address, w]));
    const form = shown(command, file, FORM);
    expect(form?.size).toBeGreaterThan(0);
    expect(Object.keys(copy.sheets!)).toEqual(expect.arrayContaining(Object.keys(input)));

    for (const sheet of Object.keys(input)) {
      const before = shown('in', file, sheet) ?? new Map<string, string>();
      const after = shown(command, file, sheet);
      expect([sheet, after === null]).toEqual([sheet, false]);
      const formulas = copy.sheets![sheet].formulas;
      for (const ref of new Set([...before.keys(), ...after!.keys()])) {
        const text = after!.get(ref) ?? '';
        const w = sheet === FORM ? written.get(ref) : undefined;
        if (w) expect([sheet, ref, text, shows(text, w.value ?? null)]).toEqual([sheet, ref, text, true]);
        // A roll clears this year's amounts: formulas anywhere over them compute something else now.
        else if (command !== 'roll' || !formulas[ref]) expect([sheet, ref, text]).toEqual([sheet, ref, before.get(ref) ?? '']);
      }
    }
    if (command === 'annotate') expect(shown(command, file, '检查结果')?.size).toBeGreaterThan(0);
  });

  it.each(COMMANDS)('%s: openpyxl loads the copy; every note of the input is there, the user’s text first', (command) => {
    const input = opened[copyPath('in', file)];
    const copy = opened[copyPath(command, file)];
    expect(input.error).toBeUndefined();
    expect(copy.error).toBeUndefined();
    expect(Object.keys(copy.sheets!)).toEqual(expect.arrayContaining(Object.keys(input.sheets!)));
    let notesIn = 0;
    let notesOut = 0;
    for (const [sheet, { notes }] of Object.entries(input.sheets!)) {
      const kept = copy.sheets![sheet].notes;
      for (const [ref, text] of Object.entries(notes)) expect([sheet, ref, kept[ref]?.startsWith(text)]).toEqual([sheet, ref, true]);
      notesIn += Object.keys(notes).length;
      notesOut += Object.keys(kept).length;
    }
    const form = copy.sheets![FORM];
    for (const w of writesOf(command, file)) {
      if (w.formula) expect([w.address, form.formulas[w.address]]).toEqual([w.address, w.formula]);
      if (w.note) expect([w.address, form.notes[w.address]]).toEqual([w.address, expect.stringContaining(w.note)]);
    }
    // annotate leaves a note on the cells of each finding; the corpus form has findings.
    if (command === 'annotate') {
      expect(check(formGrid(file)).issues.length).toBeGreaterThan(0);
      expect(notesOut).toBeGreaterThan(notesIn);
    }
  });

  it('fill: the 占比 of the first income row shows as the percentage its amount is of 合计', () => {
    const funding = locateForm(formGrid(file))!.funding!;
    const income = funding.groups.find((g) => g.key === 'income')!;
    const address = toA1({ row: income.items[0].row, col: funding.shareCol! });
    const share = writesOf('fill', file).find((w) => w.address === address);
    expect(share?.reason).toBe('share');
    const text = shown('fill', file, FORM)!.get(address) ?? '';
    expect(text).toMatch(/^\d+(\.\d+)?%$/);
    expect([address, text, shows(text, share!.value ?? null)]).toEqual([address, text, true]);
  });
});
