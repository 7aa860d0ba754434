/**
 * Report benchmark: the SIP 14th mid-term report as .docx (TEST DATA of test/support/report-fixtures.ts),
 * median of repeated runs, with the time per stage.
 *
 *   npx tsx bench/report.bench.ts [runs]          (default 7)
 *
 * One run = what `lantu report --kind midterm --format docx` does after start-up: read the dataset JSON,
 * the values and the progress, evaluate, build the model, draw the charts (ECharts SSR → one resvg render),
 * write the .docx. The first run is reported separately (cold: module initialisation, font discovery).
 * Goal on the 2-core dev machine: < 5 s.
 */
import { readFileSync } from 'node:fs';
import { datasetSchema } from '../src/domain/dataset.ts';
import { renderCharts } from '../src/reports/charts/render.ts';
import { writeDocx } from '../src/reports/docx.ts';
import { reportInputFromDataset } from '../src/reports/from-dataset.ts';
import { buildReportModel } from '../src/reports/model.ts';
import { chartBlocks } from '../src/reports/render.ts';
import {
  reportProgress,
  reportValuesCsv,
  REPORT_TEST_NOW,
  SIP_DATASET_PATH,
} from '../test/support/report-fixtures.ts';

const runs = Number(process.argv[2] ?? 7);
const csv = reportValuesCsv();

interface Run {
  input: number;
  model: number;
  charts: number;
  docx: number;
  total: number;
  bytes: number;
  nCharts: number;
}

async function once(): Promise<Run> {
  const t0 = performance.now();
  const dataset = datasetSchema.parse(JSON.parse(readFileSync(SIP_DATASET_PATH, 'utf8')));
  const input = reportInputFromDataset(dataset, {
    kind: 'midterm',
    year: 2023,
    valuesCsv: csv,
    progress: reportProgress(dataset),
    engineVersion: 'bench',
    now: REPORT_TEST_NOW,
  });
  const t1 = performance.now();
  const model = buildReportModel(input);
  const t2 = performance.now();
  const charts = chartBlocks(model);
  const { images } = renderCharts(charts);
  const t3 = performance.now();
  const bytes = await writeDocx(model, images);
  const t4 = performance.now();
  return {
    input: t1 - t0,
    model: t2 - t1,
    charts: t3 - t2,
    docx: t4 - t3,
    total: t4 - t0,
    bytes: bytes.length,
    nCharts: charts.length,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1
    ? (s[(s.length - 1) / 2] ?? 0)
    : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const cold = await once();
const all: Run[] = [];
for (let i = 0; i < runs; i++) all.push(await once());
const m = (k: keyof Run) => median(all.map((r) => r[k]));
const ok = m('total') < 5000;
process.stdout.write(
  `node ${process.version}, ${cold.nCharts} charts, ${(cold.bytes / 1024).toFixed(0)} kB .docx\n` +
    `cold (first run): ${fmt(cold.total)}  (input ${fmt(cold.input)}, model ${fmt(cold.model)}, charts ${fmt(cold.charts)}, docx ${fmt(cold.docx)})\n` +
    `median of ${runs}: ${fmt(m('total'))}  (input ${fmt(m('input'))}, model ${fmt(m('model'))}, charts ${fmt(m('charts'))}, docx ${fmt(m('docx'))})  ` +
    `min ${fmt(Math.min(...all.map((r) => r.total)))} max ${fmt(Math.max(...all.map((r) => r.total)))}  goal < 5 s: ${ok ? 'ok' : 'MISSED'}\n`,
);
process.exitCode = ok ? 0 : 1;
