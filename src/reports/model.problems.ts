/** The report's problems and suggestions: what is behind, and what to do about it. */
import { isBehind, isUnjudged } from '../domain/evaluation/verdict.ts';
import { num, pct, withUnit } from './format.ts';
import { explanationLines, h1, h2, label, para, pctNum, targetText, type Ctx } from './model.context.ts';
import { isSlow, type ProjectFacts } from './model.projects.ts';
import { statusText, tasksBehind, type TaskFacts } from './model.tasks.ts';

export function problems(ctx: Ctx, n: number, tasks: TaskFacts, projects: ProjectFacts): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  h1(ctx, n, s.sections.problems);
  let sub = 0;
  const concern = ev.indicators.filter((i) => isBehind(i.verdict));
  if (concern.length > 0) {
    h2(ctx, ++sub, s.problemTitles.lagging);
    para(ctx, s.problemsLagging(concern.length));
    ctx.blocks.push({
      type: 'bullets',
      items: concern.map((i) =>
        s.problemIndicator({
          name: i.name,
          dataYear: i.dataYear ?? ctx.year,
          actual: i.actual !== null ? withUnit(i.actual, i.unit, lang) : (i.actualText ?? '—'),
          expected: i.expected !== null && !ctx.final ? withUnit(i.expected, i.unit, lang) : null,
          progress: i.progress !== null && !ctx.final ? pct(i.progress) : null,
          elapsed: i.elapsed !== null && !ctx.final ? pct(i.elapsed) : null,
          verdict: label(ctx, i.verdict),
        }),
      ),
    });
  }
  const behind = tasksBehind(tasks);
  if (behind.length > 0) {
    h2(ctx, ++sub, s.problemTitles.tasks);
    para(
      ctx,
      s.problemsTasks(
        behind.filter((l) => l.status === 'delayed').length,
        behind.filter((l) => l.status === 'blocked').length,
      ),
    );
    ctx.blocks.push({
      type: 'bullets',
      items: behind.map((l) =>
        s.problemTask(l.title, statusText(ctx, l.status ?? 'delayed'), pctNum(l.percent)),
      ),
    });
  }
  const slow = projects.reported.filter(isSlow);
  if (slow.length > 0) {
    h2(ctx, ++sub, s.problemTitles.projects);
    para(ctx, s.problemsProjects(slow.length));
    ctx.blocks.push({
      type: 'bullets',
      items: slow.map((r) => s.problemProject(r.project.name, pct(r.share), pct(r.elapsed))),
    });
  }
  const missing = ev.indicators.filter((i) => isUnjudged(i.verdict));
  if (missing.length > 0) {
    h2(ctx, ++sub, s.problemTitles.data);
    para(ctx, s.problemsData(missing.length));
    ctx.blocks.push({
      type: 'bullets',
      items: explanationLines(ctx, missing),
    });
  }
  if (sub === 0) para(ctx, s.problemsNone);
}

export function suggestions(ctx: Ctx, n: number, tasks: TaskFacts, projects: ProjectFacts): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  h1(ctx, n, s.sections.suggestions);
  let sub = 0;
  const concern = ev.indicators.filter((i) => isBehind(i.verdict));
  if (concern.length > 0) {
    h2(ctx, ++sub, s.suggestionTitles.indicators);
    if (ctx.final) {
      para(ctx, s.suggestionFinalIntro(concern.length));
      ctx.blocks.push({
        type: 'bullets',
        items: concern.map((i) =>
          s.suggestionFinal({
            name: i.name,
            actual: i.actual !== null ? withUnit(i.actual, i.unit, lang) : (i.actualText ?? '—'),
            target: targetText(i, lang),
          }),
        ),
      });
    } else {
      ctx.blocks.push({
        type: 'bullets',
        items: concern.map((i) => {
          const rr = i.requiredRate;
          const increase = i.direction !== 'decrease';
          return s.suggestionIndicator({
            name: i.name,
            years:
              rr?.years ?? Math.max(0, (i.targetYear ?? input.plan.periodEnd) - (i.dataYear ?? ctx.year)),
            absolute:
              rr?.absolute != null
                ? withUnit(
                    Math.abs(rr.absolute),
                    i.unit === '%' ? (lang === 'zh' ? '个百分点' : 'points') : i.unit,
                    lang,
                  )
                : null,
            relative: rr?.relative != null ? `${num(Math.abs(rr.relative))}%` : null,
            increase:
              rr?.absolute != null ? rr.absolute >= 0 : rr?.relative != null ? rr.relative >= 0 : increase,
            target: targetText(i, lang),
          });
        }),
      });
    }
  }
  const behind = tasksBehind(tasks).length;
  const slow = projects.reported.filter(isSlow).length;
  if (behind > 0 || slow > 0) {
    h2(ctx, ++sub, s.suggestionTitles.tasks);
    if (behind > 0) para(ctx, s.suggestionTasks(behind));
    if (slow > 0) para(ctx, s.suggestionProjects(slow));
  }
  const missing = ev.indicators.filter((i) => isUnjudged(i.verdict)).length;
  if (missing > 0) {
    h2(ctx, ++sub, s.suggestionTitles.monitoring);
    para(ctx, s.suggestionData(missing));
  }
  if (sub === 0) para(ctx, s.suggestionNone);
}
