import ExcelJS from 'exceljs';
import { ASSESSMENT_CRITERIA, CRITERION_TITLES } from '../../../domain/assessment.ts';
import { makeWorkbookSafe } from '../../../reports/spreadsheet-safety.ts';
import type { Assessment } from './assessment.service.ts';

/**
 * The year's assessment as a workbook (issue 16 §6): 考核得分 (one row per department: rank, each criterion's
 * points, adjustment, score) and 扣分明细 (every item behind a point lost, and every adjustment with its reason).
 */
export async function assessmentWorkbook(a: Assessment, planTitle: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const scores = wb.addWorksheet('考核得分');
  scores.addRow([`${planTitle} ${a.year}年度部门考核（截至${a.asOf}）`]);
  scores.addRow([
    '名次 Rank',
    '部门编码 Code',
    '部门 Department',
    ...ASSESSMENT_CRITERIA.map((k) => `${CRITERION_TITLES[k].zh}（${a.config.weights[k]}分）`),
    '基础得分 Base',
    '考核组调整 Adjustment',
    '总分 Score',
  ]);
  for (const d of a.departments)
    scores.addRow([
      d.rank,
      d.department.code,
      d.department.name,
      ...d.criteria.map((c) => c.points),
      d.base,
      d.adjustment,
      d.score,
    ]);
  scores.getRow(2).font = { bold: true };
  scores.columns.forEach((col, i) => (col.width = i === 2 ? 24 : 16));

  const lost = wb.addWorksheet('扣分明细');
  lost.addRow(['部门 Department', '考核项 Criterion', '事项 Item', '原因 Reason', '扣分 Points lost']);
  for (const d of a.departments) {
    for (const c of d.criteria)
      for (const l of c.losses) lost.addRow([d.department.name, c.title.zh, l.title, l.reason.zh, l.lost]);
    for (const adj of d.adjustments)
      lost.addRow([d.department.name, '考核组调整', adj.by, adj.reason, -adj.points]);
  }
  lost.getRow(1).font = { bold: true };
  lost.columns.forEach((col, i) => (col.width = [20, 18, 40, 40, 10][i] ?? 12));
  makeWorkbookSafe(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
