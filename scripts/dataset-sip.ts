/**
 * Regenerates data/sip-14th/dataset.json from the importer's reading of the SIP outline plus the
 * curated overlay data/sip-14th/overlay.json.
 *
 *   npm run dataset:sip            # write data/sip-14th/dataset.json
 *   npm run dataset:sip -- --check # exit 1 if the committed file is out of date
 *
 * The outline is read from ../shared/plans/sip-14th-fyp-outline.txt (override with SIP_OUTLINE=path).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { countNodes } from '../src/domain/plan.ts';
import type { PlanNodeSpec } from '../src/domain/plan.ts';
import { isLantuError } from '../src/domain/errors.ts';
import { importPlan } from '../src/importers/import-plan.ts';
import { overlaySchema } from '../src/importers/overlay.ts';
import { withPublishedValues } from '../src/importers/published-values.ts';
import type { Overlay } from '../src/importers/overlay.ts';
import type { PlanDocument } from '../src/importers/plan-document.ts';
import { planDocumentToDataset } from '../src/importers/to-dataset.ts';

const root = resolve(import.meta.dirname, '..');
const outlinePath = process.env.SIP_OUTLINE ?? resolve(root, '../shared/plans/sip-14th-fyp-outline.txt');
const overlayPath = resolve(root, 'data/sip-14th/overlay.json');
const datasetPath = resolve(root, 'data/sip-14th/dataset.json');
const publishedPath = resolve(root, 'data/sip-14th/published-values.csv');

/** Every reference the overlay makes must land on something the importer found. */
function checkOverlay(doc: PlanDocument, overlay: Overlay): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const t of doc.tables)
    for (const [k, r] of t.rows.entries())
      codes.add(`T${t.number}-${String(r.number ?? k + 1).padStart(2, '0')}`);
  for (const code of Object.keys(overlay.indicators))
    if (!codes.has(code)) problems.push(`indicator ${code} is not in the plan's tables`);
  const texts = new Set(doc.targets.map((t) => t.text));
  for (const text of Object.keys(overlay.proseTargets))
    if (!texts.has(text)) problems.push(`prose target "${text}" was not found by the importer`);
  const departments = new Set(overlay.departments.map((d) => d.code));
  const refs = [...Object.entries(overlay.indicators), ...Object.entries(overlay.proseTargets)];
  for (const [k, o] of refs)
    for (const d of o.departments ?? [])
      if (!departments.has(d)) problems.push(`${k}: unknown department ${d}`);
  const units = new Set(overlay.spatialUnits.map((u) => u.code));
  for (const u of overlay.spatialUnits)
    if (u.parentCode !== null && !units.has(u.parentCode))
      problems.push(`spatial unit ${u.code}: unknown parent ${u.parentCode}`);
  for (const p of overlay.projects)
    if (p.spatialUnitCode !== null && !units.has(p.spatialUnitCode))
      problems.push(`project ${p.code}: unknown spatial unit ${p.spatialUnitCode}`);
  return problems;
}

function bodies(nodes: PlanNodeSpec[]): number {
  return nodes.reduce((n, x) => n + (x.body === null ? 0 : 1) + bodies(x.children), 0);
}

function main(): number {
  const doc = importPlan({ bytes: readFileSync(outlinePath), filename: outlinePath });
  const overlay = overlaySchema.parse(JSON.parse(readFileSync(overlayPath, 'utf8')));
  const problems = checkOverlay(doc, overlay);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`overlay: ${p}\n`);
    return 1;
  }
  // SIP's published figures (docs/published-data.md) become the plan's approved values.
  const merged = withPublishedValues(
    planDocumentToDataset(doc, { overlay, text: false }),
    overlay.plan.key,
    readFileSync(publishedPath, 'utf8'),
  );
  if (!merged.ok) throw merged.error;
  const dataset = merged.value;
  for (const p of dataset.plans) {
    if (bodies(p.nodes) > 0)
      throw new Error(`plan ${p.key}: node bodies must be null in the committed dataset`);
  }
  const json = `${JSON.stringify(dataset, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    let current: string;
    try {
      current = readFileSync(datasetPath, 'utf8');
    } catch {
      current = '';
    }
    if (current !== json) {
      process.stderr.write('data/sip-14th/dataset.json is out of date: run npm run dataset:sip\n');
      return 1;
    }
    process.stdout.write('data/sip-14th/dataset.json is up to date\n');
    return 0;
  }
  writeFileSync(datasetPath, json);
  for (const p of dataset.plans) {
    const table = p.indicators.filter((i) => i.origin === 'table').length;
    const text = p.indicators.length - table;
    process.stdout.write(
      `${p.key}: ${countNodes(p.nodes)} nodes (${countNodes(p.nodes, 'chapter')} chapters, ${countNodes(p.nodes, 'task')} tasks), ` +
        `${table} table indicators, ${text} prose targets, ${p.observations.length} observations\n`,
    );
  }
  process.stdout.write(
    `${dataset.departments.length} departments, ${dataset.spatialUnits.length} spatial units, ${dataset.projects.length} projects → ${datasetPath}\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(
    `dataset:sip: ${isLantuError(e) ? `[${e.code}] ` : ''}${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exitCode = 1;
}
