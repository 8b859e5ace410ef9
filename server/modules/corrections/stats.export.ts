/**
 * Excel export (exceljs) of the community-correction statistics: per 司法所 (the ledger now and what happened in the
 * period), by sentence type and by record kind. The first row of each sheet states the period and the scope. Names of
 * persons never appear: counts only.
 */
import { captionedWorkbook } from '../../platform/documents';
import type { z } from 'zod';
import type { CorrectionStats } from '../../../common/contracts/corrections';

export async function correctionStatsWorkbook(s: z.infer<typeof CorrectionStats>, scope: string, generatedAt: string): Promise<Buffer> {
  const caption = `统计期间 ${s.from} 至 ${s.to}；范围：${scope}；在册人数为导出时的情况（《中华人民共和国社区矫正法》）`;
  const book = captionedWorkbook(caption, generatedAt);
  const add = book.sheet;
  const total = (k: keyof (typeof s.byOffice)[number]) => s.byOffice.reduce((a, r) => a + Number(r[k]), 0);
  const cols = ['inCorrection', 'awaitingReport', 'overdueReport', 'reported', 'released', 'ended', 'releasedPersons', 'helps'] as const;
  add(
    '按司法所',
    ['司法所', '在矫', '待报到', '逾期未报到', '期间入矫报到', '期间期满解矫', '期间矫正终止', '安置帮教人员', '期间帮教记录'],
    [...s.byOffice.map((r) => [r.name, ...cols.map((c) => r[c])]), ['合计', ...cols.map((c) => total(c))]],
    [24, 8, 8, 12, 14, 14, 14, 14, 14],
  );
  add('按矫正类别', ['矫正类别（第二条）', '在册人数'], s.bySentenceType.map((r) => [r.label, r.count]), [24, 12]);
  add('按记录类别', ['记录类别', '期间记录数'], s.byRecordKind.map((r) => [r.label, r.count]), [40, 12]);
  return book.buffer();
}
