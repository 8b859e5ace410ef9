/**
 * 公共法律服务 statistics workbook (Excel): legal aid by group, matter and status; consultations by channel and category
 * with callbacks and satisfaction; the 社区 outside the 15-minute circle for legal-aid intake; and, with the second part
 * of the module, the headline figures, enterprise services by firm type and industry, campaigns, approvals by item,
 * the institution registers (integrity grade, latest assessment, open complaints) and complaints. One sheet per table.
 */
import ExcelJS from 'exceljs';
import { AID_GIVEN_STATUSES, CONSULT_CATEGORIES, CONSULT_CHANNELS, INSTITUTION_KINDS } from '../../../common/contracts/legal-services';
import { ASSESSMENT_RESULTS, type HeadlineFigures } from '../../../common/contracts/legal-services-enterprise';
import type { Actor } from '../../platform/identity';
import type { EnterpriseService } from './enterprise.service';
import type { HotlineService } from './hotline.service';
import type { LegalAidService } from './legal-aid.service';
import type { PointsService } from './points.service';
import type { RegistersService } from './registers.service';

export const FIGURE_DEFINITIONS: Record<string, string> = {
  aidAccepted: '法律援助受理（给予）件数：统计期间收到的申请中，已决定给予、已指派、已结案或已终止的件数（办案机关通知的计入）',
  consultationsPhone: '12348 热线电话咨询：渠道为 12348 热线的咨询记录数，按咨询开始时间（北京时间）统计',
  consultationsWalkIn: '现场咨询：渠道为现场咨询的记录数',
  consultationsOnline: '网络咨询：渠道为网络咨询的记录数',
  hotlineSatisfactionRate: '满意率 =（满意 + 基本满意）÷ 已回访件数 × 100%',
  approvalsConcluded: '办结行政审批：统计期间作出决定（准予、不予准予）或申请人撤回的审批事项数',
  notarisationsOverseen: '监管公证业务量：各公证机构按月报送的办证件数之和（按报送月份统计）',
  enterpriseRequests: '企业法律服务需求：统计期间登记的企业服务需求件数',
  checkups: '法治体检：统计期间开展的法治体检次数',
  campaigns: '专项法律服务活动：统计期间开始的活动次数（参与人数为各活动登记人数之和）',
  complaintsConcluded: '办结投诉：统计期间办结的对律师事务所、公证机构、司法鉴定机构的投诉件数',
};

export async function headlineFigures(deps: { aid: LegalAidService; hotline: HotlineService; enterprise: EnterpriseService; registers: RegistersService }, actor: Actor, p: { from: string; to: string }): Promise<HeadlineFigures> {
  const aid = await deps.aid.stats(actor, p);
  const hot = await deps.hotline.stats(actor, p);
  const ent = await deps.enterprise.stats(actor, p);
  const appr = await deps.registers.approvalCounts(actor, p);
  const complaints = await deps.registers.complaintCounts(actor, p);
  const given = new Set<string>(AID_GIVEN_STATUSES);
  return {
    from: p.from, to: p.to,
    aidAccepted: aid.byStatus.filter((s) => given.has(s.key)).reduce((a, s) => a + s.count, 0),
    consultationsPhone: hot.byChannel.phone ?? 0, consultationsWalkIn: hot.byChannel.walkIn ?? 0, consultationsOnline: hot.byChannel.online ?? 0,
    hotlineSatisfactionRate: hot.surveyed ? Math.round((hot.satisfied / hot.surveyed) * 10000) / 100 : null,
    approvalsConcluded: appr.concluded,
    notarisationsOverseen: await deps.registers.volumeTotal('notaryOffice', p),
    enterpriseRequests: ent.requests,
    checkups: ent.byFirmType.reduce((a, r) => a + r.checkups, 0),
    campaigns: ent.campaigns.reduce((a, c) => a + c.campaigns, 0),
    campaignParticipants: ent.campaigns.reduce((a, c) => a + c.participants, 0),
    complaintsConcluded: complaints.concluded,
    definitions: FIGURE_DEFINITIONS,
  };
}

