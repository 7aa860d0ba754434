/**
 * Reading a quantity as plans and statistical tables print it. The one parser of the product: the importers
 * read plan tables and stated targets with it, spreadsheets and tests build specs with it.
 */
import type { Comparator, Quantity } from './quantity.ts';

/** Full-width digits and punctuation that matter for numbers → ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９．％－～＞＜]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const NUM = String.raw`[+-]?\d+(?:\.\d+)?`;
const NONE_RE = /^(?:[—–\-－―─]+|\/|／|无|暂无|——)$/;
const PREFIXES: ReadonlyArray<readonly [RegExp, Comparator]> = [
  [/^(?:≥|>=|不少于|不低于|至少)/, 'gte'],
  [/^(?:>|＞|超过|超|突破|大于|高于)/, 'gt'],
  [/^(?:≤|<=|不超过|不高于|控制在|降到|降至|低于等于)/, 'lte'],
  [/^(?:<|＜|低于|小于)/, 'lt'],
  [/^(?:约|大约)/, 'about'],
];
const SUFFIXES: ReadonlyArray<readonly [RegExp, Comparator]> = [
  [/(?:及以上|以上)$/, 'gte'],
  [/(?:以内|以下)$/, 'lte'],
  [/(?:左右|上下|前后)$/, 'about'],
];
/** A unit may sit between the number and a suffix ("6.5%左右", "1万件以上"). */
const UNIT_RE = /^(?:%|‰|[^\d\s]{1,8})$/;

function numberPart(s: string): { value: number; unit: string } | null {
  const m = new RegExp(`^(${NUM})\\s*(.*)$`).exec(s);
  if (!m) return null;
  const unit = (m[2] ?? '').trim();
  if (unit !== '' && !UNIT_RE.test(unit)) return null;
  return { value: Number(m[1]), unit };
}

function quantity(
  raw: string,
  comparator: Comparator,
  value: number | null,
  low: number | null,
  high: number | null,
): Quantity {
  return { raw, value, comparator, low, high };
}

/** A single stated number with its comparator: the bounds follow from it (about has none, a band is not a bound). */
export function boundedQuantity(raw: string, value: number, comparator: Comparator): Quantity {
  switch (comparator) {
    case 'gte':
    case 'gt':
      return quantity(raw, comparator, value, value, null);
    case 'lte':
    case 'lt':
      return quantity(raw, comparator, value, null, value);
    case 'about':
      return quantity(raw, 'about', value, null, null);
    case 'eq':
    case 'range':
    case 'none':
    case 'text':
      return quantity(raw, 'eq', value, value, value);
  }
}

/**
 * Parses one value cell or stated target: "6.5", "7左右", "5以上", "不少于25", "突破5000", ">3",
 * "<5.5", "2以内", "30-32", "—", and words ("完成市下达任务") kept as text. `raw` is kept verbatim.
 */
export function parseQuantity(input: string): Quantity {
  const raw = input.trim();
  const q = parseCore(raw);
  if (q.comparator !== 'text') return q;
  // ">7、力争…" / "6.5左右（按可比价）": the leading figure states the target, the rest qualifies it.
  const lead = /^([^、，,；;（(]+)[、，,；;（(]/.exec(raw);
  if (lead?.[1] && /\d/.test(lead[1])) {
    const head = parseCore(lead[1]);
    if (head.comparator !== 'text' && head.comparator !== 'none') return { ...head, raw };
  }
  return q;
}

function parseCore(raw: string): Quantity {
  const s = toHalfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/,(?=\d{3})/g, '')
    // 〔13.5〕: a five-year cumulative figure; the brackets say what, not how much.
    .replace(/^[〔［[【]\s*(.*?)\s*[〕］\]】]$/, '$1')
    .replace(/[*＊]+$/, '');
  if (s === '' || NONE_RE.test(s)) return quantity(raw, 'none', null, null, null);

  const range = new RegExp(`^(${NUM})\\s*(?:[-~～—–至到])\\s*(${NUM})\\s*([^\\d]{0,8})$`).exec(s);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    const unit = range[3] ?? '';
    if (unit === '' || UNIT_RE.test(unit)) {
      const low = Math.min(a, b);
      const high = Math.max(a, b);
      return quantity(raw, 'range', (low + high) / 2, low, high);
    }
  }

  let rest = s;
  let comparator: Comparator = 'eq';
  for (const [re, c] of PREFIXES) {
    const m = re.exec(rest);
    if (m) {
      comparator = c;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  for (const [re, c] of SUFFIXES) {
    const m = re.exec(rest);
    if (m && rest.length > m[0].length) {
      if (comparator !== 'eq' && comparator !== c) return quantity(raw, 'text', null, null, null);
      comparator = c;
      rest = rest.slice(0, rest.length - m[0].length);
      break;
    }
  }
  const n = numberPart(rest);
  if (!n || !Number.isFinite(n.value)) return quantity(raw, 'text', null, null, null);
  if (comparator === 'range' || comparator === 'none' || comparator === 'text')
    return quantity(raw, 'text', null, null, null);
  return boundedQuantity(raw, n.value, comparator);
}
