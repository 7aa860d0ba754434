import type { PlanDocument } from './plan-document.ts';
import { parseNumeral } from '../domain/numerals.ts';

export type PlanMetaDoc = PlanDocument['meta'];

const FYP_ORDINAL_RE = /第([一二三四五六七八九十]{1,3})个五年/;
/** “十四五”, 十五五; “十五” and “九五” only quoted or before 计划/规划/时期 (十五 alone is fifteen). */
const FYP_SHORT_RE =
  /“?十([一二三四五六七八九])五”?|“(十|[六七八九])五”|(十|[六七八九])五(?=计划|规划|时期|期间)/;
const FYP_SHORT_ALL_RE = /“(十[一二三四五六七八九]?|[六七八九])五”/g;
const VISION_RE = /([二〇零一三四五六七八九]{4}|20\d\d)年远景目标/;
const YEARS = String.raw`((?:19|20)\d\d)\s*年?\s*[~～\-—–至到]+\s*((?:19|20)\d\d)\s*年?`;
const PERIOD_RE = new RegExp(String.raw`[（(]\s*${YEARS}\s*[）)]`);
/** "2006—2010年" in running text (no brackets): only with 年 after the second year. */
const BARE_PERIOD_RE = new RegExp(String.raw`(?<!\d)${YEARS.replace(/年\?$/, '年')}`);
/** The title in the first sentence: "中华人民共和国…第十二个五年（2011—2015年）规划纲要，根据…". */
const FIRST_SENTENCE_TITLE_RE =
  /^(.{2,60}?(?:第[一二三四五六七八九十]{1,3}个五年|“[^”]{1,4}五”|十[一二三四五六七八九]五)[^，。；《》]{0,40}?(?:规划|计划)(?:纲要)?)(?=[，。；]|根据|是|$)/;
const TITLE_PERIOD_RE = new RegExp(String.raw`\s*[（(]\s*${YEARS}\s*[）)]\s*`);
const CITED_TITLE_RE = /《([^《》]{4,80})》/g;

/** The years of the nth five-year plan: the 14th is 2021–2025 (valid from the 6th, 1981–1985). */
export function periodOfPlanNumber(n: number): { start: number; end: number } {
  const start = 2021 + 5 * (n - 14);
  return { start, end: start + 4 };
}

export function planNumberOf(text: string): number | null {
  const a = FYP_ORDINAL_RE.exec(text);
  if (a?.[1]) return parseNumeral(a[1]);
  const b = FYP_SHORT_RE.exec(text);
  if (b?.[1]) {
    const d = parseNumeral(b[1]);
    return d === null ? null : 10 + d;
  }
  const older = b?.[2] ?? b?.[3];
  return older ? parseNumeral(older) : null;
}

/** The plan number a quoted short name stands for: “十四五” 14, “十五” 10, “九五” 9. */
function shortNameNumber(inner: string): number | null {
  if (inner === '十') return 10;
  if (inner.length === 2) {
    const d = parseNumeral(inner.slice(1));
    return d === null ? null : 10 + d;
  }
  return parseNumeral(inner);
}

