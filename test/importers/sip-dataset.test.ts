import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/domain/dataset.ts';
import type { PlanNodeSpec } from '../../src/domain/plan.ts';
import { countNodes } from '../../src/domain/plan.ts';
import { importPlan } from '../../src/importers/import-plan.ts';
import { overlaySchema } from '../../src/importers/overlay.ts';
import { withPublishedValues } from '../../src/importers/published-values.ts';
import { planDocumentToDataset } from '../../src/importers/to-dataset.ts';
import { HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, sipOutlineBytes } from './support.ts';

const root = resolve(import.meta.dirname, '../..');
const overlay = overlaySchema.parse(
  JSON.parse(readFileSync(resolve(root, 'data/sip-14th/overlay.json'), 'utf8')),
);
function build() {
  const doc = importPlan({ bytes: sipOutlineBytes(), filename: 'sip-14th-fyp-outline.txt' });
  const merged = withPublishedValues(
    planDocumentToDataset(doc, { overlay, text: false }),
    overlay.plan.key,
    readFileSync(resolve(root, 'data/sip-14th/published-values.csv'), 'utf8'),
  );
  if (!merged.ok) throw merged.error;
  return { doc, dataset: merged.value };
}
// Without ../shared the suite skips and these are never read.
const { doc, dataset } = (HAVE_SIP_OUTLINE ? build() : {}) as ReturnType<typeof build>;

function walk(nodes: PlanNodeSpec[], f: (n: PlanNodeSpec) => void): void {
  for (const n of nodes) {
    f(n);
    walk(n.children, f);
  }
}

describe.skipIf(!HAVE_SIP_OUTLINE)(`SIP dataset (importer + overlay)${NEEDS_SIP_OUTLINE}`, () => {
  it('is what data/sip-14th/dataset.json holds (run `npm run dataset:sip` after changing the importer or overlay)', () => {
    const committed: unknown = JSON.parse(readFileSync(resolve(root, 'data/sip-14th/dataset.json'), 'utf8'));
    expect(committed).toEqual(dataset);
  });

  it('validates against datasetSchema', () => {
    expect(datasetSchema.parse(dataset)).toEqual(dataset);
  });

  it('has the 14th plan with its tree, and keeps headings only (no bodies)', () => {
    const p = dataset.plans[0];
    expect(p).toMatchObject({
      key: 'sip-14th',
      periodStart: 2021,
      periodEnd: 2025,
      visionYear: 2035,
      predecessorKey: 'sip-13th',
    });
    const nodes = p?.nodes ?? [];
    expect(countNodes(nodes, 'preamble')).toBe(1);
    expect(countNodes(nodes, 'part')).toBe(6);
    expect(countNodes(nodes, 'chapter')).toBe(26);
    expect(countNodes(nodes, 'section')).toBe(70);
    expect(countNodes(nodes, 'task')).toBe(173);
    expect(countNodes(nodes, 'box')).toBe(6);
    expect(countNodes(nodes, 'figure')).toBe(3);
    walk(nodes, (n) => expect(n.body).toBeNull());
  });

  it('has T2-01..T2-36 from table 2 and X-001… from the prose, each linked to a node', () => {
    const p = dataset.plans[0];
    const table = p?.indicators.filter((i) => i.origin === 'table') ?? [];
    expect(table.map((i) => i.code)).toEqual(
      Array.from({ length: 36 }, (_, k) => `T2-${String(k + 1).padStart(2, '0')}`),
    );
    const text = p?.indicators.filter((i) => i.origin === 'text') ?? [];
    expect(text.length).toBeGreaterThanOrEqual(20);
    expect(text[0]?.code).toBe('X-001');
    for (const i of p?.indicators ?? []) expect(i.nodePath).not.toBeNull();
    const bio = text.find((i) => i.name === '生物医药产业规模');
    expect(bio).toMatchObject({ target: { value: 2000 }, unit: '亿元', targetYear: 2025, kind: 'level' });
    expect(p?.indicators.find((i) => i.code === 'T2-22')).toMatchObject({
      kind: 'ceiling',
      direction: 'decrease',
      attribute: 'binding',
    });
  });

  it('has the 13th plan with Table 1 (T1-01..T1-22) and its 2020 results as actual observations', () => {
    const p = dataset.plans[1];
    expect(p).toMatchObject({ key: 'sip-13th', periodStart: 2016, periodEnd: 2020, nodes: [] });
    expect(p?.indicators.map((i) => i.code)).toEqual(
      Array.from({ length: 22 }, (_, k) => `T1-${String(k + 1).padStart(2, '0')}`),
    );
    expect(p?.observations).toHaveLength(22);
    expect(p?.observations.every((o) => o.kind === 'actual' && o.year === 2020)).toBe(true);
    expect(p?.observations.find((o) => o.code === 'T1-11')).toMatchObject({
      value: null,
      text: '人普结果尚未发布',
    });
  });

  it('links projects and departments', () => {
    const codes = new Set(dataset.departments.map((d) => d.code));
    for (const p of dataset.plans)
      for (const i of p.indicators) for (const d of i.departments) expect(codes.has(d)).toBe(true);
    const island = dataset.projects.find((p) => p.name === '中新生物技术创新岛');
    expect(island).toMatchObject({
      totalInvestment: 200,
      investmentUnit: '亿元',
      startYear: 2021,
      endYear: 2025,
    });
    expect(island?.nodePath).not.toBeNull();
  });

  it('converts a plan without an overlay using derived keys', () => {
    const plain = planDocumentToDataset(doc);
    expect(plain.plans.map((p) => p.key)).toEqual(['plan-2021-2025', 'plan-2016-2020']);
    expect(plain.plans[0]?.predecessorKey).toBe('plan-2016-2020');
    expect(plain.departments).toEqual([]);
  });

  it("keeps the outline's paragraphs as the nodes' bodies when a user imports it", () => {
    const plain = planDocumentToDataset(doc);
    const tasks: PlanNodeSpec[] = [];
    walk(plain.plans[0]!.nodes, (n) => {
      if (n.kind === 'task') tasks.push(n);
    });
    const docTasks = [...doc.parts.flatMap((p) => p.chapters), ...doc.chapters].flatMap((c) => [
      ...c.tasks,
      ...c.sections.flatMap((s) => s.tasks),
    ]);
    expect(tasks.length).toBe(docTasks.length);
    expect(tasks.length).toBeGreaterThan(100);
    const byTitle = new Map(tasks.map((t) => [t.title, t.body]));
    for (const t of docTasks.slice(0, 20)) {
      const text = [t.text, ...t.paragraphs].map((x) => x.trim()).filter((x) => x !== '');
      expect(byTitle.get(t.title)).toBe(text.length > 0 ? text.join('\n\n') : null);
    }
    expect(tasks.filter((t) => t.body !== null).length).toBeGreaterThan(tasks.length * 0.9);
    const withText = plain.plans[0]!.nodes.filter((n) => n.body !== null);
    expect(withText.length).toBeGreaterThan(0); // the preamble and the parts' intros
  });
});