export async function legalServicesWorkbook(deps: { aid: LegalAidService; hotline: HotlineService; points: PointsService; enterprise?: EnterpriseService; registers?: RegistersService }, actor: Actor, p: { from: string; to: string }): Promise<Buffer> {
  const aid = await deps.aid.stats(actor, p);
  const hot = await deps.hotline.stats(actor, p);
  const cov = await deps.points.coverage({ service: 'legalAid' });
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治 Fazhi';
  const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`统计期间：${p.from} 至 ${p.to}`]);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 16));
  };
  if (deps.enterprise && deps.registers) {
    const f = await headlineFigures({ aid: deps.aid, hotline: deps.hotline, enterprise: deps.enterprise, registers: deps.registers }, actor, p);
    const labels: [keyof HeadlineFigures, string][] = [
      ['aidAccepted', '法律援助受理（给予）件数'], ['consultationsPhone', '12348 热线电话咨询'], ['consultationsWalkIn', '现场咨询'], ['consultationsOnline', '网络咨询'], ['hotlineSatisfactionRate', '咨询回访满意率（%）'],
      ['approvalsConcluded', '办结行政审批'], ['notarisationsOverseen', '监管公证业务量（件）'], ['enterpriseRequests', '企业法律服务需求'], ['checkups', '法治体检'], ['campaigns', '专项法律服务活动'], ['campaignParticipants', '专项活动参与人数'], ['complaintsConcluded', '办结投诉'],
    ];
    sheet('主要数据', ['指标', '数值', '口径'], labels.map(([k, l]) => [l, (f[k] as number | null) ?? '—', f.definitions[k] ?? '']));
  }
  sheet('法律援助-按群体', ['受援人群体', '件数'], [...aid.byGroup.map((g) => [g.label, g.count]), ['合计', aid.total]]);
  sheet('法律援助-按事项', ['援助事项', '件数'], [...aid.byMatter.map((g) => [g.label, g.count]), ['合计', aid.total]]);
  sheet('法律援助-按状态', ['状态', '件数'], [...aid.byStatus.map((g) => [g.label, g.count]), ['其中紧急（第四十四条）', aid.urgent]]);
  sheet('咨询-按渠道', ['渠道', '件数'], [...Object.entries(CONSULT_CHANNELS).map(([k, v]) => [v, hot.byChannel[k] ?? 0]), ['合计', hot.total], ['已回访', hot.surveyed], ['满意（含基本满意）', hot.satisfied], ['满意率（%）', hot.surveyed ? Math.round((hot.satisfied / hot.surveyed) * 10000) / 100 : '—'], ['咨询总时长（分钟）', Math.round(hot.totalSeconds / 60)]]);
  sheet('咨询-按类别', ['类别', '件数'], Object.entries(CONSULT_CATEGORIES).map(([k, v]) => [v, hot.byCategory[k] ?? 0]));
  sheet('服务圈-圈外社区', ['街道', '社区', '最近服务点', '步行距离（米）', '步行时间（分钟）'], [...cov.outside.map((r) => [r.street, r.communityName, r.nearestPointName ?? '无', r.walkMetres ?? '—', r.walkMinutes ?? '—']), [cov.method]]);
  if (deps.enterprise && deps.registers) {
    const ent = await deps.enterprise.stats(actor, p);
    const head = ['服务需求', '已办结', '法治体检', '发现问题', '其中高风险', '未整改'];
    sheet('企业服务-按企业类型', ['企业类型', ...head], ent.byFirmType.map((r) => [r.label, r.requests, r.closed, r.checkups, r.findings, r.highRisk, r.openFindings]));
    sheet('企业服务-按行业', ['行业', ...head], ent.byIndustry.map((r) => [r.label, r.requests, r.closed, r.checkups, r.findings, r.highRisk, r.openFindings]));
    sheet('企业服务-按事项', ['服务事项', '件数'], [...ent.byTopic.map((r) => [r.label, r.count]), ['合计', ent.requests], ['已回访', ent.surveyed], ['满意（含基本满意）', ent.satisfied]]);
    sheet('专项活动', ['服务对象', '活动次数', '参与人数', '现场咨询人次'], ent.campaigns.map((c) => [c.label, c.campaigns, c.participants, c.consultations]));
    const appr = await deps.registers.approvalCounts(actor, p);
    sheet('行政审批', ['审批事项', '受理', '办结', '准予', '不予准予', '撤回'], [...appr.byKind.map((k) => [k.label, k.received, k.concluded, k.approved, k.rejected, k.withdrawn]), ['合计', appr.received, appr.concluded, '', '', ''], ['按期办结', '', appr.onTime, '', '', ''], ['期限口径', '行政许可法第八十二条：工作日；各事项期限为本局设置（待核实）', '', '', '', '']]);
    const inst = await deps.registers.institutions({});
    sheet('机构名录', ['编码', '名称', '类别', '街道', '诚信等级', '最近年度考核', '未办结投诉', '执业律师（律师库）'], inst.data.map((i) => [i.code, i.name, INSTITUTION_KINDS[i.kind], i.street, i.integrityGrade, i.latestAssessment ? `${i.latestAssessment.year} ${ASSESSMENT_RESULTS[i.latestAssessment.result as keyof typeof ASSESSMENT_RESULTS] ?? i.latestAssessment.result}` : '—', i.openComplaints, i.kind === 'lawFirm' ? i.lawyers : '—']));
    const cc = await deps.registers.complaintCounts(actor, p);
    sheet('投诉', ['项目', '件数'], [['受理投诉', cc.received], ['办结投诉', cc.concluded], ['其中属实或部分属实', cc.substantiated]]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