/** How a plan's name ends: 规划, 计划 or 纲要, perhaps with its period in brackets after it. */
const TITLE_END_RE = /(?:规划|计划|纲要)(?:\s*[（(][^（）()]{0,20}[）)])?$/;
/** Words only a plan's name has: the line holds (part of) the title. */
const TITLE_WORD_RE = /国民经济|个五年|“[^”]{1,4}五”|十[一二三四五六七八九]五|规划|计划|纲要/;
/** A line with the period of the name on the line before: （2026—2030年）. */
const PERIOD_LINE_RE = /^[（(]\s*(?:19|20)\d\d/;
/** A line that goes on with an unfinished name: its period, its vision, or the rest of the name. */
const TITLE_GOES_ON_RE = new RegExp(
  String.raw`^(?:[（(]\s*(?:19|20)\d\d|(?:[二〇零○一三四五六七八九]{4}|20\d\d)\s*年远景|远景目标|第[一二三四五六七八九十]{1,3}个五年|“[^”]{1,4}五”)|^(?:规划|计划)?纲要$|^(?:规划|计划)$`,
);
const MAX_TITLE = 80;

/**
 * The title when it is set over two or three lines (`…第十五个五年规划和` / `二〇三五年远景目标纲要`, `…规划纲要`
 * / `（2026—2030年）`): the lines from the first that names a plan, as long as each goes on with it.
 * A line that does not go on with the name (a date, （草案）, an issuer) ends it.
 */
function joinedTitle(candidates: string[]): string | null {
  const start = candidates.findIndex((c) => TITLE_WORD_RE.test(c));
  if (start < 0) return null;
  let title = candidates[start] ?? '';
  for (const next of candidates.slice(start + 1, start + 3)) {
    if (title.length + next.length > MAX_TITLE) break;
    const goesOn = TITLE_END_RE.test(title)
      ? PERIOD_LINE_RE.test(next)
      : TITLE_GOES_ON_RE.test(next) || TITLE_WORD_RE.test(next);
    if (!goesOn) break;
    title += next;
  }
  return isPlanTitle(title) ? title : null;
}

function isPlanTitle(s: string): boolean {
  return /规划|纲要|计划/.test(s) && !/建议|意见|通知/.test(s);
}

export interface MetaInput {
  /** Paragraphs before the first heading that look like a title (Title style, or short and naming a plan). */
  titleCandidates: string[];
  /** The first paragraphs of the document body (preamble), searched for 编制《…》 and the period. */
  leadParagraphs: string[];
  /** All paragraph text, for fallbacks (which “十X五” the text talks about most). */
  allText: string;
  filename: string | null;
  sourceFormat: PlanMetaDoc['sourceFormat'];
}

/** Title, issuer, period and vision year, inferred from the title (or the preamble that names it). */
export function inferMeta(input: MetaInput): PlanMetaDoc | null {
  let title: string | null = null;
  let titleSource: PlanMetaDoc['titleSource'] = 'default';
  const heading = joinedTitle(input.titleCandidates) ?? input.titleCandidates.find(isPlanTitle);
  if (heading) {
    title = heading;
    titleSource = 'heading';
  }
  if (title === null) {
    const lead = input.leadParagraphs.join('\n');
    let best: string | null = null;
    for (const m of lead.matchAll(CITED_TITLE_RE)) {
      const name = m[1] ?? '';
      if (!isPlanTitle(name)) continue;
      const before = lead.slice(Math.max(0, m.index - 2), m.index);
      if (/编制|制定|印发/.test(before)) {
        best = name;
        break;
      }
      best ??= name;
    }
    if (best !== null) {
      title = best;
      titleSource = 'preamble';
    }
  }
  if (title === null) {
    // The first sentence may begin on the line before it (`…第十二个五年` / `（2011—2015年）规划纲要，根据…`).
    const last = input.titleCandidates[input.titleCandidates.length - 1] ?? '';
    const opening = TITLE_WORD_RE.test(last) && !TITLE_END_RE.test(last) ? last : '';
    const first = FIRST_SENTENCE_TITLE_RE.exec(`${opening}${input.leadParagraphs[0] ?? ''}`);
    if (first?.[1] && isPlanTitle(first[1])) {
      title = first[1];
      titleSource = 'preamble';
    }
  }
  if (title === null && input.filename) {
    const base = input.filename.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    if (isPlanTitle(base)) {
      title = base;
      titleSource = 'filename';
    }
  }

  let planNumber = title ? planNumberOf(title) : null;
  const leadText = input.leadParagraphs.join('\n');
  let period: { start: number; end: number } | null = null;
  const explicit =
    PERIOD_RE.exec(title ?? '') ?? PERIOD_RE.exec(leadText) ?? BARE_PERIOD_RE.exec(leadText.slice(0, 2000));
  if (explicit) {
    const start = Number(explicit[1]);
    const end = Number(explicit[2]);
    if (end >= start && end - start <= 15) period = { start, end };
  }
  if (title !== null) title = title.replace(TITLE_PERIOD_RE, '');
  if (planNumber === null) {
    // Which “十X五” does the text talk about most? The plan's own period is named far more often.
    const counts = new Map<number, number>();
    for (const m of input.allText.matchAll(FYP_SHORT_ALL_RE)) {
      const d = shortNameNumber(m[1] ?? '');
      if (d !== null) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    let bestCount = 0;
    for (const [n, c] of counts) {
      if (c > bestCount || (c === bestCount && planNumber !== null && n > planNumber)) {
        planNumber = n;
        bestCount = c;
      }
    }
  }
  if (period === null && planNumber !== null) period = periodOfPlanNumber(planNumber);
  if (period === null) return null;
  if (planNumber === null && (period.start - 2021) % 5 === 0 && period.end - period.start === 4)
    planNumber = 14 + (period.start - 2021) / 5;

  let visionYear: number | null = null;
  const v = VISION_RE.exec(title ?? '') ?? VISION_RE.exec(leadText);
  if (v?.[1]) visionYear = parseNumeral(v[1]);
  if (visionYear !== null && (visionYear < period.end || visionYear > period.end + 30)) visionYear = null;

  if (title === null) title = planNumber !== null ? `第${planNumber}个五年规划纲要` : '未命名规划';
  const issuerMatch =
    /^(.{2,30}?)(?:国民经济和社会发展|国民经济|“[^”]{1,3}五”|十[一二三四五六七八九]五|第[一二三四五六七八九十]{1,3}个五年)/.exec(
      title,
    );
  const issuer = issuerMatch?.[1] ?? null;

  return {
    title,
    titleSource,
    issuer,
    period,
    visionYear,
    planNumber,
    sourceFormat: input.sourceFormat,
  };
}
