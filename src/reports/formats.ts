import type { ReportFormat } from './types.ts';

/** MIME type of each report format. (Kept apart from render.ts so routes need not load docx/exceljs/echarts.) */
export function contentType(format: ReportFormat): string {
  switch (format) {
    case 'docx':
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    case 'md':
      return 'text/markdown; charset=utf-8';
    case 'pdf':
      return 'application/pdf';
  }
}
