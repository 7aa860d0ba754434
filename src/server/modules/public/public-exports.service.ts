/** The open-data downloads (UTF-8 CSV): indicators, one indicator's values, projects. */
import type { Queryable } from '../../../db/db.types.ts';
import { verdictLabel } from '../../../domain/evaluation/index.ts';
import { SOURCE_KIND_LABELS, type SourceKind } from '../../../domain/provenance.ts';
import { publicIndicators, publicIndicatorValues, publicProjects, toCsv } from './public.service.ts';

/** "公开统计数据 · 经济概述" — the kind of source and its title. */
const sourceLine = (s: { kind: SourceKind; title: string | null }): string =>
  [SOURCE_KIND_LABELS[s.kind].zh, s.title].filter((x) => x !== null).join(' · ');

export async function indicatorsCsv(db: Queryable, planId: string): Promise<string> {
  const { items, year } = await publicIndicators(db, planId);
  return toCsv(
    [
      '编码 code',
      '类别 category',
      '指标 indicator',
      '单位 unit',
      '属性 attribute',
      '基期值 baseline',
      '目标值 target',
      '最新年份 latest year',
      '最新值 latest value',
      `${year}年评价 verdict`,
      '数据来源 source',
      '来源地址 source address',
      '发布日期 released',
    ],
    items.map((i) => [
      i.code,
      i.category,
      i.name,
      i.unit,
      i.attribute === 'binding' ? '约束性' : '预期性',
      i.baseline,
      i.target,
      i.latestYear,
      i.latestValue ?? i.latestText,
      verdictLabel(i.verdict).zh,
      i.latestSource === null ? null : sourceLine(i.latestSource),
      i.latestSource?.url ?? null,
      i.latestSource?.releasedOn ?? null,
    ]),
  );
}

export async function indicatorValuesCsv(db: Queryable, indicatorId: string): Promise<string> {
  const v = await publicIndicatorValues(db, indicatorId);
  return toCsv(
    [
      '指标 indicator',
      '期间 period',
      '数值 value',
      '说明 text',
      '数据来源 source',
      '原文 as printed',
      '来源地址 source address',
      '发布日期 released',
      '修订版次 revision',
      '口径 basis',
    ],
    v.values.map((x) => [
      v.indicator.name,
      x.period,
      x.value,
      x.text,
      sourceLine(x.source),
      x.source.quote,
      x.source.url,
      x.source.releasedOn,
      x.source.revision,
      x.source.basis,
    ]),
  );
}

export async function projectsCsv(db: Queryable, planId: string): Promise<string> {
  const items = await publicProjects(db, planId);
  return toCsv(
    [
      '编码 code',
      '项目 project',
      '类别 category',
      '片区 area',
      '总投资 investment',
      '单位 unit',
      '开工 start',
      '完工 end',
      '阶段 stage',
    ],
    items.map((p) => [
      p.code,
      p.name,
      p.category,
      p.spatialUnit,
      p.totalInvestment,
      p.investmentUnit,
      p.startYear,
      p.endYear,
      p.stage,
    ]),
  );
}
