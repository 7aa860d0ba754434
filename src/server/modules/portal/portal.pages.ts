import type { FeedbackRow } from '../../../db/repositories/feedback.repository.ts';
import type { PublicProjectRow } from '../../../db/repositories/public.repository.ts';
import type { Verdict } from '../../../domain/evaluation/index.ts';
import { verdictLabel, verdictTone } from '../../../domain/evaluation/index.ts';
import { chartSvg } from '../../../reports/charts/render.ts';
import { escapeHtml as e } from '../../html.ts';
import type { DepartmentReplyStats } from '../feedback/feedback.service.ts';
import { SOURCE_KIND_LABELS } from '../../../domain/provenance.ts';
import type { PublicIndicator, PublicIndicatorValues, PublicSource } from '../public/public.service.ts';
import { commentList } from './portal.comments.ts';
import { measuresSection } from './portal.measures.ts';
import type { PortalMeasure } from './portal.service.ts';
import { t, type Lang } from './portal.i18n.ts';
import { layoutMapSvg } from './portal.map.ts';
import { searchForm } from './portal.search.ts';

/** The source of one value: its kind and title (linked when it has an address), release date and revision. */
/**
 * A table's box that scrolls sideways on a phone: focusable and named, so a keyboard user can scroll it
 * (axe scrollable-region-focusable).
 */
const scrollBox = (label: string) =>
  `<div class="scroll" tabindex="0" role="region" aria-label="${e(label)}">`;

function sourceCell(s: PublicSource, lang: Lang): string {
  const title = s.title === null ? '' : ` · ${e(s.title)}`;
  const label = `${e(SOURCE_KIND_LABELS[s.kind][lang])}${title}`;
  const linked =
    s.url !== null && /^https?:\/\//.test(s.url)
      ? `<a href="${e(s.url)}" rel="nofollow noopener">${label}</a>`
      : label;
  const released = s.releasedOn === null ? '' : ` · ${e(t(lang, 'released'))} ${e(s.releasedOn)}`;
  const revision = s.revision > 1 ? ` · ${e(t(lang, 'revision'))} ${s.revision}` : '';
  const basis = s.basis === null ? '' : `<br><small>${e(s.basis)}</small>`;
  return `${linked}${released}${revision}${basis}`;
}

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

export interface PlanHeader {
  id: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  visionYear: number | null;
  counts: { parts: number; chapters: number; sections: number; tasks: number };
}

type Section = 'overview' | 'planTasks' | 'indicators' | 'projects' | 'reports' | 'feedback' | 'search';

export function layout(lang: Lang, title: string, active: Section, path: string, body: string): string {
  const nav: [Section, string][] = [
    ['overview', '/public'],
    ['planTasks', '/public/plan'],
    ['projects', '/public/projects'],
    ['reports', '/public/reports'],
    ['feedback', '/public/feedback'],
  ];
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const links = nav
    .map(
      ([key, href]) =>
        `<li><a href="${href}"${key === active ? ' aria-current="page"' : ''}>${e(t(lang, key))}</a></li>`,
    )
    .join('');
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)} · ${e(t(lang, 'site'))}</title>
<link rel="stylesheet" href="/public/assets/portal.css"><link rel="alternate" type="application/atom+xml" title="${e(t(lang, 'feeds'))}" href="/api/public/feeds/replies.atom"></head>
<body><a class="skip" href="#main">${e(t(lang, 'skip'))}</a>
<header class="top"><div class="wrap"><a class="brand" href="/public">蓝图 · ${e(t(lang, 'site'))}</a>
<nav aria-label="${e(t(lang, 'site'))}"><ul>${links}<li><a href="${e(path)}${path.includes('?') ? '&amp;' : '?'}lang=${other}" lang="${other === 'zh' ? 'zh-CN' : 'en'}">${e(t(lang, 'switchLang'))}</a></li></ul></nav>${active === 'search' ? '' : searchForm(lang)}</div></header>
<main id="main" class="wrap">${body}</main>
<footer class="wrap foot"><p>${e(t(lang, 'openData'))}: <a href="/api/public/indicators.csv">indicators.csv</a> · <a href="/api/public/projects.csv">projects.csv</a> · <a href="/api/docs">API</a> · <a href="/api/public/feeds/replies.atom">${e(t(lang, 'feeds'))}</a></p></footer>
</body></html>`;
}

const verdictText = (v: Verdict, lang: Lang, final: boolean) => verdictLabel(v, final)[lang];

function badge(v: Verdict, lang: Lang, final = false): string {
  return `<span class="badge ${verdictTone(v)}">${e(verdictText(v, lang, final))}</span>`;
}

const num = (v: number | null, text: string | null = null) =>
  v === null ? e(text ?? '—') : e(Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100));

export function overviewPage(
  lang: Lang,
  plan: PlanHeader,
  data: { year: number; items: PublicIndicator[]; sentence: { zh: string; en: string } },
): string {
  const counts = new Map<Verdict, number>();
  for (const i of data.items) counts.set(i.verdict, (counts.get(i.verdict) ?? 0) + 1);
  const chart = chartSvg(
    {
      kind: 'verdicts',
      title: t(lang, 'verdictDistribution'),
      items: [...counts.entries()].map(([v, count]) => ({
        label: verdictText(v, lang, false),
        count,
        tone: verdictTone(v),
      })),
    },
    640,
    Math.max(120, counts.size * 44 + 40),
    FONT,
  );
  const categories = new Map<string, PublicIndicator[]>();
  for (const i of data.items) {
    const key = i.category ?? '—';
    categories.set(key, [...(categories.get(key) ?? []), i]);
  }
  const rows = [...categories.entries()]
    .map(([cat, items]) =>
      items
        .map(
          (i, n) => `<tr>${n === 0 ? `<th scope="rowgroup" rowspan="${items.length}">${e(cat)}</th>` : ''}
