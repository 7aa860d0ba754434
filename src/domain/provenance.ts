import { z } from 'zod';

/**
 * Where a value comes from. entered = typed in by a department and approved; published = published statistics
 * (统计公报, 政府工作报告, official releases and their reposts); imported = read from a spreadsheet or values file.
 */
export const SOURCE_KINDS = ['entered', 'published', 'imported'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** YYYY-MM-DD naming a real day (2023-02-30 is not one). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const isoDate = z.string().refine(isCalendarDate, { message: 'expected a date YYYY-MM-DD' });
export const isoDateSchema = isoDate;

/** The source of one value as a dataset or an API client states it. */
export const sourceSchema = z.object({
  kind: z.enum(SOURCE_KINDS),
  /** Document or page title (统计公报, 经济概述…). */
  title: z.string().max(300).nullable().default(null),
  url: z.string().max(1000).nullable().default(null),
  /** The figure as printed — a few words, never a paragraph. */
  quote: z.string().max(200).nullable().default(null),
  /** Release date of the source; evaluation as of a date counts the value from this day. */
  releasedOn: isoDate.nullable().default(null),
  /** 口径 notes: 现价/不变价, 初步核算, approximations. */
  basis: z.string().max(500).nullable().default(null),
  enteredBy: z.string().max(200).nullable().default(null),
});
export type Source = z.infer<typeof sourceSchema>;

/** Provenance as it is shown beside a value: the source plus the revision number and the dates it counts from. */
export interface Provenance {
  kind: SourceKind;
  title: string | null;
  url: string | null;
  quote: string | null;
  releasedOn: string | null;
  basis: string | null;
  enteredBy: string | null;
  revision: number;
}

export const SOURCE_KIND_LABELS: Record<SourceKind, { zh: string; en: string }> = {
  entered: { zh: '部门填报', en: 'entered by department' },
  published: { zh: '公开统计数据', en: 'published statistics' },
  imported: { zh: '批量导入', en: 'imported' },
};

/** One line for tables and reports: "公开统计数据 · 经济概述 · 2024-02-04 · 第1版". */
export function describeProvenance(p: Provenance, lang: 'zh' | 'en' = 'zh'): string {
  const parts = [SOURCE_KIND_LABELS[p.kind][lang]];
  if (p.title) parts.push(p.title);
  if (p.releasedOn) parts.push(lang === 'zh' ? `发布于 ${p.releasedOn}` : `released ${p.releasedOn}`);
  parts.push(lang === 'zh' ? `第${p.revision}版` : `revision ${p.revision}`);
  return parts.join(' · ');
}
