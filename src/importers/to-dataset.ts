import { datasetSchema } from '../domain/dataset.ts';
import type {
  Dataset,
  DatasetIndicator,
  DatasetObservation,
  DatasetPlan,
  ProjectSpec,
} from '../domain/dataset.ts';
import { LantuError } from '../domain/errors.ts';
import { unstatedFields } from '../domain/indicator.ts';
import type { PlanNodeSpec } from '../domain/plan.ts';
import type { Quantity } from '../domain/quantity.ts';
import type { IndicatorOverlay, Overlay } from './overlay.ts';
import type {
  PlanChapter,
  PlanDocument,
  PlanSection,
  PlanTable,
  PlanTask,
  ProseTarget,
} from './plan-document.ts';

export interface ToDatasetOptions {
  /** Curated additions; without one, keys are derived from the period and kinds are the importer's. */
  overlay?: Overlay | null;
  /** Plan key when there is no overlay. */
  planKey?: string;
  /**
   * Keep each node's paragraphs as its body (default). Off only for the data files in data/, which hold the
   * plan's headings and facts, never its text.
   */
  text?: boolean;
}

/** A child to place under its parent: built once its position (and so its path) is known. */
interface Child {
  order: number;
  build: (path: number[]) => PlanNodeSpec;
}

function lineOf(source: string): number {
  const m = /(\d+)/.exec(source);
  return m ? Number(m[1]) : 0;
}

function leaf(
  kind: PlanNodeSpec['kind'],
  number: string | null,
  title: string,
  source: string,
  paragraphs: readonly string[] = [],
): PlanNodeSpec {
  const body = paragraphs.map((p) => p.trim()).filter((p) => p !== '');
  return { kind, number, title, body: body.length > 0 ? body.join('\n\n') : null, source, children: [] };
}

/**
 * The plan tree as Dataset nodes, in document order: a section's tasks, boxes (专栏N) and figures (图N).
 * With `text`, each node's body holds its paragraphs (a task: the rest of its lead paragraph and the ones
 * after it); without, headings and facts only. `paths` maps plan-document node ids (and "box:N" /
 * "figure:N") to their index path in the tree.
 */
export function planNodes(
  doc: PlanDocument,
  text = true,
): { nodes: PlanNodeSpec[]; paths: Map<string, number[]> } {
  const words = (...ps: (string | readonly string[])[]): string[] => (text ? ps.flat() : []);
  const paths = new Map<string, number[]>();
  const place = (children: Child[], path: number[]): PlanNodeSpec[] =>
    children.sort((a, b) => a.order - b.order).map((c, i) => c.build([...path, i]));
  const node = (id: string, spec: PlanNodeSpec, children: () => Child[]): Child => ({
    order: lineOf(spec.source ?? ''),
    build: (path) => {
      paths.set(id, path);
      // A loop, not push(...): a spread of 100,000+ children overflows the call stack.
      for (const child of place(children(), path)) spec.children.push(child);
      return spec;
    },
  });
  const extras = (nodeId: string): Child[] => [
    ...doc.boxes
      .filter((b) => b.nodeId === nodeId)
      .map((b) => node(`box:${b.number}`, leaf('box', `专栏${b.number}`, b.title, b.source), () => [])),
    ...doc.figures
      .filter((f) => f.nodeId === nodeId)
      .map((f) => node(`figure:${f.number}`, leaf('figure', `图${f.number}`, f.caption, f.source), () => [])),
  ];
  const tasks = (ts: PlanTask[]): Child[] =>
    ts.map((t) => node(t.id, leaf('task', null, t.title, t.source, words(t.text, t.paragraphs)), () => []));
  const section = (s: PlanSection): Child =>
    node(s.id, leaf('section', s.number, s.title, s.source, words(s.paragraphs)), () => [
      ...tasks(s.tasks),
      ...extras(s.id),
    ]);
  const chapter = (c: PlanChapter): Child =>
    node(c.id, leaf('chapter', c.number, c.title, c.source, words(c.paragraphs)), () => [
      ...tasks(c.tasks),
      ...extras(c.id),
      ...c.sections.map(section),
    ]);

  const top: Child[] = [];
  const pre = doc.preamble;
  if (pre)
    top.push(
      node('preamble', leaf('preamble', null, pre.title || '序言', pre.source, words(pre.paragraphs)), () => [
        ...tasks(pre.tasks),
        ...extras('preamble'),
      ]),
    );
  for (const part of doc.parts) {
    top.push(
      node(part.id, leaf('part', part.number, part.title, part.source, words(part.paragraphs)), () => [
        ...extras(part.id),
        ...part.chapters.map(chapter),
      ]),
    );
  }
  for (const c of doc.chapters) top.push(chapter(c));
  return { nodes: place(top, []), paths };
}

