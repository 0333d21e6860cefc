/**
 * What went wrong with a file, in words a user can act on. Errors from the file system (ENOENT, EISDIR…),
 * from unzipping ("Corrupted zip", "End of data reached", "Can't find end of central directory", "Bug…")
 * and from the workbook reader are sorted into a few problems; each has one sentence per locale that says
 * what happened and what to do. No library text reaches the user unless nothing else is known.
 */
import { DEFAULT_ZIP_LIMITS } from '../ooxml/limits';
import { formatTemplate, type Locale, type MessageTemplate } from '../rules/rule';

export type FileProblemCode =
  | 'not-found'
  | 'is-folder'
  | 'no-permission'
  | 'busy'
  | 'empty-file'
  | 'encrypted-or-xls'
  | 'not-xlsx'
  | 'damaged'
  | 'too-large'
  | 'zip-bomb'
  | 'not-regular'
  | 'other-office'
  | 'encrypted-or-doc'
  | 'not-docx'
  | 'damaged-docx'
  | 'legacy-xls'
  | 'ods-file'
  | 'csv-file'
  | 'sheet-missing'
  | 'no-sheets'
  | 'no-tables'
  | 'folder-without-forms'
  | 'parent-not-folder'
  | 'disk-full'
  | 'build-failed'
  | 'unknown';

export type FileOperation = 'read' | 'write';

export interface FileProblem {
  code: FileProblemCode;
  operation: FileOperation;
  file: string;
  /** Placeholders of the sentence: sheet, sheets, detail, folder. */
  data?: Record<string, string>;
}