<td><a href="/public/indicators/${e(i.id)}">${e(i.name)}</a>${i.unit ? `<span class="unit">（${e(i.unit)}）</span>` : ''}</td>
<td>${e(i.baseline ?? '—')}</td><td>${e(i.target ?? '—')}</td><td>${num(i.latestValue, i.latestText)}${i.latestYear ? `<span class="unit"> ${i.latestYear}</span>` : ''}</td>
<td>${i.attribute === 'binding' ? `<strong class="binding">${e(t(lang, 'binding'))}</strong>` : e(t(lang, 'expected'))}</td><td>${badge(i.verdict, lang)}</td></tr>`,
        )
        .join(''),
    )
    .join('');
  const c = plan.counts;
  return `<h1>${e(plan.title)}</h1>
<dl class="facts"><div><dt>${e(t(lang, 'period'))}</dt><dd>${plan.periodStart}–${plan.periodEnd}</dd></div>
${plan.visionYear ? `<div><dt>${e(t(lang, 'vision'))}</dt><dd>${plan.visionYear}</dd></div>` : ''}
<div><dt>${e(t(lang, 'structure'))}</dt><dd><a href="/public/plan">${c.parts} ${e(t(lang, 'parts'))} · ${c.chapters} ${e(t(lang, 'chapters'))} · ${c.sections} ${e(t(lang, 'sections'))} · ${c.tasks} ${e(t(lang, 'tasks'))}</a></dd></div>
<div><dt>${e(t(lang, 'assessedYear'))}</dt><dd>${data.year}</dd></div></dl>
<p class="lead">${e(data.sentence[lang])}</p>
<section aria-labelledby="dist"><h2 id="dist">${e(t(lang, 'verdictDistribution'))}</h2><figure class="chart" role="img" aria-label="${e(t(lang, 'verdictDistribution'))}">${chart}</figure></section>
<section aria-labelledby="inds"><h2 id="inds">${e(t(lang, 'indicators'))}</h2>
${scrollBox(t(lang, 'indicators'))}<table><thead><tr><th scope="col">${e(t(lang, 'category'))}</th><th scope="col">${e(t(lang, 'indicator'))}</th><th scope="col">${e(t(lang, 'baseline'))}</th><th scope="col">${e(t(lang, 'target'))}</th><th scope="col">${e(t(lang, 'latest'))}</th><th scope="col">${e(t(lang, 'attribute'))}</th><th scope="col">${e(t(lang, 'verdict'))}</th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`;
}

export function indicatorPage(
  lang: Lang,
  v: PublicIndicatorValues,
  comments: string,
  measures: readonly PortalMeasure[] = [],
): string {
  const i = v.indicator;
  const years = [
    ...new Set([
      ...v.path.map((p) => p.year),
      ...v.values.filter((x) => /^\d{4}$/.test(x.period)).map((x) => x.year),
    ]),
  ].sort();
  const actual = years.map((y) => v.values.find((x) => x.period === String(y))?.value ?? null);
  const path = years.map((y) => v.path.find((p) => p.year === y)?.value ?? null);
  const chart =
    years.length > 0
      ? chartSvg(
          {
            kind: 'trend',
            title: i.name,
            unit: i.unit,
            years,
            actual,
            path,
            target: v.evaluation?.target ?? null,
            labels: { actual: t(lang, 'latest'), path: t(lang, 'target'), target: t(lang, 'target') },
          },
          720,
          300,
          FONT,
        )
      : '';
  const rows = v.values
    .map(
      (x) =>
        `<tr><td>${e(x.period)}</td><td>${num(x.value, x.text)}</td><td>${sourceCell(x.source, lang)}</td></tr>`,
    )
    .join('');
  return `<p><a href="/public">← ${e(t(lang, 'back'))}</a></p><h1>${e(i.name)}${i.unit ? `（${e(i.unit)}）` : ''}</h1>
