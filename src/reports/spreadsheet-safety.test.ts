import { describe, expect, it } from 'vitest';
import { neutraliseFormula, spreadsheetText } from './spreadsheet-safety.ts';

describe('neutraliseFormula', () => {
  it('prefixes every cell that a spreadsheet would run as a formula', () => {
    for (const s of [
      '=1+1',
      '-1+HYPERLINK("http://x","y")',
      '+cmd|/c calc',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '-',
      '+',
      '-1-1',
    ])
      expect(neutraliseFormula(s), JSON.stringify(s)).toBe(`'${s}`);
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const s of [
      '-1',
      '+3.5',
      '-1,234.5',
      '-2.5e-3',
      '-12%',
      '+0.8%',
      '.5',
      '国家高新技术企业数',
      'a=b',
      '',
    ])
      expect(neutraliseFormula(s), JSON.stringify(s)).toBe(s);
  });
});

describe('spreadsheetText', () => {
  it('strips characters XML forbids before checking, so a hidden control character cannot hide a formula', () => {
    expect(spreadsheetText('\u0001=1+1')).toBe("'=1+1");
    expect(spreadsheetText('名\u0008称')).toBe('名称');
  });
});
