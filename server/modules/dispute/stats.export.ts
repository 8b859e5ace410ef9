/**
 * Excel export (exceljs) of the dispute and mediation statistics for a period: by source, by type (with closures) and
 * by mediation committee (cases, agreements, failures). The first row of each sheet states the period and scope.
 */
import { captionedWorkbook } from '../../platform/documents';
import type { z } from 'zod';
import type { DisputeStats } from '../../../common/contracts/dispute';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function disputeStatsWorkbook(s: z.infer<typeof DisputeStats>, scope: string, generatedAt: string): Promise<Buffer> {
  const caption = `统计期间 ${s.from} 至 ${s.to}；范围：${scope}；纠纷 ${s.total} 件，办结 ${s.closed} 件，多渠道重复反映并入 ${s.merged} 次`;
  const book = captionedWorkbook(caption, generatedAt);
  const add = book.sheet;
  add('按来源', ['来源', '反映次数'], s.bySource.map((r) => [r.label, r.count]), [20, 12]);
  add('按纠纷类型', ['纠纷类型', '纠纷数', '已办结', '办结率'], s.byType.map((r) => [r.label, r.count, r.closed, r.count ? `${((r.closed / r.count) * 100).toFixed(1)}%` : '—']), [16, 10, 10, 10]);
  add('按调解委员会', ['人民调解委员会', '受理案件', '达成协议', '调解不成', '调解成功率'], s.byCommittee.map((r) => [r.name, r.cases, r.agreed, r.failed, r.agreed + r.failed ? `${((r.agreed / (r.agreed + r.failed)) * 100).toFixed(1)}%` : '—']), [36, 10, 10, 10, 12]);
  return book.buffer();
}