<dl class="facts"><div><dt>${e(t(lang, 'category'))}</dt><dd>${e(i.category ?? '—')}</dd></div><div><dt>${e(t(lang, 'attribute'))}</dt><dd>${e(t(lang, i.attribute === 'binding' ? 'binding' : 'expected'))}</dd></div>
<div><dt>${e(t(lang, 'baseline'))}</dt><dd>${e(i.baseline ?? '—')}${i.baselineYear ? ` (${i.baselineYear})` : ''}</dd></div><div><dt>${e(t(lang, 'target'))}</dt><dd>${e(i.target ?? '—')}${i.targetYear ? ` (${i.targetYear})` : ''}</dd></div></dl>
<p class="lead">${badge(i.verdict, lang)} ${e(i.explanation[lang])}</p>
${chart ? `<figure class="chart" role="img" aria-label="${e(i.name)}">${chart}<figcaption>${e(t(lang, 'chartNote'))}</figcaption></figure>` : ''}${measuresSection(lang, measures)}
<section aria-labelledby="vals"><h2 id="vals">${e(t(lang, 'values'))}</h2>${rows ? `${scrollBox(t(lang, 'values'))}<table><thead><tr><th scope="col">${e(t(lang, 'periodCol'))}</th><th scope="col">${e(t(lang, 'value'))}</th><th scope="col">${e(t(lang, 'source'))}</th></tr></thead><tbody>${rows}</tbody></table></div>` : `<p>${e(t(lang, 'noValues'))}</p>`}
<p><a href="/api/public/indicators/${e(i.id)}/values.csv">${e(t(lang, 'download'))}</a></p></section>${comments}`;
}

export function projectsPage(lang: Lang, projects: PublicProjectRow[]): string {
  const byArea = new Map<string, number>();
  for (const p of projects)
    byArea.set(p.spatialUnit ?? '—', (byArea.get(p.spatialUnit ?? '—') ?? 0) + (p.totalInvestment ?? 0));
  const chart = byArea.size
    ? chartSvg(
        {
          kind: 'bars',
          title: t(lang, 'investmentByArea'),
          unit: projects[0]?.investmentUnit ?? null,
          categories: [...byArea.keys()],
          series: [{ name: t(lang, 'investment'), values: [...byArea.values()], tone: 'blue' }],
        },
        720,
        300,
        FONT,
      )
    : '';
  const rows = projects
    .map(
      (
        p,
      ) => `<tr><td><a href="/public/projects/${e(p.id)}">${e(p.name)}</a></td><td>${e(p.category ?? '—')}</td><td>${e(p.spatialUnit ?? '—')}</td>
<td>${p.totalInvestment === null ? '—' : `${num(p.totalInvestment)} ${e(p.investmentUnit ?? '')}`}</td><td>${p.startYear ?? ''}–${p.endYear ?? ''}</td><td>${e(p.stage ?? '—')}</td></tr>`,
    )
    .join('');
  const countByArea = new Map<string, number>();
  for (const p of projects)
    if (p.spatialUnitCode) countByArea.set(p.spatialUnitCode, (countByArea.get(p.spatialUnitCode) ?? 0) + 1);
  const map = layoutMapSvg(lang, countByArea, t(lang, 'layoutMap'));
  return `<h1>${e(t(lang, 'projects'))}</h1><figure class="chart">${map}<figcaption>${e(t(lang, 'layoutMapNote'))}</figcaption></figure>${chart ? `<figure class="chart" role="img" aria-label="${e(t(lang, 'investmentByArea'))}">${chart}<figcaption>${e(t(lang, 'investmentByArea'))}</figcaption></figure>` : ''}