/** Problems that stop a read; the write-only ones (disk-full, build-failed…) are in WRITE. */
const READ: Partial<Record<FileProblemCode, MessageTemplate>> & { unknown: MessageTemplate } = {
  'not-found': {
    'zh-CN': '找不到文件“{file}”：请检查路径和文件名是否正确。',
    'en-US': 'File not found: "{file}". Check the path and the file name.',
  },
  'is-folder': {
    'zh-CN': '“{file}”是一个文件夹，不是工作簿：请给出其中的 .xlsx 文件。',
    'en-US': '"{file}" is a folder, not a workbook: name an .xlsx file in it.',
  },
  'no-permission': {
    'zh-CN': '没有读取“{file}”的权限：请检查文件权限，或把文件复制到自己的文件夹后重试。',
    'en-US': 'No permission to read "{file}": check its permissions, or copy it into a folder of your own and try again.',
  },
  busy: {
    'zh-CN': '“{file}”正被其他程序占用：请在 Excel 或 WPS 中关闭它后重试。',
    'en-US': '"{file}" is in use by another program: close it in Excel or WPS and try again.',
  },
  'empty-file': {
    'zh-CN': '“{file}”是空文件（0 字节），可能没有保存完整：请重新保存或重新下载后重试。',
    'en-US': '"{file}" is empty (0 bytes) and was probably not saved completely: save or download it again.',
  },
  'encrypted-or-xls': {
    'zh-CN': '“{file}”设置了打开密码，或是旧版 .xls 格式：请在 Excel 中取消打开密码（文件 → 信息 → 保护工作簿），或“另存为” Excel 工作簿 (.xlsx) 后重试。',
    'en-US': '"{file}" has a password to open, or is a legacy .xls workbook: remove the password in Excel (File → Info → Protect Workbook) or save it as an Excel Workbook (.xlsx), then try again.',
  },
  'not-xlsx': {
    'zh-CN': '“{file}”不是 Excel 工作簿 (.xlsx)：请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿 (.xlsx) 后重试。',
    'en-US': '"{file}" is not an Excel workbook (.xlsx): open it in Excel or WPS, save it as an Excel Workbook (.xlsx) and try again.',
  },
  damaged: {
    'zh-CN': '“{file}”已损坏或不完整，无法读取：请重新下载或从备份中取回；也可以在 Excel 中打开（Excel 会尝试修复）后另存为 .xlsx。',
    'en-US': '"{file}" is damaged or incomplete and cannot be read: download it again or take it from a backup, or open it in Excel (which tries to repair it) and save it as .xlsx.',
  },
  'too-large': {
    'zh-CN': '“{file}”过大（{detail}），未读取：申报表通常不到 1 MB，请确认选对了文件。',
    'en-US': '"{file}" is too large ({detail}) and was not read: a form is usually under 1 MB; check that this is the right file.',
  },
  'zip-bomb': {
    'zh-CN': '“{file}”解压后过大（单个部件超过 {part} 或合计超过 {total}），可能已损坏或是恶意文件，未读取：请确认文件来源，或在 Excel 中打开后另存为 .xlsx。',
    'en-US': '"{file}" inflates past the limits ({part} per part, {total} in all); it may be damaged or hostile and was not read: check where it came from, or open it in Excel and save it as .xlsx.',
  },
  'not-regular': {
    'zh-CN': '“{file}”不是普通文件（可能是管道、设备或套接字），未读取：请给出一个 .xlsx 或 .docx 文件。',
    'en-US': '"{file}" is not a regular file (perhaps a pipe, device or socket) and was not read: name an .xlsx or .docx file.',
  },
  'other-office': {
    'zh-CN': '“{file}”是 Word 或 PowerPoint 文件，不是 Excel 工作簿：请确认选对了文件；Word 版的申报表请以 .docx 为扩展名给出。',
    'en-US': '"{file}" is a Word or PowerPoint file, not an Excel workbook: check that this is the right file; give a Word form the .docx extension.',
  },
  'encrypted-or-doc': {
    'zh-CN': '“{file}”设置了打开密码，或是旧版 .doc 格式：请在 Word 或 WPS 中取消打开密码，或“另存为” Word 文档 (.docx) 后重试。',
    'en-US': '"{file}" has a password to open, or is a legacy .doc document: remove the password in Word or WPS, or save it as a Word Document (.docx), then try again.',
  },
  'not-docx': {
    'zh-CN': '“{file}”不是 Word 文档 (.docx)：请在 Word 或 WPS 中打开它，“另存为” Word 文档 (.docx) 后重试。',
    'en-US': '"{file}" is not a Word document (.docx): open it in Word or WPS, save it as a Word Document (.docx) and try again.',
  },
  'damaged-docx': {
    'zh-CN': '“{file}”已损坏或不完整，无法读取：请重新下载或从备份中取回；也可以在 Word 中打开（Word 会尝试修复）后另存为 .docx。',
    'en-US': '"{file}" is damaged or incomplete and cannot be read: download it again or take it from a backup, or open it in Word (which tries to repair it) and save it as .docx.',
  },
  'legacy-xls': {
    'zh-CN': '“{file}”是旧版 .xls 工作簿，不能直接读取：请在 Excel 或 WPS 中“另存为” Excel 工作簿 (.xlsx)，或运行 soffice --headless --convert-to xlsx “{file}”，然后重试。',
    'en-US': '"{file}" is a legacy .xls workbook and cannot be read directly: save it as an Excel Workbook (.xlsx) in Excel or WPS, or run soffice --headless --convert-to xlsx "{file}", then try again.',
  },
  'ods-file': {
    'zh-CN': '“{file}”是 .ods 工作簿，不能直接读取：请在 LibreOffice 或 WPS 中“另存为” .xlsx，或运行 soffice --headless --convert-to xlsx “{file}”，然后重试。',
    'en-US': '"{file}" is an .ods workbook and cannot be read directly: save it as .xlsx in LibreOffice or WPS, or run soffice --headless --convert-to xlsx "{file}", then try again.',
  },
  'csv-file': {
    'zh-CN': '“{file}”是 .csv 文件，没有申报表的合并单元格和格式：请在 Excel 或 WPS 中打开申报表原件并“另存为” .xlsx 后重试。',
    'en-US': '"{file}" is a .csv file and holds none of the form\'s merged cells or formats: open the original form in Excel or WPS, save it as .xlsx and try again.',
  },
  'sheet-missing': {
    'zh-CN': '“{file}”中没有名为“{sheet}”的工作表：现有工作表为 {sheets}，请用 --sheet 指定其中之一。',
    'en-US': '"{file}" has no sheet named "{sheet}": its sheets are {sheets}; name one of them with --sheet.',
  },
  'no-sheets': {
    'zh-CN': '“{file}”中没有任何工作表：请确认选对了文件。',
    'en-US': '"{file}" holds no worksheet: check that this is the right file.',
  },
  'no-tables': {
    'zh-CN': 'Word 文档“{file}”中没有表格：请确认这是申报表的文档。',
    'en-US': 'The Word document "{file}" holds no table: check that this is the form.',
  },
  'folder-without-forms': {
    'zh-CN': '文件夹“{file}”（含子文件夹）中没有 .xlsx 或 .docx 文件：请确认文件夹，或直接给出文件。旧版 .xls/.doc 请先另存为 .xlsx/.docx。',
    'en-US': 'The folder "{file}" (with its subfolders) holds no .xlsx or .docx file: check the folder or name the files. Save legacy .xls/.doc files as .xlsx/.docx first.',
  },
  unknown: {
    'zh-CN': '无法读取“{file}”（{detail}）：请在 Excel 中打开并另存为 .xlsx 后重试。',
    'en-US': 'Cannot read "{file}" ({detail}): open it in Excel, save it as .xlsx and try again.',
  },
};

