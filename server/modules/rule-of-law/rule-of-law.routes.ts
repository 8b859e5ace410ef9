import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../common/contracts';
import {
  AttendanceBody,
  AttendanceByUnit,
  BaseBody,
  Campaign,
  CampaignBody,
  EducationBase,
  EventBody,
  EventListQuery,
  ExtendBody,
  Finding,
  FindingBody,
  FindingListQuery,
  Inspection,
  InspectionBody,
  InspectionListQuery,
  LawReporting,
  LawReportingBody,
  PublicityEvent,
  PublicityPlan,
  PublicityPlanBody,
  Ranking,
  RankingQuery,
  RectifyBody,
  ReportingListQuery,
  RuleOfLawYearSummary,
  Scheme,
  SchemeBody,
  ScoreBody,
  StudyListQuery,
  StudySession,
  StudySessionBody,
  Training,
  TrainingBody,
  TrainingListQuery,
  VerifyBody,
  YearQuery,
} from '../../../common/contracts/rule-of-law';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { Clock } from '../../platform/clock';
import { contentDisposition } from '../../platform/documents';
import type { Actor } from '../../platform/identity';
import { LEDGER_LABELS, type Ledger, XLSX_MIME, ledgerWorkbook } from './export';
import type { RuleOfLawService } from './rule-of-law.service';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const TAG = ['法治建设工作记录'];
const READ: Permission = 'ruleOfLaw.read';
const MANAGE: Permission[] = ['ruleOfLaw.read', 'ruleOfLaw.manage'];
const ASSESS: Permission[] = ['ruleOfLaw.read', 'ruleOfLaw.assess'];
const Xlsx = responses(z.unknown().describe('Excel 工作簿（.xlsx，二进制）'));
const OptYear = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** 法治建设工作记录: training, study, 述法, inspections and rectification, assessment, 普法; every change is audited. */
export function ruleOfLawRoutes(deps: { ruleOfLaw: RuleOfLawService; clock: Clock }) {
  const svc = deps.ruleOfLaw;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const P = '/api/v1/rule-of-law';
    const send = async (reply: FastifyReply, actor: Actor, ledger: Ledger, q: Record<string, unknown>, schemeId?: string) => {
      const now = deps.clock.nowIso();
      const buf = await ledgerWorkbook(svc, actor, ledger, q, now, schemeId);
      const year = typeof q.year === 'number' ? `_${q.year}` : '';
      return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(`${LEDGER_LABELS[ledger]}${year}.xlsx`)).header('cache-control', 'no-store').send(buf);
    };

    r.get(`${P}/summary`, { config: { permission: READ }, schema: { tags: TAG, summary: '年度法治建设工作汇总（供领导驾驶舱、法治政府建设年度报告第一、三部分和考核使用，按数据权限）', querystring: YearQuery, response: responses(RuleOfLawYearSummary) }, handler: async (req) => svc.yearSummary(actorOf(req), req.query) });

    r.get(`${P}/trainings`, { config: { permission: READ }, schema: { tags: TAG, summary: '法治培训台账（《中华人民共和国公务员法》第六十六条至第六十八条）', querystring: TrainingListQuery, response: responses(listOf(Training)) }, handler: async (req) => svc.trainings(actorOf(req), req.query) });
    r.get(`${P}/trainings.xlsx`, { config: { permission: READ }, schema: { tags: TAG, summary: '导出法治培训台账及参训人员（Excel，筛选条件同页面）', querystring: TrainingListQuery, produces: [XLSX_MIME], response: Xlsx }, handler: async (req, reply) => send(reply, actorOf(req), 'trainings', req.query) });
    r.get(`${P}/trainings/by-unit`, { config: { permission: READ }, schema: { tags: TAG, summary: '按单位统计参训人次、人数和学时（本年度，按数据权限）', querystring: YearQuery, response: responses(z.object({ data: z.array(AttendanceByUnit) })) }, handler: async (req) => ({ data: await svc.attendanceByUnit(actorOf(req), req.query) }) });
    r.post(`${P}/trainings`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记法治培训（可同时登记参训人员；培训实行登记管理，公务员法第六十八条）', body: TrainingBody, response: responses(Training) }, handler: async (req) => svc.createTraining(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/trainings/:id`, { config: { permission: READ }, schema: { tags: TAG, summary: '培训详情及参训人员', params: IdParams, response: responses(Training) }, handler: async (req) => svc.training(actorOf(req), req.params.id) });
    r.post(`${P}/trainings/:id/attendance`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记参训人员（培训举行后；整份名单校验，逐条说明不合格原因）', params: IdParams, body: AttendanceBody, response: responses(Training) }, handler: async (req) => svc.addAttendance(actorOf(req), req.params.id, req.body, meta(req)) });

    r.get(`${P}/study-sessions`, { config: { permission: READ }, schema: { tags: TAG, summary: '领导干部学法台账（会前学法、党组理论学习中心组学法）', querystring: StudyListQuery, response: responses(listOf(StudySession)) }, handler: async (req) => svc.studySessions(actorOf(req), req.query) });
    r.get(`${P}/study-sessions.xlsx`, { config: { permission: READ }, schema: { tags: TAG, summary: '导出领导干部学法台账（Excel）', querystring: StudyListQuery, produces: [XLSX_MIME], response: Xlsx }, handler: async (req, reply) => send(reply, actorOf(req), 'study-sessions', req.query) });
    r.post(`${P}/study-sessions`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记领导干部学法（主题、日期、参加人员）', body: StudySessionBody, response: responses(StudySession) }, handler: async (req) => svc.createStudySession(actorOf(req), req.body, meta(req)) });

    r.get(`${P}/law-reportings`, { config: { permission: READ }, schema: { tags: TAG, summary: '述法台账（年终述职述法：述法人、单位、日期、评议）', querystring: ReportingListQuery, response: responses(listOf(LawReporting)) }, handler: async (req) => svc.lawReportings(actorOf(req), req.query) });
    r.get(`${P}/law-reportings.xlsx`, { config: { permission: READ }, schema: { tags: TAG, summary: '导出述法台账（Excel）', querystring: ReportingListQuery, produces: [XLSX_MIME], response: Xlsx }, handler: async (req, reply) => send(reply, actorOf(req), 'law-reportings', req.query) });
    r.post(`${P}/law-reportings`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记述法', body: LawReportingBody, response: responses(LawReporting) }, handler: async (req) => svc.createLawReporting(actorOf(req), req.body, meta(req)) });

    r.get(`${P}/inspections`, { config: { permission: READ }, schema: { tags: TAG, summary: '法治督察台账（含内部控制检查）', querystring: InspectionListQuery, response: responses(listOf(Inspection)) }, handler: async (req) => svc.inspections(actorOf(req), req.query) });
    r.get(`${P}/inspections.xlsx`, { config: { permission: READ }, schema: { tags: TAG, summary: '导出法治督察及整改台账（Excel）', querystring: InspectionListQuery, produces: [XLSX_MIME], response: Xlsx }, handler: async (req, reply) => send(reply, actorOf(req), 'inspections', req.query) });
    r.post(`${P}/inspections`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记法治督察', body: InspectionBody, response: responses(Inspection) }, handler: async (req) => svc.createInspection(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/inspections/:id`, { config: { permission: READ }, schema: { tags: TAG, summary: '督察详情及发现问题', params: IdParams, response: responses(Inspection) }, handler: async (req) => svc.inspection(actorOf(req), req.params.id) });
    r.post(`${P}/inspections/:id/findings`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记督察发现的问题及整改期限', params: IdParams, body: FindingBody, response: responses(Finding) }, handler: async (req) => svc.addFinding(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/findings`, { config: { permission: READ }, schema: { tags: TAG, summary: '督察问题整改台账（整改中、已整改、已验收；逾期）', querystring: FindingListQuery, response: responses(listOf(Finding)) }, handler: async (req) => svc.findings(actorOf(req), req.query) });
    r.post(`${P}/findings/:id/rectify`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记整改完成', params: IdParams, body: RectifyBody, response: responses(Finding) }, handler: async (req) => svc.rectify(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/findings/:id/extend`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '调整整改期限（督察组，须说明理由，只能延后）', params: IdParams, body: ExtendBody, response: responses(Finding) }, handler: async (req) => svc.extend(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/findings/:id/verify`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '整改验收销号（由被督察单位以外的督察组或局机关）', params: IdParams, body: VerifyBody, response: responses(Finding) }, handler: async (req) => svc.verify(actorOf(req), req.params.id, req.body, meta(req)) });

    r.get(`${P}/schemes`, { config: { permission: READ }, schema: { tags: TAG, summary: '考核评价方案（指标、权重、满分）', response: responses(z.object({ data: z.array(Scheme) })) }, handler: async (req) => ({ data: await svc.schemes(actorOf(req)) }) });
    r.post(`${P}/schemes`, { config: { permission: ASSESS }, schema: { tags: TAG, summary: '制定年度考核评价方案（权重合计 100）', body: SchemeBody, response: responses(Scheme) }, handler: async (req) => svc.createScheme(actorOf(req), req.body, meta(req)) });
    r.post(`${P}/schemes/:id/scores`, { config: { permission: ASSESS }, schema: { tags: TAG, summary: '录入单位或司法所的考核评分（0 至指标满分）', params: IdParams, body: ScoreBody, response: responses(Ranking) }, handler: async (req) => svc.score(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/schemes/:id/ranking`, { config: { permission: READ }, schema: { tags: TAG, summary: '考核加权总分及排名（全部、科室中心、司法所）', params: IdParams, querystring: RankingQuery, response: responses(Ranking) }, handler: async (req) => svc.ranking(actorOf(req), req.params.id, req.query.group) });
    r.get(`${P}/schemes/:id/ranking.xlsx`, { config: { permission: READ }, schema: { tags: TAG, summary: '导出考核排名（Excel）', params: IdParams, querystring: RankingQuery, produces: [XLSX_MIME], response: Xlsx }, handler: async (req, reply) => send(reply, actorOf(req), 'ranking', req.query, req.params.id) });

    r.get(`${P}/plans`, { config: { permission: READ }, schema: { tags: TAG, summary: '普法五年规划（八五普法、九五普法；未核实的标注待核实）', response: responses(z.object({ data: z.array(PublicityPlan) })) }, handler: async () => ({ data: await svc.plans() }) });
    r.post(`${P}/plans`, { config: { permission: ASSESS }, schema: { tags: TAG, summary: '登记普法五年规划', body: PublicityPlanBody, response: responses(PublicityPlan) }, handler: async (req) => svc.createPlan(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/campaigns`, { config: { permission: READ }, schema: { tags: TAG, summary: '普法活动安排（如普法进万家）', querystring: OptYear, response: responses(z.object({ data: z.array(Campaign) })) }, handler: async (req) => ({ data: await svc.campaigns(actorOf(req), req.query) }) });
    r.post(`${P}/campaigns`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记普法活动安排', body: CampaignBody, response: responses(Campaign) }, handler: async (req) => svc.createCampaign(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/events`, { config: { permission: READ }, schema: { tags: TAG, summary: '普法活动台账（讲座、模拟法庭、法治嘉年华等，受众人次）', querystring: EventListQuery, response: responses(listOf(PublicityEvent)) }, handler: async (req) => svc.events(actorOf(req), req.query) });
    r.get(`${P}/events.xlsx`, { config: { permission: READ }, schema: { tags: TAG, summary: '导出普法活动、活动安排及教育基地（Excel）', querystring: EventListQuery, produces: [XLSX_MIME], response: Xlsx }, handler: async (req, reply) => send(reply, actorOf(req), 'events', req.query) });
    r.post(`${P}/events`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记普法活动', body: EventBody, response: responses(PublicityEvent) }, handler: async (req) => svc.createEvent(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/bases`, { config: { permission: READ }, schema: { tags: TAG, summary: '法治宣传教育基地', querystring: YearQuery, response: responses(z.object({ data: z.array(EducationBase) })) }, handler: async (req) => ({ data: await svc.bases(actorOf(req), req.query) }) });
    r.post(`${P}/bases`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记法治宣传教育基地', body: BaseBody, response: responses(EducationBase) }, handler: async (req) => svc.createBase(actorOf(req), req.body, meta(req)) });
  };
}
