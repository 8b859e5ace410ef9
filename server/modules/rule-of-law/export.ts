/**
 * Excel exports (exceljs) of the 法治建设 ledgers, one workbook per ledger, with the same filters as the screen: the
 * service's list functions are called with the request's query and paging lifted. The first row of each sheet states
 * the filters and the data scope.
 */
import { captionedWorkbook } from '../../platform/documents';
import {
  BASE_LEVEL_LABELS,
  EVENT_KIND_LABELS,
  FINDING_STATUS_LABELS,
  INSPECTION_KIND_LABELS,
  REPORTING_GRADE_LABELS,
  STUDY_KIND_LABELS,
  TRAINING_KIND_LABELS,
} from '../../../common/contracts/rule-of-law';
import type { Actor } from '../../platform/identity';
import type { RuleOfLawService } from './rule-of-law.service';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const LEDGERS = ['trainings', 'study-sessions', 'law-reportings', 'inspections', 'events', 'ranking'] as const;
export type Ledger = (typeof LEDGERS)[number];
export const LEDGER_LABELS: Record<Ledger, string> = { trainings: '法治培训台账', 'study-sessions': '领导干部学法台账', 'law-reportings': '述法台账', inspections: '法治督察及整改台账', events: '普法活动台账', ranking: '法治建设考核排名' };

/** The labels of the enumerated filter values of each ledger (kinds overlap between ledgers: 'special'). */
const FILTER_VALUES: Record<Ledger, Record<string, string>> = {
  trainings: TRAINING_KIND_LABELS,
  'study-sessions': STUDY_KIND_LABELS,
  'law-reportings': REPORTING_GRADE_LABELS,
  inspections: { ...INSPECTION_KIND_LABELS, ...FINDING_STATUS_LABELS },
  events: EVENT_KIND_LABELS,
  ranking: { all: '全部', judicialOffice: '司法所', section: '科室、中心' },
};

function describe(ledger: Ledger, q: Record<string, unknown>): string {
  const parts: string[] = [];
  const label: Record<string, string> = { year: '年度', kind: '类型', departmentId: '单位', q: '关键词', grade: '评价', status: '状态', overdue: '逾期', internalControl: '内控', campaignId: '活动', group: '排名范围' };
  const values: Record<string, string> = { ...FILTER_VALUES[ledger], true: '是', false: '否' };
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize' && k !== 'all') parts.push(`${label[k] ?? k}=${values[String(v)] ?? String(v)}`);
  return parts.length ? parts.join('，') : '无';
}

