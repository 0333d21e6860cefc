/** The mapping from raw errors to file problems, for errors the command line cannot easily provoke. */
import { classifyFileError, fileFailureText } from '../src/i18n/file-errors';

const errno = (code: string) => Object.assign(new Error(`${code}: raw text, open '/x.xlsx'`), { code, path: '/x.xlsx' });

describe('classifyFileError', () => {
  it.each([
    ['EBUSY', 'busy', '“/x.xlsx”正被其他程序占用：请在 Excel 或 WPS 中关闭它后重试。'],
    ['EACCES', 'no-permission', '没有读取“/x.xlsx”的权限：请检查文件权限，或把文件复制到自己的文件夹后重试。'],
    ['EISDIR', 'is-folder', '“/x.xlsx”是一个文件夹，不是工作簿：请给出其中的 .xlsx 文件。'],
  ])('%s is %s, said without the raw text', (code, problem, zh) => {
    expect(classifyFileError(errno(code), '/x.xlsx', 'read').code).toBe(problem);
    expect(fileFailureText(errno(code), 'zh-CN')).toBe(zh);
    expect(fileFailureText(errno(code), 'en-US')).not.toMatch(new RegExp(`${code}|raw text`));
  });

  it('a write that fails because the file is open elsewhere says to close it', () => {
    expect(fileFailureText(errno('EBUSY'), 'en-US', '/out/r.xlsx', 'write')).toBe(
      'Cannot write "/out/r.xlsx": it is in use by another program (perhaps open in Excel); close it and try again, or choose another name.',
    );
  });

  it('reader errors are sorted by their kind or by the error they wrap', () => {
    expect(classifyFileError(Object.assign(new Error('x'), { kind: 'not-zip' }), 'f', 'read').code).toBe('not-xlsx');
    expect(classifyFileError(Object.assign(new Error('x'), { kind: 'encrypted' }), 'f', 'read').code).toBe('encrypted-or-xls');
    const wrapped = Object.assign(new Error('wrapper'), { cause: new Error('End of data reached (data length = 13233, asked index = 13237). Corrupted zip ?') });
    expect(classifyFileError(wrapped, 'f', 'read').code).toBe('damaged');
  });

  it('the raw JSZip texts are recognised as a damaged file even without the bytes', () => {
    for (const raw of ['Corrupted zip: can\'t find end of central directory', 'End of data reached (data length = 1)', "Can't find end of central directory : is this a zip file ?", 'Bug : uncompressed data size mismatch']) {
      expect(classifyFileError(new Error(raw), 'f', 'read').code).toBe('damaged');
    }
  });

  it('an unknown failure keeps a short detail but still says what to try', () => {
    expect(fileFailureText(new Error('something odd\nstack'), 'zh-CN', 'f.xlsx')).toBe('无法读取“f.xlsx”（something odd）：请在 Excel 中打开并另存为 .xlsx 后重试。');
  });
});
