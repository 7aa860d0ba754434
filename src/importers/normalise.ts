/**
 * Text as PDF extraction leaves it, made readable for the parser: full-width digits and percent signs
 * become ASCII, and the spaces extraction puts inside numbers, years and quoted plan names go
 * (`２０１１—２０１５`, `2035 年`, `二 〇 三五年`, `“ 十四五 ”`, `增长 7.5 %`). Nothing else changes.
 */

const FULL_WIDTH_RE = /[０-９％＋－＜＞]|(?<=[0-9０-９])．(?=[0-9０-９])/g;
const HAN = '\\u4e00-\\u9fff';

export function fullWidthToAscii(s: string): string {
  return s.replace(FULL_WIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function normaliseText(input: string): string {
  let s = fullWidthToAscii(input);
  if (!/[ \u3000\u00a0]/.test(s)) return s;
  s = s
    // Inside a number: "3 . 5", "7.5 %", "1 000".
    .replace(/(\d)[ \u00a0]+(?=[.%‰])/g, '$1')
    .replace(/(\d\.)[ \u00a0]+(?=\d)/g, '$1')
    // Between a number and its unit or year word: "2035 年", "800 万人".
    .replace(
      new RegExp(`(\\d)[ \\u00a0\\u3000]+(?=[${HAN}])`, 'g'),
      (m, d: string, offset: number, whole: string) => (isCaptionNumber(whole, offset) ? m : d),
    )
    // Between a word and the number it governs: "增长 7.5%", "到 2010 年".
    .replace(new RegExp(`([${HAN}，、（(])[ \\u00a0\\u3000]+(?=\\d)`, 'g'), (m, c: string) =>
      /[表图栏第]/.test(c) ? m : c,
    )
    // Chinese numerals spelled with spaces: "二 〇 三五年".
    .replace(
      /[〇零一二三四五六七八九十](?:[ \u00a0\u3000]*[〇零一二三四五六七八九十])+[ \u00a0\u3000]*年/g,
      (m) => m.replace(/[ \u00a0\u3000]+/g, ''),
    )
    // Inside quotes: "“ 十四五 ”".
    .replace(/([“‘「])[ \u00a0\u3000]+/g, '$1')
    .replace(/[ \u00a0\u3000]+(?=[”’」])/g, '');
  return s;
}

/** "表1 园区…", "图 2 …", "专栏3 …": the number of a caption keeps its space. */
function isCaptionNumber(s: string, digitOffset: number): boolean {
  let i = digitOffset;
  while (i > 0 && /[\d\s]/.test(s[i - 1] ?? '')) i -= 1;
  return /(?:表|图|专栏|第)$/.test(s.slice(Math.max(0, i - 2), i));
}
