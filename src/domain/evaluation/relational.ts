/** Targets compared each year: a value assigned from above (下达) and a relation to another indicator (与GDP同步). */
import { annualRateRule } from './annual-rate.ts';
import type { Ctx } from './context.ts';
import { DEFAULT_RELATIONAL_TOLERANCE, inPeriod, note } from './context.ts';
import { base, completionVerdict, finish, noDataWhy, u } from './explain.ts';
import { pointsOf } from './observations.ts';
import { comparison, probability } from './result-parts.ts';
import { fmt, gte, lte, mean, round } from './stats.ts';
import { parseRelation, relationLabel } from './text.ts';
import type { Relation } from './text.ts';
import type { Bilingual, IndicatorEvaluation } from './types.ts';

export function evaluateAssigned(ctx: Ctx): IndicatorEvaluation {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const last = period[period.length - 1];
  if (last === undefined) return finish(ctx, r, 'no_data', noDataWhy(ctx, null));
  r.dataYear = last.year;
  const raw = ctx.spec.target?.raw ?? '完成下达任务';
  if (last.value === null) {
    if (last.text !== null) {
      const c = completionVerdict(ctx, r, last);
      if (c !== null) return c;
    }
    return finish(ctx, r, 'no_data', noDataWhy(ctx, last));
  }
  r.actual = round(last.value);
  const given = ctx.assigned.find((p) => p.year === last.year);
  if (given === undefined || given.value === null) {
    return finish(ctx, r, 'no_data', {
      zh: `${last.year}年实际为${u(ctx, last.value).zh}，但缺少该年下达的目标值（“${raw}”须逐年录入下达值）`,
      en: `${u(ctx, last.value).en} in ${last.year}, but the value assigned for that year is missing (“${raw}” needs the assigned value entered each year)`,
    });
  }
  const S = given.value;
  const dir = ctx.dir === 0 ? 1 : ctx.dir;
  const test = (a: number, s: number): boolean => (dir > 0 ? gte(a, s) : lte(a, s));
  const met = test(last.value, S);
  r.expected = round(S);
  r.target = round(S);
  const rule: Bilingual =
    dir > 0
      ? { zh: `不低于下达值${u(ctx, S).zh}`, en: `at least the assigned ${u(ctx, S).en}` }
      : { zh: `不高于下达值${u(ctx, S).zh}`, en: `at most the assigned ${u(ctx, S).en}` };
  r.comparison = comparison(rule, met);
  const missed: number[] = [];
  for (const p of period) {
    const s = ctx.assigned.find((a) => a.year === p.year);
    if (p.year !== last.year && p.value !== null && s?.value != null && !test(p.value, s.value))
      missed.push(p.year);
  }
  if (missed.length > 0)
    note(
      ctx,
      `${missed.join('、')}年未完成下达任务`,
      `the assigned value was missed in ${missed.join(', ')}`,
    );
  if (ctx.final || ctx.yT === null || last.year >= ctx.yT) r.probability = probability(met ? 1 : 0, 0, 0, 0);
  const head: Bilingual = {
    zh: `${last.year}年实际${u(ctx, last.value).zh}，要求${rule.zh}，${met ? '完成下达任务' : '未完成下达任务'}`,
    en: `${u(ctx, last.value).en} in ${last.year}, required ${rule.en}: ${met ? 'met' : 'missed'}`,
  };
  if (ctx.final) return finish(ctx, r, met ? 'achieved' : 'not_achieved', head);
  return finish(ctx, r, met ? 'on_track' : 'lagging', head);
}

function relationHolds(required: Relation, observed: Relation, dir: 1 | -1 | 0): boolean {
  switch (required) {
    case 'above':
      return observed === 'above';
    case 'not_below':
      return observed === 'above' || observed === 'not_below' || observed === 'sync';
    case 'sync':
      if (dir > 0) return observed === 'above' || observed === 'not_below' || observed === 'sync';
      if (dir < 0) return observed === 'below' || observed === 'sync';
      return observed === 'sync';
    case 'below':
      return observed === 'below';
  }
}

