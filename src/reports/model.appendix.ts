/** The report's appendix: method, verdict definitions, the engine's notes, and the source of the figures. */
import { DEFAULT_DELTA } from '../domain/evaluation/evaluate.ts';
import type { Verdict } from '../domain/evaluation/types.ts';
import { VERDICTS } from '../domain/evaluation/types.ts';
import { verdictTone } from '../domain/evaluation/verdict.ts';
import { DEFAULT_TIME_ZONE, localDateTime, zoneLabel } from '../domain/time.ts';
import { num } from './format.ts';
import { caption, h2, label, para, str, type Ctx } from './model.context.ts';
import { annexTable } from './model.final.ts';
import { possible } from './model.overall.ts';
import type { Cell } from './types.ts';

function verdictMeaning(v: Verdict, lang: 'zh' | 'en'): string {
  const m: Record<Verdict, [string, string]> = {
    achieved: ['已达到目标（期中为提前实现，期末为已完成）', 'the target is met (early during the period)'],
    ahead: ['实际进度快于时间进度', 'progress ahead of time elapsed'],
    on_track: [
      '实际进度与时间进度基本一致，或目标条件当年满足',
      'progress in line with time, or the condition holds',
    ],
    acceleration_needed: ['有进展，但增速低于所需增速', 'progress made, but slower than required'],
    limited_progress: ['进展明显不足', 'little progress'],
    lagging: ['实际进度落后于时间进度，或目标条件当年未满足', 'progress behind time, or the condition fails'],
    deterioration: ['指标向目标的反方向变化', 'moving away from the target'],
    not_achieved: ['期末未达到目标', 'the target was missed at the end of the period'],
    no_data: ['评估年份及以前没有数据', 'no value up to the year'],
    not_assessable: [
      '缺少基期、目标或目标无法量化',
      'no baseline, no target year, or a target that cannot be measured',
    ],
  };
  return m[v][lang === 'zh' ? 0 : 1];
}

function twoColumns(
  ctx: Ctx,
  id: string,
  title: string,
  columns: readonly [string, string],
  firstWidth: number,
  rows: Cell[][],
): void {
  ctx.blocks.push({
    type: 'table',
    id,
    caption: caption(ctx, 'table', title),
    columns: [
      { title: columns[0], width: firstWidth },
      { title: columns[1], width: 100 - firstWidth },
    ],
    rows,
  });
}

export function appendix(ctx: Ctx): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  ctx.blocks.push({ type: 'heading', level: 1, text: s.appendixHeading });
  let sub = 0;
  h2(ctx, ++sub, s.methodTitle);
  for (const p of s.methodText(ev.method, num(DEFAULT_DELTA))) para(ctx, p);
  h2(ctx, ++sub, s.verdictDefinitions);
  const used = VERDICTS.filter((v) => possible(v, ev.method, ctx.final) || ev.summary.counts[v] > 0);
  twoColumns(
    ctx,
    'verdict-definitions',
    s.verdictDefinitions,
    s.verdictDefinitionColumns,
    25,
    used.map((v) => [{ text: label(ctx, v), tone: verdictTone(v) }, str(verdictMeaning(v, lang))]),
  );
  const notes = ev.indicators.flatMap((i) => i.notes.map((nt) => [str(i.name), str(nt[lang])]));
  if (notes.length > 0) {
    h2(ctx, ++sub, s.notesTitle);
    twoColumns(ctx, 'notes', s.notesTitle, s.notesColumns, 35, notes);
  }
  if (ctx.final) annexTable(ctx, ++sub);
  h2(ctx, sub + 1, s.sourceTitle);
  para(
    ctx,
    s.sourceText({
      id: input.snapshot.id,
      engine: input.snapshot.engineVersion,
      createdAt: localTime(input.snapshot.createdAt, input.timeZone ?? DEFAULT_TIME_ZONE, ctx.lang),
      year: ctx.year,
      method: s.methodName(ev.method),
    }),
  );
  if (input.dataNote != null && input.dataNote !== '') para(ctx, input.dataNote, 'note');
}

/** 2024-03-01 16:00（北京时间） — the snapshot's time in the office's zone, saying which. */
function localTime(iso: string, zone: string, lang: 'zh' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const at = localDateTime(d, zone);
  return lang === 'zh' ? `${at}（${zoneLabel(zone).zh}）` : `${at} (${zoneLabel(zone).en})`;
}
