import type { PlanDocument } from './plan-document.ts';
import { parseNumeral } from './numerals.ts';

export type PlanMetaDoc = PlanDocument['meta'];

const FYP_ORDINAL_RE = /第([一二三四五六七八九十]{1,3})个五年/;
const FYP_SHORT_RE = /“?十([一二三四五六七八九])五”?/;
const VISION_RE = /([二〇零一三四五六七八九]{4}|20\d\d)年远景目标/;
const PERIOD_RE = /[（(]\s*(20\d\d)\s*[~～\-—–至到]\s*(20\d\d)\s*年?\s*[）)]/;
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
  return null;
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
  const heading = input.titleCandidates.find(isPlanTitle);
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
  const explicit = PERIOD_RE.exec(leadText);
  if (explicit) {
    const start = Number(explicit[1]);
    const end = Number(explicit[2]);
    if (end >= start && end - start <= 15) period = { start, end };
  }
  if (planNumber === null) {
    // Which “十X五” does the text talk about most? The plan's own period is named far more often.
    const counts = new Map<number, number>();
    for (const m of input.allText.matchAll(/“十([一二三四五六七八九])五”/g)) {
      const d = parseNumeral(m[1] ?? '');
      if (d !== null) counts.set(10 + d, (counts.get(10 + d) ?? 0) + 1);
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
  if (planNumber === null && (period.start - 2021) % 5 === 0) planNumber = 14 + (period.start - 2021) / 5;

  let visionYear: number | null = null;
  const v = VISION_RE.exec(title ?? '') ?? VISION_RE.exec(leadText);
  if (v?.[1]) visionYear = parseNumeral(v[1]);
  if (visionYear !== null && (visionYear < period.end || visionYear > period.end + 30)) visionYear = null;

  if (title === null) title = planNumber !== null ? `第${planNumber}个五年规划纲要` : '未命名规划';
  const issuerMatch = /^(.{2,30}?)(?:国民经济和社会发展|国民经济|“十)/.exec(title);
  const issuer = issuerMatch?.[1] ?? null;

  return { title, titleSource, issuer, period, visionYear, planNumber, sourceFormat: input.sourceFormat };
}
