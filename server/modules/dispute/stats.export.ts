/**
 * Excel export (exceljs) of the dispute and mediation statistics for a period: by source, by type (with closures) and
 * by mediation committee (cases, agreements, failures). The first row of each sheet states the period and scope.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { DisputeStats } from '../../../common/contracts/dispute';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function disputeStatsWorkbook(s: z.infer<typeof DisputeStats>, scope: string, generatedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治 Fazhi';
  wb.created = new Date(generatedAt);
  const caption = `统计期间 ${s.from} 至 ${s.to}；范围：${scope}；纠纷 ${s.total} 件，办结 ${s.closed} 件，多渠道重复反映并入 ${s.merged} 次`;
  const add = (name: string, headers: string[], rows: (string | number)[][], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([caption]);
    ws.mergeCells(1, 1, 1, headers.length);
    ws.getRow(1).font = { bold: true };
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  };
  add('按来源', ['来源', '反映次数'], s.bySource.map((r) => [r.label, r.count]), [20, 12]);
  add('按纠纷类型', ['纠纷类型', '纠纷数', '已办结', '办结率'], s.byType.map((r) => [r.label, r.count, r.closed, r.count ? `${((r.closed / r.count) * 100).toFixed(1)}%` : '—']), [16, 10, 10, 10]);
  add('按调解委员会', ['人民调解委员会', '受理案件', '达成协议', '调解不成', '调解成功率'], s.byCommittee.map((r) => [r.name, r.cases, r.agreed, r.failed, r.agreed + r.failed ? `${((r.agreed / (r.agreed + r.failed)) * 100).toFixed(1)}%` : '—']), [36, 10, 10, 10, 12]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