${scrollBox(t(lang, 'projects'))}<table><thead><tr><th scope="col">${e(t(lang, 'project'))}</th><th scope="col">${e(t(lang, 'category'))}</th><th scope="col">${e(t(lang, 'area'))}</th><th scope="col">${e(t(lang, 'investment'))}</th><th scope="col">${e(t(lang, 'years'))}</th><th scope="col">${e(t(lang, 'stage'))}</th></tr></thead><tbody>${rows}</tbody></table></div>
<p><a href="/api/public/projects.csv">${e(t(lang, 'download'))}</a></p>`;
}

export function projectPage(lang: Lang, p: PublicProjectRow, comments: string): string {
  return `<p><a href="/public/projects">← ${e(t(lang, 'projects'))}</a></p><h1>${e(p.name)}</h1>
<dl class="facts"><div><dt>${e(t(lang, 'category'))}</dt><dd>${e(p.category ?? '—')}</dd></div><div><dt>${e(t(lang, 'area'))}</dt><dd>${e(p.spatialUnit ?? '—')}</dd></div>
<div><dt>${e(t(lang, 'investment'))}</dt><dd>${p.totalInvestment === null ? '—' : `${num(p.totalInvestment)} ${e(p.investmentUnit ?? '')}`}</dd></div>
<div><dt>${e(t(lang, 'years'))}</dt><dd>${p.startYear ?? ''}–${p.endYear ?? ''}</dd></div><div><dt>${e(t(lang, 'stage'))}</dt><dd>${e(p.stage ?? '—')}</dd></div></dl>${comments}`;
}

export function reportsPage(lang: Lang, plan: PlanHeader, years: number[]): string {
  const kinds = (y: number): ('annual' | 'midterm' | 'final')[] =>
    y >= plan.periodEnd
      ? ['final']
      : y === plan.periodStart + Math.floor((plan.periodEnd - plan.periodStart) / 2)
        ? ['annual', 'midterm']
        : ['annual'];
  const rows = years
    .flatMap((y) =>
      kinds(y).map(
        (k) =>
          `<tr><td>${y}</td><td>${e(t(lang, k))}</td><td><a href="/api/plans/${e(plan.id)}/report.docx?year=${y}&amp;kind=${k}&amp;lang=${lang === 'zh' ? 'zh' : 'en'}">.docx</a> · <a href="/api/plans/${e(plan.id)}/report.xlsx?year=${y}&amp;kind=${k}&amp;lang=${lang === 'zh' ? 'zh' : 'en'}">.xlsx</a></td></tr>`,
      ),
    )
    .join('');
  return `<h1>${e(t(lang, 'reports'))}</h1><p>${e(t(lang, 'reportNote'))}</p>
${scrollBox(t(lang, 'reports'))}<table><thead><tr><th scope="col">${e(t(lang, 'assessedYear'))}</th><th scope="col">${e(t(lang, 'reportKind'))}</th><th scope="col">${e(t(lang, 'reportDownload'))}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function feedbackPage(lang: Lang, comments: FeedbackRow[], stats: DepartmentReplyStats[]): string {
  const statRows = stats
    .map(
      (s) =>
        `<tr><td>${e(s.department)}</td><td>${s.routed}</td><td>${s.replied}</td><td>${Math.round(s.replyRate * 100)}%</td><td>${s.medianReplyHours ?? '—'}</td></tr>`,
    )
    .join('');
  const list = commentList(lang, comments, true);
  return `<h1>${e(t(lang, 'feedback'))}</h1><section aria-labelledby="rates"><h2 id="rates">${e(t(lang, 'replyRates'))}</h2>
${scrollBox(t(lang, 'replyRates'))}<table><thead><tr><th scope="col">${e(t(lang, 'department'))}</th><th scope="col">${e(t(lang, 'routed'))}</th><th scope="col">${e(t(lang, 'replied'))}</th><th scope="col">${e(t(lang, 'replyRate'))}</th><th scope="col">${e(t(lang, 'medianHours'))}</th></tr></thead><tbody>${statRows}</tbody></table></div></section>
<section aria-labelledby="all"><h2 id="all">${e(t(lang, 'comments'))}</h2>${list}</section>`;
}

export function notFoundPage(lang: Lang): string {
  return `<h1>404</h1><p>${e(t(lang, 'notFound'))}</p><p><a href="/public">${e(t(lang, 'back'))}</a></p>`;
}