const WRITE: Partial<Record<FileProblemCode, MessageTemplate>> & { unknown: MessageTemplate } = {
  'not-found': {
    'zh-CN': '无法写入“{file}”：文件夹“{folder}”不存在，请先创建它或换一个路径。',
    'en-US': 'Cannot write "{file}": the folder "{folder}" does not exist; create it or choose another path.',
  },
  'is-folder': {
    'zh-CN': '无法写入“{file}”：这是一个文件夹，请在 --out 中给出文件名，例如 {file}/结果.xlsx。',
    'en-US': 'Cannot write "{file}": it is a folder; give --out a file name, e.g. {file}/result.xlsx.',
  },
  'no-permission': {
    'zh-CN': '无法写入“{file}”：没有写入权限，请换一个文件夹（例如自己的文档文件夹）。',
    'en-US': 'Cannot write "{file}": no permission to write there; choose another folder (e.g. your documents).',
  },
  busy: {
    'zh-CN': '无法写入“{file}”：文件正被其他程序占用（可能在 Excel 中打开），请关闭后重试或换一个文件名。',
    'en-US': 'Cannot write "{file}": it is in use by another program (perhaps open in Excel); close it and try again, or choose another name.',
  },
  'not-regular': {
    'zh-CN': '无法写入“{file}”：它不是普通文件（可能是管道或设备），请换一个文件名。',
    'en-US': 'Cannot write "{file}": it is not a regular file (perhaps a pipe or device); choose another name.',
  },
  'parent-not-folder': {
    'zh-CN': '无法写入“{file}”：“{folder}”不是文件夹，请换一个路径。',
    'en-US': 'Cannot write "{file}": "{folder}" is not a folder; choose another path.',
  },
  'disk-full': {
    'zh-CN': '无法写入“{file}”：磁盘空间不足。原有文件未改动；请腾出空间或换一个磁盘后重试。',
    'en-US': 'Cannot write "{file}": the disk is full. Any existing file is unchanged; free some space or choose another disk.',
  },
  'build-failed': {
    'zh-CN': '无法生成“{file}”（{detail}），未写入任何内容：请把输入文件发给维护人员以便查明原因。',
    'en-US': 'Could not build "{file}" ({detail}); nothing was written: please send the input file to the maintainers.',
  },
  unknown: {
    'zh-CN': '无法写入“{file}”（{detail}）：原有文件未改动；请检查磁盘空间和路径后重试。',
    'en-US': 'Cannot write "{file}" ({detail}): any existing file is unchanged; check the disk space and the path, then try again.',
  },
};

/** A Word document's problems are said with Word's words (.doc, .docx), not Excel's. */
const AS_DOCX: Partial<Record<FileProblemCode, FileProblemCode>> = { 'encrypted-or-xls': 'encrypted-or-doc', 'not-xlsx': 'not-docx', damaged: 'damaged-docx' };

