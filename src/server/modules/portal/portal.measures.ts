import type { PortalMeasure } from './portal.service.ts';
import { escapeHtml as e } from '../../html.ts';
import { t, type Lang } from './portal.i18n.ts';

/**
 * The corrective measures (整改措施) under a lagging indicator, when the plan shows them (issue 16 §4): the
 * measures of its 督办单 in progress or closed, each with its milestone, due date and whether it is done.
 */
export function measuresSection(lang: Lang, measures: readonly PortalMeasure[]): string {
  if (measures.length === 0) return '';
  const rows = measures
    .map(
      (m) =>
        `<tr><td>${e(m.orderTitle)}${m.status === 'closed' ? `（${e(t(lang, 'orderClosed'))}）` : ''}</td><td>${e(m.title)}</td><td>${e(m.milestone ?? '—')}</td><td>${e(m.dueDate)}</td><td>${m.doneOn ? `${e(t(lang, 'doneOn'))} ${e(m.doneOn)}` : e(t(lang, 'underway'))}</td></tr>`,
    )
    .join('');
  return `<section aria-labelledby="measures"><h2 id="measures">${e(t(lang, 'measures'))}</h2><p>${e(t(lang, 'measuresNote'))}</p>
<table><thead><tr><th scope="col">${e(t(lang, 'order'))}</th><th scope="col">${e(t(lang, 'measure'))}</th><th scope="col">${e(t(lang, 'milestone'))}</th><th scope="col">${e(t(lang, 'dueBy'))}</th><th scope="col">${e(t(lang, 'state'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