function apply(ind: DatasetIndicator, o: IndicatorOverlay | undefined, where: string): DatasetIndicator {
  if (!o) return ind;
  if (o.name !== undefined && o.name !== ind.name) {
    throw new LantuError(
      'validation_failed',
      `overlay ${where}: expects "${o.name}" but the plan says "${ind.name}"`,
      { code: ind.code },
    );
  }
  const curatedKind = o.kind !== undefined && o.kind !== ind.kind;
  return {
    ...ind,
    kind: o.kind ?? ind.kind,
    kindRule: o.kindRule ?? (curatedKind ? 'curated' : ind.kindRule),
    direction: o.direction ?? ind.direction,
    tolerance: o.tolerance !== undefined ? o.tolerance : ind.tolerance,
    relatedCode: o.relatedCode !== undefined ? o.relatedCode : ind.relatedCode,
    departments: o.departments ?? ind.departments,
    frequency: o.frequency ?? ind.frequency,
    dataSource: o.dataSource !== undefined ? o.dataSource : ind.dataSource,
    attribute: o.attribute ?? ind.attribute,
    unit: o.unit !== undefined ? o.unit : ind.unit,
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function tableIndicators(
  t: PlanTable,
  nodePath: number[] | null,
  overlay: Overlay | null,
): DatasetIndicator[] {
  return t.rows.map((r, k) => {
    const rowNumber = r.number ?? k + 1;
    const code = `T${t.number}-${pad(rowNumber, 2)}`;
    const ind: DatasetIndicator = {
      code,
      name: r.name,
      unit: r.unit,
      category: r.category,
      attribute: r.attribute ?? 'expected',
      kind: r.inferred.kind,
      direction: r.inferred.direction,
      baselineYear: t.baselineYear ?? t.period.start - 1,
      baseline: r.baseline,
      targetYear: t.targetYear,
      target: r.target,
      ...unstatedFields('table'),
      kindRule: r.inferred.rule,
      nodePath,
      tableNumber: t.number,
      rowNumber,
    };
    return apply(ind, overlay?.indicators[code], code);
  });
}

/** A previous plan's results as the new outline prints them: the outline is their published source. */
function resultObservations(
  t: PlanTable,
  indicators: DatasetIndicator[],
  documentTitle: string,
): DatasetObservation[] {
  const out: DatasetObservation[] = [];
  t.rows.forEach((r, k) => {
    const code = indicators[k]?.code;
    const a = r.actual;
    if (!code || !a || a.comparator === 'none' || t.actualYear === null) return;
    out.push({
      code,
      year: t.actualYear,
      value: a.value,
      text: a.comparator === 'text' ? a.raw : null,
      kind: 'actual',
      note: null,
      revision: 1,
      source: {
        kind: 'published',
        title: `${documentTitle} · 表${t.number}`,
        url: null,
        quote: a.raw,
        releasedOn: null,
        basis: null,
        enteredBy: null,
      },
    });
  });
  return out;
}

/**
 * A prose target stated as a change from the baseline (提高4个百分点, 再提高1岁, 减少30吨, 比2020年翻一番) is not a
 * value to reach: its number is the amount of the change. It is passed as a relative target — no value, the
 * words kept in `raw` — dated from the baseline year (the 比YYYY年 it names, else the year before the plan), so
 * the evaluation resolves it against the baseline value (baseline + 4, not 4).
 */
function relativeTarget(
  t: ProseTarget,
  periodStart: number,
): { target: Quantity; baselineYear: number; unit: string | null } | null {
  if (t.change === null) return null;
  const named = /[比较与]\s*((?:19|20)\d\d)\s*年/.exec(t.value.raw);
  return {
    target: { raw: t.value.raw, value: null, comparator: t.value.comparator, low: null, high: null },
    baselineYear: named ? Number(named[1]) : periodStart - 1,
    // The amount's unit is not the indicator's: 提高4个百分点 measures a share in %, 翻一番 (倍) the metric's own.
    unit: t.change.by === 'multiply' ? null : t.unit === '个百分点' ? '%' : t.unit,
  };
}

function categoryOf(doc: PlanDocument, t: ProseTarget): string | null {
  if (t.boxNumber !== null) {
    const b = doc.boxes.find((x) => x.number === t.boxNumber);
    return b ? `专栏${b.number} ${b.title}` : null;
  }
  const chapterId = /^C\d+/.exec(t.nodeId)?.[0];
  const c = [...doc.parts.flatMap((p) => p.chapters), ...doc.chapters].find((x) => x.id === chapterId);
  return c ? `${c.number ?? ''} ${c.title}`.trim() : null;
}

/**
 * Converts a plan document (plus an optional curated overlay) into the Dataset format that
 * `lantu db seed` loads. The main table's rows become indicators T{n}-NN; a previous plan's results
 * table becomes that previous plan with its results as observations; prose targets become
 * secondary indicators X-NNN (origin "text"), linked to their node.
 */
export function planDocumentToDataset(doc: PlanDocument, opts: ToDatasetOptions = {}): Dataset {
  const overlay = opts.overlay ?? null;
  const { nodes, paths } = planNodes(doc, opts.text ?? true);
  const { start, end } = doc.meta.period;
  const key = overlay?.plan.key ?? opts.planKey ?? `plan-${start}-${end}`;

  const main = doc.tables.find((t) => t.role === 'main');
  const previous = doc.tables.find((t) => t.role === 'previous-results');
  const indicators: DatasetIndicator[] = [];
  // The main table first, then the others in document order (loops, not push(...) of a whole table).
  for (const t of [...(main ? [main] : []), ...doc.tables.filter((x) => x !== main && x.role === 'other')])
    for (const ind of tableIndicators(t, paths.get(t.nodeId) ?? null, overlay)) indicators.push(ind);

  let x = 0;
  for (const t of doc.targets) {
    const o = overlay?.proseTargets[t.text];
    if (o?.skip) continue;
    x += 1;
    const code = `X-${pad(x, 3)}`;
    const nodePath =
      t.boxNumber !== null ? (paths.get(`box:${t.boxNumber}`) ?? null) : (paths.get(t.nodeId) ?? null);
    const relative = relativeTarget(t, start);
    const ind: DatasetIndicator = {
      code,
      name: t.metric,
      unit: relative ? relative.unit : t.unit,
      category: categoryOf(doc, t),
      attribute: 'expected',
      kind: t.inferred.kind,
      direction: t.inferred.direction,
      baselineYear: relative?.baselineYear ?? null,
      baseline: null,
      targetYear: t.year,
      target: relative?.target ?? t.value,
      ...unstatedFields('text'),
      kindRule: t.inferred.rule,
      nodePath,
      tableNumber: null,
      rowNumber: null,
    };
    // For prose targets the overlay's name renames the metric (the text key already pins the target).
    indicators.push(
      apply(
        o?.name !== undefined ? { ...ind, name: o.name } : ind,
        o ? { ...o, name: undefined } : undefined,
        t.text,
      ),
    );
  }

  const plans: DatasetPlan[] = [];
  let predecessorKey = overlay?.plan.predecessorKey ?? null;
  if (previous) {
    const prevKey = overlay?.previousPlan?.key ?? `plan-${previous.period.start}-${previous.period.end}`;
    predecessorKey ??= prevKey;
    const prevIndicators = tableIndicators(previous, null, overlay);
    plans.push({
      key: prevKey,
      title: overlay?.previousPlan?.title ?? previous.caption,
      shortTitle: overlay?.previousPlan?.shortTitle ?? null,
      issuer: overlay?.previousPlan?.issuer ?? doc.meta.issuer,
      periodStart: previous.period.start,
      periodEnd: previous.period.end,
      visionYear: null,
      parentKey: null,
      predecessorKey: null,
      nodes: [],
      indicators: prevIndicators,
      observations: resultObservations(previous, prevIndicators, doc.meta.title),
    });
  }
  plans.unshift({
    key,
    title: doc.meta.title,
    shortTitle: overlay?.plan.shortTitle ?? null,
    issuer: overlay ? overlay.plan.issuer : doc.meta.issuer,
    periodStart: start,
    periodEnd: end,
    visionYear: doc.meta.visionYear,
    parentKey: overlay?.plan.parentKey ?? null,
    predecessorKey,
    nodes,
    indicators,
    observations: [],
  });

  const projects: ProjectSpec[] = (overlay?.projects ?? []).map(({ node, ...p }) => {
    const nodePath = node === null ? null : (paths.get(node) ?? null);
    if (node !== null && nodePath === null) {
      throw new LantuError(
        'validation_failed',
        `overlay project ${p.code}: node "${node}" is not in the plan`,
        { code: p.code },
      );
    }
    return { ...p, planKey: key, nodePath };
  });

  const dataset: Dataset = {
    formatVersion: 1,
    departments: overlay?.departments ?? [],
    spatialUnits: overlay?.spatialUnits ?? [],
    plans,
    projects,
  };
  const parsed = datasetSchema.safeParse(dataset);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LantuError(
      'validation_failed',
      `the dataset does not validate: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      {
        issues: parsed.error.issues.slice(0, 5),
      },
    );
  }
  return parsed.data;
}