export function problemFor(kind: 'xlsx' | 'docx', problem: FileProblem): FileProblem {
  const code = kind === 'docx' ? AS_DOCX[problem.code] : undefined;
  return code ? { ...problem, code } : problem;
}

/** The sentence for a problem, in one language. */
export function fileProblemText(problem: FileProblem, locale: Locale = 'zh-CN'): string {
  const table = problem.operation === 'write' ? WRITE : READ;
  const template = table[problem.code] ?? table.unknown;
  const folder = problem.file.replace(/[\\/][^\\/]*$/, '') || '.';
  return formatTemplate(template[locale], { detail: '', folder, ...problem.data, file: problem.file });
}

/** Raw texts of the zip and xml readers under ExcelJS (JSZip, sax) that mean "the bytes are broken". */
const DAMAGED_TEXT = /corrupted zip|end of data reached|end of central directory|^bug\b|invalid signature|unexpected end|invalid (?:code|distance|stored block|block type)|crc32|unclosed|unexpected close tag|unmatched closing tag|xml declaration|unexpected signature|non-whitespace before first tag|size mismatch|is this a zip file/i;

/** Kinds a zip or package reader may give its errors. */
const KINDS: Record<string, FileProblemCode> = {
  corrupt: 'damaged',
  'missing-part': 'damaged',
  unsupported: 'damaged',
  'not-zip': 'not-xlsx',
  encrypted: 'encrypted-or-xls',
};

const ERRNO: Record<string, FileProblemCode> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EISDIR: 'is-folder',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  EROFS: 'no-permission',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  ENOSPC: 'disk-full',
};

/**
 * Sorts any thrown error into a problem. `head` is the file's first bytes when known: a zip ("PK") that
 * fails to open is damaged, an OLE compound file (D0 CF 11 E0) is encrypted or .xls, anything else is not
 * a workbook at all.
 */
export function classifyFileError(e: unknown, file: string, operation: FileOperation, head?: Uint8Array): FileProblem {
  const given = (e as { problem?: unknown } | null)?.problem;
  if (given && typeof given === 'object') return given as FileProblem;
  // A reader's own error may name its kind (e.g. the zip reader's 'corrupt'), or wrap the error it caught.
  const kind = (e as { kind?: unknown } | null)?.kind ?? given;
  if (kind === 'too-large') {
    // The zip reader's bound: a part (or all parts) would inflate past what a form can need.
    return { code: 'zip-bomb', operation, file, data: { part: `${DEFAULT_ZIP_LIMITS.maxPartBytes / 2 ** 20} MB`, total: `${DEFAULT_ZIP_LIMITS.maxTotalBytes / 2 ** 20} MB` } };
  }
  if (typeof kind === 'string' && KINDS[kind]) return { code: KINDS[kind], operation, file };
  const cause = (e as { cause?: unknown } | null)?.cause;
  if (cause && cause !== e) {
    const inner = classifyFileError(cause, file, operation, head);
    if (inner.code !== 'unknown') return inner;
  }
  const errno = (e as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && ERRNO[errno]) return { code: ERRNO[errno], operation, file };
  const text = firstLine(e);
  if (operation === 'read') {
    if (head && head.length === 0) return { code: 'empty-file', operation, file };
    if (head && isOle(head)) return { code: 'encrypted-or-xls', operation, file };
    if (head && !isZip(head)) return { code: 'not-xlsx', operation, file };
    // A zip that fails to open as a workbook is a damaged one: truncated, or bytes changed in transit.
    if ((head && e) || DAMAGED_TEXT.test(text)) return { code: 'damaged', operation, file };
  }
  return { code: 'unknown', operation, file, data: { detail: typeof errno === 'string' ? errno : text } };
}

export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export function isOle(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return (message.split('\n')[0] ?? '').trim();
}

/** Any failure to read or write `file` as one sentence in the user's language. */
export function fileFailureText(e: unknown, locale: Locale, file = '', operation: FileOperation = 'read'): string {
  const where = file || ((e as { path?: unknown } | null)?.path as string | undefined) || '';
  return fileProblemText(classifyFileError(e, where, operation), locale);
}
