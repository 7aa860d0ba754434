import { isMessageKey, type Translate } from '../../lib/i18n.tsx';
import type { AuditEntry } from './api.ts';

/** An audit code in words: its message when the locales have one, else the fallback naming the code. */
function word(t: Translate, prefix: 'audit.action' | 'audit.entity', code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : t(`${prefix}.other`, { code });
}

/** What was done (approve → 审核通过 / Approved). */
export const actionWords = (t: Translate, action: string) => word(t, 'audit.action', action);

/** The kind of record (observation → 指标数据 / Indicator value). */
export const entityWords = (t: Translate, entity: string) => word(t, 'audit.entity', entity);

/** Who acted: a user's email as it is; the system's own labels (system:seed, cli:import) in words. */
export function actorWords(t: Translate, actor: string): string {
  const m = /^(system|cli):(.+)$/.exec(actor);
  if (!m) return actor;
  const key = `audit.actor.${m[1]}.${m[2]}`;
  return isMessageKey(key)
    ? t(key)
    : t(`audit.actor.${m[1] === 'cli' ? 'cli' : 'system'}`, { what: m[2] ?? '' });
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== ''
    ? v
    : typeof v === 'number' && Number.isFinite(v)
      ? String(v)
      : null;

/** A value's status in words (observations only: other records' statuses have their own screens). */
function statusWords(t: Translate, status: unknown): string | null {
  const s = text(status);
  if (s === null) return null;
  const key = `obs.${s}`;
  return isMessageKey(key) ? t(key) : null;
}

/**
 * The entry's particulars in one line, read from what it recorded before and after: for a value its indicator,
 * period, figure, version and status change; for other records their title, name or email; and any reason.
 * Codes stay out: only fields people read are shown.
 */
export function auditDetail(t: Translate, e: Pick<AuditEntry, 'entity' | 'before' | 'after'>): string {
  const before = record(e.before);
  const after = record(e.after);
  const parts: string[] = [];
  const indicator = text(after.indicator);
  const period = text(after.period);
  if (indicator) parts.push(period ? `${indicator} ${t('audit.detail.period', { period })}` : indicator);
  if (e.entity === 'observation') {
    const value = text(after.value) ?? text(after.text);
    const was = text(before.value) ?? text(before.text);
    if (value !== null)
      parts.push(
        was !== null && was !== value
          ? t('audit.detail.valueChanged', { from: was, to: value })
          : t('audit.detail.value', { value }),
      );
    const version = text(after.version);
    if (version !== null) parts.push(t('audit.detail.version', { n: version }));
    const from = statusWords(t, before.status);
    const to = statusWords(t, after.status);
    if (to !== null) parts.push(from !== null ? `${from} → ${to}` : to);
  }
  for (const field of ['title', 'name', 'email'] as const) {
    const v = text(after[field]) ?? text(before[field]);
    if (v !== null) {
      parts.push(v);
      break;
    }
  }
  const reason = text(after.reason);
  if (reason !== null) parts.push(t('audit.detail.reason', { text: reason }));
  return parts.join(' · ') || '—';
}