export async function ledgerWorkbook(svc: RuleOfLawService, actor: Actor, ledger: Ledger, q: Record<string, unknown>, generatedAt: string, schemeId?: string): Promise<Buffer> {
  const caption = `${LEDGER_LABELS[ledger]}；筛选条件：${describe(ledger, q)}；范围：${actor.scopeDepartmentIds === null ? '全区' : actor.departmentName}；导出时间：${generatedAt.slice(0, 19).replace('T', ' ')}（UTC）`;
  const book = captionedWorkbook(caption, generatedAt);
  const sheet = book.sheet;
  const base: Record<string, unknown> = { ...q, page: 1, pageSize: 200, all: true };
  const all = base as never;

  if (ledger === 'trainings') {
    const { data } = await svc.trainings(actor, all);
    sheet('培训', ['培训日期', '培训名称', '类型', '学时', '主办单位', '授课人', '地点', '参训人次'], data.map((t) => [t.heldOn, t.title, TRAINING_KIND_LABELS[t.kind], t.hours, t.departmentName, t.lecturer, t.place, t.attendanceCount]), [12, 40, 18, 8, 22, 14, 24, 10]);
    const att = await svc.attendanceRows(actor, all);
    sheet('参训人员', ['培训日期', '培训名称', '参训人员', '所在单位', '学时'], att.map((a) => [a.heldOn, a.trainingTitle, a.name, a.departmentName, a.hours]), [12, 40, 12, 22, 8]);
    if (typeof q.year === 'number') {
      const byUnit = await svc.attendanceByUnit(actor, { year: q.year });
      sheet('按单位统计', ['单位', '参训人次', '参训人数', '学时合计'], byUnit.map((u) => [u.departmentName, u.attendances, u.people, u.hours]), [24, 10, 10, 10]);
    }
  } else if (ledger === 'study-sessions') {
    const { data } = await svc.studySessions(actor, all);
    sheet('学法', ['日期', '形式', '会议名称', '学法主题', '学习的法律法规', '主讲人', '参加人员', '人数', '单位'], data.map((s) => [s.heldOn, STUDY_KIND_LABELS[s.kind], s.meetingName, s.topic, s.lawsStudied, s.lecturer, s.attendees.join('、'), s.attendees.length, s.departmentName]), [12, 20, 26, 36, 30, 12, 40, 6, 20]);
  } else if (ledger === 'law-reportings') {
    const { data } = await svc.lawReportings(actor, all);
    sheet('述法', ['年度', '述法人', '职务', '单位', '述法日期', '述法场合', '评议结果', '述法要点'], data.map((r) => [r.year, r.reporterName, r.position, r.departmentName, r.reportedOn, r.setting, r.grade ? REPORTING_GRADE_LABELS[r.grade] : '未评议', r.summary]), [8, 12, 20, 22, 12, 26, 10, 50]);
  } else if (ledger === 'inspections') {
    const { data } = await svc.inspections(actor, all);
    sheet('督察', ['督察日期', '类型', '督察事项', '督察组', '被督察单位', '发现问题', '已整改'], data.map((i) => [i.inspectedOn, INSPECTION_KIND_LABELS[i.kind], i.title, i.team, i.departmentName, i.findingCount, i.rectifiedCount]), [12, 18, 36, 20, 22, 10, 10]);
    const f = await svc.findings(actor, { page: 1, pageSize: 200, all: true, year: q.year, departmentId: q.departmentId } as never);
    sheet('问题与整改', ['督察事项', '被督察单位', '问题', '内控问题', '整改期限', '状态', '是否逾期', '整改日期', '整改情况', '验收日期', '验收人'], f.data.map((x) => [x.inspectionTitle, x.departmentName, x.description, x.internalControl ? '是' : '否', x.rectificationDue, FINDING_STATUS_LABELS[x.status], x.overdue ? '逾期' : '', x.rectifiedOn, x.rectificationNote, x.verifiedOn, x.verifiedBy]), [30, 20, 40, 8, 12, 12, 8, 12, 36, 12, 10]);
  } else if (ledger === 'events') {
    const { data } = await svc.events(actor, all);
    sheet('普法活动', ['日期', '活动形式', '活动名称', '所属普法活动', '法治宣传教育基地', '地点', '受众人次', '单位'], data.map((e) => [e.heldOn, EVENT_KIND_LABELS[e.kind], e.title, e.campaignName, e.baseName, e.place, e.audience, e.departmentName]), [12, 14, 36, 26, 26, 24, 10, 20]);
    const camps = await svc.campaigns(actor, { year: q.year as number | undefined });
    sheet('普法活动安排', ['名称', '主题', '开始', '结束', '所属普法规划', '活动场次', '受众人次', '单位'], camps.map((c) => [c.name, c.theme, c.startsOn, c.endsOn, c.planName, c.events, c.audience, c.departmentName]), [30, 30, 12, 12, 16, 10, 10, 20]);
    const bases = await svc.bases(actor, { year: (q.year as number | undefined) ?? Number(generatedAt.slice(0, 4)) });
    sheet('法治宣传教育基地', ['名称', '级别', '地址', '命名日期', '本年度活动场次', '单位'], bases.map((b) => [b.name, BASE_LEVEL_LABELS[b.level], b.address, b.designatedOn, b.eventsThisYear, b.departmentName]), [30, 22, 30, 12, 14, 20]);
  } else {
    const r = await svc.ranking(actor, schemeId!, (q.group as 'all' | 'judicialOffice' | 'section' | undefined) ?? 'all');
    const ind = r.scheme.indicators;
    sheet('考核排名', ['名次', '单位', ...ind.map((i) => `${i.code} ${i.name}（权重 ${i.weight}，满分 ${i.maxScore}）`), '加权总分', '是否评完'], r.rows.map((x) => [x.rank, x.departmentName, ...x.scores.map((s) => s.score), x.total, x.complete ? '是' : '否']), [6, 22, ...ind.map(() => 16), 10, 8]);
    sheet('考核指标', ['编号', '指标', '类别', '权重', '满分', '说明'], ind.map((i) => [i.code, i.name, i.category, i.weight, i.maxScore, i.description]), [8, 36, 16, 8, 8, 40]);
  }
  return book.buffer();
}
