import ExcelJS from 'exceljs';

export type LedgerCell = string | number | null;

/**
 * An Excel ledger or statistics export (exceljs) whose every sheet opens with one bold caption row — what was
 * exported: period, filters, data scope — merged across the columns, then a bold header row and the rows.
 */
export function captionedWorkbook(caption: string, generatedAt: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治 Fazhi';
  wb.created = new Date(generatedAt);
  return {
    workbook: wb,
    sheet(name: string, headers: string[], rows: LedgerCell[][], widths: number[]): ExcelJS.Worksheet {
      const ws = wb.addWorksheet(name);
      ws.addRow([caption]);
      ws.mergeCells(1, 1, 1, headers.length);
      ws.getRow(1).font = { bold: true };
      ws.addRow(headers).font = { bold: true };
      for (const r of rows) ws.addRow(r);
      widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
      return ws;
    },
    async buffer(): Promise<Buffer> {
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
