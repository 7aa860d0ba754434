#!/usr/bin/env bash
# By-hand visual check of the .docx report (not run in CI: needs LibreOffice).
#
#   apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk
#   scripts/render-report-pngs.sh [OUT_DIR]        # default: docs/screenshots
#
# Writes the SIP 14th mid-term report on the TEST DATA of test/support/report-fixtures.ts as a PDF the way
# report.pdf does (the .docx converted by LibreOffice, src/reports/pdf.ts), and renders page 1 (title page) and the page with the indicator table to PNG. Then fails
# if the PDF uses a font without CJK glyphs for Chinese text (pdffonts lists every font; a Chinese report
# should embed a CJK one) — look at the PNGs too: missing glyphs show as boxes.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/screenshots}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for tool in soffice pdftoppm pdftotext pdffonts; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk" >&2; exit 1; }
done

node --import tsx/esm - "$WORK" <<'JS'
import { writeFileSync } from 'node:fs';
import { reportInputFromDataset } from './src/reports/from-dataset.ts';
import { renderReport } from './src/reports/render.ts';
import { loadSipDataset, reportProgress, reportValuesCsv, REPORT_TEST_DATA_NOTE, REPORT_TEST_NOW } from './test/support/report-fixtures.ts';
const dir = process.argv[2];
const ds = loadSipDataset();
const input = reportInputFromDataset(ds, { kind: 'midterm', year: 2023, valuesCsv: reportValuesCsv(), progress: reportProgress(ds), engineVersion: 'screenshot', now: REPORT_TEST_NOW, dataNote: REPORT_TEST_DATA_NOTE });
const start = Date.now();
const r = await renderReport(input, 'pdf');
writeFileSync(`${dir}/report.pdf`, r.bytes);
console.log(`report.pdf: ${((Date.now() - start) / 1000).toFixed(1)} s (model, charts, .docx, LibreOffice)`);
for (const w of r.warnings) console.error(`warning: ${w}`);
JS
PAGES=$(pdfinfo "$WORK/report.pdf" | awk '/^Pages:/ {print $2}')
# The indicator table page: the first page full of its rows (the header repeats on every page; ≥ 10 rows
# with an attribute cell 预期性/约束性).
TABLE_PAGE=""
for p in $(seq 1 "$PAGES"); do
  rows=$(pdftotext -f "$p" -l "$p" -layout "$WORK/report.pdf" - | grep -cE '预期性|约束性' || true)
  if [ "$rows" -ge 10 ]; then TABLE_PAGE=$p; break; fi
done
[ -n "$TABLE_PAGE" ] || { echo "indicator table not found in the PDF" >&2; exit 1; }
mkdir -p "$OUT"
pdftoppm -r 110 -png -singlefile -f 1 -l 1 "$WORK/report.pdf" "$OUT/report-page1"
pdftoppm -r 110 -png -singlefile -f "$TABLE_PAGE" -l "$TABLE_PAGE" "$WORK/report.pdf" "$OUT/report-indicators"
echo "pages: $PAGES; indicator table on page $TABLE_PAGE"
pdffonts "$WORK/report.pdf"
if ! pdffonts "$WORK/report.pdf" | grep -qiE 'CJK|Hei|Song|Sans SC|Serif SC|WenQuanYi|Droid'; then
  echo "no CJK font in the PDF: Chinese text will show as boxes" >&2
  exit 1
fi
echo "wrote $OUT/report-page1.png and $OUT/report-indicators.png"