export function evaluateRelational(ctx: Ctx): IndicatorEvaluation {
  const r = base(ctx);
  const raw = ctx.spec.target?.raw ?? '';
  const required = parseRelation(raw);
  const relName =
    ctx.options.relatedName ??
    ctx.spec.relatedCode ??
    (/GDP|地区生产总值|经济增长/.test(raw) ? 'GDP增长' : '对比指标');
  if (required === null)
    return finish(ctx, r, 'not_assessable', {
      zh: `目标“${raw}”未说明与其他指标的关系`,
      en: `the target “${raw}” states no relation to another indicator`,
    });
  const tol = ctx.spec.tolerance ?? ctx.options.relationalTolerance ?? DEFAULT_RELATIONAL_TOLERANCE;
  const dir = ctx.dir === 0 ? 1 : ctx.dir;
  const reqL = relationLabel(required);
  const syncNote: Bilingual = {
    zh: `“同步”指两者增幅之差在±${fmt(tol)}个百分点以内`,
    en: `“in step” means the two growth rates differ by at most ${fmt(tol)} points`,
  };
  const rule: Bilingual = (() => {
    switch (required) {
      case 'above':
        return {
          zh: `增幅须高于${relName}（严格大于，不设容差）`,
          en: `growth must be above ${relName} (strictly, no tolerance)`,
        };
      case 'not_below':
        return { zh: `增幅不低于${relName}`, en: `growth not below ${relName}` };
      case 'sync':
        return dir > 0
          ? {
              zh: `增幅不低于${relName}减${fmt(tol)}个百分点（${syncNote.zh}，快于视为满足）`,
              en: `growth at least ${relName} minus ${fmt(tol)} points (${syncNote.en}; faster counts as met)`,
            }
          : {
              zh: `增幅与${relName}之差在±${fmt(tol)}个百分点以内`,
              en: `growth within ±${fmt(tol)} points of ${relName}`,
            };
      case 'below':
        return { zh: `增幅须低于${relName}`, en: `growth must be below ${relName}` };
    }
  })();
  const period = inPeriod(ctx, ctx.actual);
  const last = period[period.length - 1];
  if (last === undefined) return finish(ctx, r, 'no_data', noDataWhy(ctx, null));
  r.dataYear = last.year;
  let met: boolean;
  let head: Bilingual;
  if (last.value === null) {
    const observed = parseRelation(last.text ?? '');
    if (observed === null) {
      const c = last.text !== null ? completionVerdict(ctx, r, last) : null;
      return c ?? finish(ctx, r, 'no_data', noDataWhy(ctx, last));
    }
    r.actualText = last.text;
    met = relationHolds(required, observed, dir);
    const obsL = relationLabel(observed);
    head = {
      zh: `目标为“${raw}”，${last.year}年实际为“${last.text ?? ''}”（${obsL.zh}${relName}）；${required === 'above' && observed === 'sync' ? `${syncNote.zh}，同步不满足“高于”` : rule.zh}`,
      en: `the target is “${raw}” (${reqL.en} ${relName}); ${last.year} reported “${last.text ?? ''}” (${obsL.en} ${relName}); ${required === 'above' && observed === 'sync' ? `${syncNote.en}, and in step is not above` : rule.en}`,
    };
  } else {
    const related = pointsOf(ctx.options.related ?? [], 'actual', ctx.notes).filter(
      (p) => p.year <= ctx.evalYear && (ctx.y0 === null || p.year > ctx.y0),
    );
    const pairs: { year: number; a: number; b: number }[] = [];
    for (const p of period) {
      const q = related.find((x) => x.year === p.year);
      if (p.value !== null && q?.value != null) pairs.push({ year: p.year, a: p.value, b: q.value });
    }
    const lastPair = pairs[pairs.length - 1];
    if (lastPair === undefined || (!ctx.final && lastPair.year !== last.year)) {
      return finish(ctx, r, 'no_data', {
        zh: `${last.year}年实际${u(ctx, last.value).zh}，但缺少${relName}同年数据`,
        en: `${u(ctx, last.value).en} in ${last.year}, but ${relName} has no value for that year`,
      });
    }
    const test = (diff: number): boolean => {
      switch (required) {
        case 'above':
          return diff > 1e-9;
        case 'not_below':
          return gte(diff, 0);
        case 'sync':
          return dir > 0 ? gte(diff, -tol) : dir < 0 ? lte(diff, tol) : gte(diff, -tol) && lte(diff, tol);
        case 'below':
          return diff < -1e-9;
      }
    };
    const yearly = pairs.map((p) => ({ year: p.year, ok: test(p.a - p.b) }));
    const bad = yearly.filter((y) => !y.ok).map((y) => y.year);
    // During the period too, yearly rates are judged on their averages so far (annual-rate.ts), the latest shown.
    const byAverage = ctx.final || annualRateRule(ctx.options) === 'average';
    if (byAverage && pairs.length > 1) {
      const geo = (xs: number[]): number => (Math.exp(mean(xs.map((x) => Math.log1p(x / 100)))) - 1) * 100;
      const a = geo(pairs.map((p) => p.a));
      const b = geo(pairs.map((p) => p.b));
      met = test(a - b);
      r.actual = round(a);
      r.expected = round(b);
      const latestZh = ctx.final ? '' : `，其中${lastPair.year}年${fmt(lastPair.a)}%对${fmt(lastPair.b)}%`;
      const latestEn = ctx.final
        ? ''
        : ` (${fmt(lastPair.a)}% against ${fmt(lastPair.b)}% in ${lastPair.year})`;
      head = {
        zh: `${pairs[0]?.year ?? ''}—${lastPair.year}年平均增长${fmt(a)}%，${relName}平均${fmt(b)}%${latestZh}，${rule.zh}${bad.length > 0 ? `（${bad.join('、')}年未满足）` : ''}`,
        en: `average growth ${fmt(a)}% ${pairs[0]?.year ?? ''}–${lastPair.year} against ${fmt(b)}% for ${relName}${latestEn}; ${rule.en}${bad.length > 0 ? ` (missed in ${bad.join(', ')})` : ''}`,
      };
    } else {
      met = test(lastPair.a - lastPair.b);
      r.actual = round(lastPair.a);
      r.expected = round(lastPair.b);
      head = {
        zh: `${lastPair.year}年增长${fmt(lastPair.a)}%，${relName}${fmt(lastPair.b)}%，${rule.zh}`,
        en: `growth ${fmt(lastPair.a)}% in ${lastPair.year} against ${fmt(lastPair.b)}% for ${relName}; ${rule.en}`,
      };
      if (bad.length > 0 && !bad.includes(lastPair.year))
        note(ctx, `${bad.join('、')}年未满足`, `not met in ${bad.join(', ')}`);
    }
  }
  r.comparison = comparison(rule, met);
  if (ctx.final) {
    r.probability = probability(met ? 1 : 0, 0, 0, 0);
    return finish(ctx, r, met ? 'achieved' : 'not_achieved', head);
  }
  return finish(ctx, r, met ? 'on_track' : 'lagging', head);
}
