/**
 * 公共法律服务 statistics workbook (Excel): legal aid by group, matter and status; consultations by channel and category
 * with callbacks and satisfaction; the 社区 outside the 15-minute circle for legal-aid intake. One sheet per table.
 */
import ExcelJS from 'exceljs';
import { CONSULT_CATEGORIES, CONSULT_CHANNELS } from '../../../common/contracts/legal-services';
import type { Actor } from '../../platform/identity';
import type { HotlineService } from './hotline.service';
import type { LegalAidService } from './legal-aid.service';
import type { PointsService } from './points.service';

export async function legalServicesWorkbook(deps: { aid: LegalAidService; hotline: HotlineService; points: PointsService }, actor: Actor, p: { from: string; to: string }): Promise<Buffer> {
  const aid = await deps.aid.stats(actor, p);
  const hot = await deps.hotline.stats(actor, p);
  const cov = await deps.points.coverage({ service: 'legalAid' });
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治 Fazhi';
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`统计期间：${p.from} 至 ${p.to}`]);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 16));
  };
  sheet('法律援助-按群体', ['受援人群体', '件数'], [...aid.byGroup.map((g) => [g.label, g.count]), ['合计', aid.total]]);
  sheet('法律援助-按事项', ['援助事项', '件数'], [...aid.byMatter.map((g) => [g.label, g.count]), ['合计', aid.total]]);
  sheet('法律援助-按状态', ['状态', '件数'], [...aid.byStatus.map((g) => [g.label, g.count]), ['其中紧急（第四十四条）', aid.urgent]]);
  sheet('咨询-按渠道', ['渠道', '件数'], [...Object.entries(CONSULT_CHANNELS).map(([k, v]) => [v, hot.byChannel[k] ?? 0]), ['合计', hot.total], ['已回访', hot.surveyed], ['满意（含基本满意）', hot.satisfied], ['满意率（%）', hot.surveyed ? Math.round((hot.satisfied / hot.surveyed) * 10000) / 100 : '—'], ['咨询总时长（分钟）', Math.round(hot.totalSeconds / 60)]]);
  sheet('咨询-按类别', ['类别', '件数'], Object.entries(CONSULT_CATEGORIES).map(([k, v]) => [v, hot.byCategory[k] ?? 0]));
  sheet('服务圈-圈外社区', ['街道', '社区', '最近服务点', '步行距离（米）', '步行时间（分钟）'], [...cov.outside.map((r) => [r.street, r.communityName, r.nearestPointName ?? '无', r.walkMetres ?? '—', r.walkMinutes ?? '—']), [cov.method]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
