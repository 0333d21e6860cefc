/** Values as people type them. */
import { parseCell, parseText, parseDate, serialToDate, dateToSerial, shareOf } from '../../src/read/values';

const num = (text: string) => {
  const p = parseText(text);
  return p.kind === 'number' ? `${p.value.toString()}${p.percent ? ' %' : ''}` : p.kind;
};

describe('parseText', () => {
  it.each([
    ['7969.3', '7969.3'],
    ['７９６９．３', '7969.3'],
    ['８９．２５％', '0.8925 %'],
    ['7112　', '7112'],
    ['1,234,567.89', '1234567.89'],
    ['9.46%', '0.0946 %'],
    ['-0.5%', '-0.005 %'],
    ['100', '100'],
    ['－37％', '-0.37 %'],
  ])('%s reads as %s', (text, expected) => expect(num(text)).toBe(expected));

  it('reads quantities with their unit, with comparators', () => {
    expect(parseText('55种')).toMatchObject({ kind: 'quantity', unit: '种' });
    expect(parseText('37万平方米')).toMatchObject({ kind: 'quantity', unit: '万平方米' });
    expect(parseText('500万元')).toMatchObject({ kind: 'quantity', unit: '万元' });
    expect(parseText('≥90%')).toMatchObject({ kind: 'number', percent: true, comparator: '≥' });
  });

  it('reads words as text and error codes as errors', () => {
    expect(parseText('健全')).toMatchObject({ kind: 'text', text: '健全' });
    expect(parseText('效果明显')).toMatchObject({ kind: 'text' });
    expect(parseText('#DIV/0!')).toEqual({ kind: 'error', code: '#DIV/0!' });
  });

  it('notes hygiene: full-width, stray spaces, numbers stored as text', () => {
    expect(parseText('７９６９．３')).toMatchObject({ hygiene: { fullWidth: true, storedAsText: true, clean: '7969.3' } });
    expect(parseText('7112　')).toMatchObject({ hygiene: { straySpace: true, clean: '7112' } });
  });
});

describe('parseCell', () => {
  it('reads numbers formatted as percentages as ratios, and bare share points as percentages', () => {
    expect(parseCell({ value: 0.0946, numberFormat: '0.00%' })).toMatchObject({ kind: 'number', percent: true });
    expect(shareOf(parseCell({ value: 9.46 }))?.toString()).toBe('0.0946');
    expect(shareOf(parseCell({ value: 100 }))?.toString()).toBe('1');
  });

  it('reports Excel error values and never throws on odd values', () => {
    expect(parseCell({ value: { error: '#REF!' } })).toEqual({ kind: 'error', code: '#REF!' });
    expect(parseCell({ value: Number.NaN })).toMatchObject({ kind: 'error' });
    expect(parseCell({ value: true })).toMatchObject({ kind: 'text' });
    expect(parseCell(undefined)).toEqual({ kind: 'empty' });
  });

  it('keeps the decimal a number displays: 0.1 + 0.2 style float noise is cut', () => {
    const p = parseCell({ value: 0.1 + 0.2 });
    expect(p.kind === 'number' && p.value.toString()).toBe('0.3');
  });
});

describe('dates', () => {
  it('reads serials, text dates and inline dates', () => {
    expect(serialToDate(45303)).toEqual({ year: 2024, month: 1, day: 12 });
    expect(dateToSerial({ year: 2024, month: 1, day: 12 })).toBe(45303);
    expect(parseDate(undefined, '2024年1月12日')).toEqual({ year: 2024, month: 1, day: 12 });
    expect(parseDate({ value: '2024-01-12' })).toEqual({ year: 2024, month: 1, day: 12 });
    expect(parseDate({ value: 45303, numberFormat: 'yyyy"年"m"月"d"日"' })).toEqual({ year: 2024, month: 1, day: 12 });
    expect(parseDate({ value: '下周' })).toBeNull();
  });
});
