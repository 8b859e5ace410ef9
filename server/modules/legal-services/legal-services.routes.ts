import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AidApplication, AidApplicationCreateBody, AidAssignBody, AidCloseBody, AidGrantBody, AidList, AidListQuery, AidObjectionBody, AidObjectionDecisionBody, AidRefuseBody, AidStats, AidTerminateBody, AidWithdrawBody, CommunityList, Consultation, ConsultationCreateBody,
  ConsultationList, ConsultationListQuery, Draw, DrawCreateBody, DrawFindingBody, DrawList, DrawPublishBody, DrawVerification, InspectorList, InstitutionList, PublicDrawList, Coverage, CoverageQuery, FollowUpBody, LawyerCandidate, LawyerCandidateList, LegalServiceSettings, NearestQuery, NearestResult, PublicCommunityList, ReferralDraft, SETTINGS_NOTES, ServicePoint, ServicePointCreateBody, ServicePointList,
} from '../../../common/contracts/legal-services';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { AuditService } from '../../platform/audit';
import { contentDisposition } from '../../platform/documents';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../db';
import type { HotlineService } from './hotline.service';
import type { InspectionsService } from './inspections.service';
import type { LegalAidService } from './legal-aid.service';
import type { PointsService } from './points.service';
import type { EnterpriseService } from './enterprise.service';
import type { RegistersService } from './registers.service';
import { can } from '../../platform/identity';
import { readSettings, writeSettings } from './settings';
import { legalServicesWorkbook } from './stats-export';

const TAG = ['公共法律服务'];
const Id = z.object({ id: z.string().min(1).max(64) });
const AID_READ: Permission = 'legalService.aid.read';
const AID_HANDLE: Permission[] = ['legalService.aid.read', 'legalService.aid.handle'];
const HOT_READ: Permission = 'legalService.hotline.read';
const HOT_MANAGE: Permission[] = ['legalService.hotline.read', 'legalService.hotline.manage'];
const POINT_READ: Permission = 'legalService.point.read';
const POINT_MANAGE: Permission[] = ['legalService.point.read', 'legalService.point.manage'];
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SettingsView = z.object({ settings: LegalServiceSettings, notes: z.record(z.string(), z.string()) });

/** 法律援助, 12348 / consultations, service points and the 15-minute circle; the public nearest-point query. */
export function legalServicesRoutes(deps: { aid: LegalAidService; hotline: HotlineService; points: PointsService; inspections: InspectionsService; enterprise?: EnterpriseService; registers?: RegistersService; db: Db; clock: Clock; audit: AuditService; publicRateLimit: { max: number; timeWindow: string } }) {
  const { aid, hotline, points, inspections } = deps;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const P = '/api/v1/legal-services';

    // ---- 法律援助 ----
    r.get(`${P}/aid/applications`, { config: { permission: AID_READ }, schema: { tags: TAG, summary: '法律援助申请列表', querystring: AidListQuery, response: responses(AidList) }, handler: async (req) => aid.list(actorOf(req), req.query) });
    r.post(`${P}/aid/applications`, {
      config: { permission: AID_HANDLE },
      schema: { tags: TAG, summary: '登记法律援助申请（窗口、网上、转交、办案机关通知；经济困难审查；审查决定期限登记于期限台账）', body: AidApplicationCreateBody, response: responses(AidApplication) },
      handler: async (req) => {
        const actor = actorOf(req);
        const body = req.body;
        const src = body.sourceConsultationId;
        if (!src) return aid.create(actor, body, meta(req));
        // Referral from a consultation record: its caller's number (kept server-side) and the link, in one transaction.
        const mobile = body.applicant.mobile ?? (await hotline.callerMobile(actor, src));
        return aid.create(actor, { ...body, applicant: { ...body.applicant, mobile } }, meta(req), { inTransaction: (trx, created) => hotline.markReferred(trx, actor, src, created.id) });
      },
    });
    r.get(`${P}/aid/applications/:id`, { config: { permission: AID_READ }, schema: { tags: TAG, summary: '法律援助申请详情：期限及计算说明、紧急情形、经济困难审查、办理记录、可执行操作', params: Id, response: responses(AidApplication) }, handler: async (req) => aid.get(actorOf(req), req.params.id) });
    r.post(`${P}/aid/applications/:id/grant`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '决定给予法律援助（第四十三条）', params: Id, body: AidGrantBody, response: responses(AidApplication) }, handler: async (req) => aid.grant(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/aid/applications/:id/refuse`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '决定不予法律援助并说明理由（第四十三条）', params: Id, body: AidRefuseBody, response: responses(AidApplication) }, handler: async (req) => aid.refuse(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/aid/applications/:id/refusal-notice.docx`, {
      config: { permission: AID_READ },
      schema: { tags: TAG, summary: '不予法律援助决定书（.docx，书面告知理由及异议途径，第四十三条第一款、第四十九条）', params: Id, produces: [DOCX], response: responses(z.any().describe('不予法律援助决定书（.docx，二进制）')) },
      handler: async (req, reply) => {
        const { fileName, docx } = await aid.refusalNotice(actorOf(req), req.params.id, meta(req));
        return reply.type(DOCX).header('content-disposition', contentDisposition(fileName)).header('cache-control', 'no-store').send(docx);
      },
    });
    r.post(`${P}/aid/applications/:id/withdraw`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '撤回申请（第四十三条第二款）', params: Id, body: AidWithdrawBody, response: responses(AidApplication) }, handler: async (req) => aid.withdraw(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/aid/applications/:id/candidates`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '可指派律师：利益冲突审查与在办负荷', params: Id, response: responses(LawyerCandidateList) }, handler: async (req) => aid.candidates(actorOf(req), req.params.id) });
    r.post(`${P}/aid/applications/:id/assign`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '指派法律援助律师（不指定时按负荷自动分配）', params: Id, body: AidAssignBody, response: responses(AidApplication) }, handler: async (req) => aid.assign(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/aid/applications/:id/provisional-assign`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '先行提供法律援助（第四十四条）', params: Id, body: AidAssignBody, response: responses(AidApplication) }, handler: async (req) => aid.provisionalAssign(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/aid/applications/:id/close`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '结案归档、质量评定（第五十条）', params: Id, body: AidCloseBody, response: responses(AidApplication) }, handler: async (req) => aid.close(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/aid/applications/:id/terminate`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '终止法律援助（第四十八条）', params: Id, body: AidTerminateBody, response: responses(AidApplication) }, handler: async (req) => aid.terminate(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/aid/applications/:id/objection`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '登记申请人、受援人的异议（第四十九条）', params: Id, body: AidObjectionBody, response: responses(AidApplication) }, handler: async (req) => aid.objection(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/aid/applications/:id/objection-decision`, {
      config: { permission: ['legalService.aid.read', 'legalService.aid.objection'] },
      schema: { tags: TAG, summary: '司法行政部门审查异议：维持或者责令改正（第四十九条，五日）', params: Id, body: AidObjectionDecisionBody, response: responses(AidApplication) },
      handler: async (req) => aid.decideObjection(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.get(`${P}/aid/stats`, {
      config: { permission: AID_READ },
      schema: { tags: TAG, summary: '法律援助统计：按受援群体、事项、状态', querystring: z.object({ from: Day.optional(), to: Day.optional() }), response: responses(AidStats) },
      handler: async (req) => {
        const today = deps.clock.today();
        return aid.stats(actorOf(req), { from: req.query.from ?? `${today.slice(0, 4)}-01-01`, to: req.query.to ?? today });
      },
    });
    r.get(`${P}/stats/export.xlsx`, {
      config: { permission: ['legalService.aid.read', 'legalService.hotline.read', 'legalService.point.read'] },
      schema: { tags: TAG, summary: '导出公共法律服务统计表（Excel：主要数据，法律援助按群体、事项、状态，咨询按渠道、类别及满意度，服务圈外社区，企业服务按企业类型、行业，专项活动，行政审批，机构名录，投诉）', querystring: z.object({ from: Day.optional(), to: Day.optional() }), produces: [XLSX], response: responses(z.any().describe('Excel 工作簿（.xlsx，二进制）')) },
      handler: async (req, reply) => {
        const today = deps.clock.today();
        const period = { from: req.query.from ?? `${today.slice(0, 4)}-01-01`, to: req.query.to ?? today };
        const actor = actorOf(req);
        // the enterprise / register sheets only for holders of their read permissions
        const more = deps.enterprise && deps.registers && can(actor, 'legalService.enterprise.read') && can(actor, 'legalService.register.read') ? { enterprise: deps.enterprise, registers: deps.registers } : {};
        const buf = await legalServicesWorkbook({ aid, hotline, points, ...more }, actor, period);
        const name = encodeURIComponent(`公共法律服务统计_${period.from}_${period.to}.xlsx`);
        return reply.type(XLSX).header('content-disposition', `attachment; filename="legal-services-stats.xlsx"; filename*=UTF-8''${name}`).header('cache-control', 'no-store').send(buf);
      },
    });
    r.get(`${P}/aid/lawyers`, { config: { permission: AID_READ }, schema: { tags: TAG, summary: '法律援助律师库（在办负荷、已申报的利益冲突）', response: responses(z.object({ data: z.array(LawyerCandidate.extend({ active: z.boolean() })) })) }, handler: async () => aid.lawyers() });

    // ---- 12348 热线与咨询 ----
    r.get(`${P}/consultations`, { config: { permission: HOT_READ }, schema: { tags: TAG, summary: '咨询记录（12348 热线、现场、网络）及满意度', querystring: ConsultationListQuery, response: responses(ConsultationList) }, handler: async (req) => hotline.list(actorOf(req), req.query) });
    r.post(`${P}/consultations`, { config: { permission: HOT_MANAGE }, schema: { tags: TAG, summary: '登记咨询记录', body: ConsultationCreateBody, response: responses(Consultation) }, handler: async (req) => hotline.create(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/consultations/:id`, { config: { permission: HOT_READ }, schema: { tags: TAG, summary: '咨询记录详情', params: Id, response: responses(Consultation) }, handler: async (req) => hotline.get(actorOf(req), req.params.id) });
    r.post(`${P}/consultations/:id/follow-up`, { config: { permission: HOT_MANAGE }, schema: { tags: TAG, summary: '回访并记录满意度', params: Id, body: FollowUpBody, response: responses(Consultation) }, handler: async (req) => hotline.followUp(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/consultations/:id/referral-draft`, {
      config: { permission: [...HOT_MANAGE, 'legalService.aid.handle'] },
      schema: { tags: TAG, summary: '转法律援助申请：带入咨询记录的数据', params: Id, response: responses(ReferralDraft) },
      handler: async (req) => hotline.referralDraft(actorOf(req), req.params.id),
    });

    // ---- 服务点与十五分钟服务圈 ----
    r.get(`${P}/points`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '公共法律服务点', querystring: z.object({ service: CoverageQuery.shape.service.optional() }), response: responses(ServicePointList) }, handler: async (req) => points.list({ service: req.query.service }) });
    r.post(`${P}/points`, { config: { permission: POINT_MANAGE }, schema: { tags: TAG, summary: '登记公共法律服务点', body: ServicePointCreateBody, response: responses(ServicePoint) }, handler: async (req) => points.create(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/communities`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '社区（演示坐标）', response: responses(CommunityList) }, handler: async () => points.communities() });
    r.get(`${P}/coverage`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '十五分钟服务圈：各社区至最近服务点的步行距离和时间，圈外社区', querystring: CoverageQuery, response: responses(Coverage) }, handler: async (req) => points.coverage(req.query) });
    r.get(`${P}/settings`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '公共法律服务设置（经济困难标准、步行速度、绕行系数等，均注明待核实或本局设置）', response: responses(SettingsView) }, handler: async () => ({ settings: await readSettings(deps.db), notes: { ...SETTINGS_NOTES } }) });
    r.put(`${P}/settings`, {
      config: { permission: POINT_MANAGE },
      schema: { tags: TAG, summary: '修改公共法律服务设置', body: LegalServiceSettings.strict(), response: responses(SettingsView) },
      handler: async (req) => ({ settings: await writeSettings(deps, actorOf(req), req.body, meta(req)), notes: { ...SETTINGS_NOTES } }),
    });

    // ---- 双随机、一公开 ----
    const INSP: Permission[] = ['legalService.point.read', 'legalService.inspection.manage'];
    r.get(`${P}/institutions`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '检查对象名录（公证机构、司法鉴定机构、律师事务所；诚信等级）', querystring: z.object({ kind: z.enum(['notaryOffice', 'appraisalInstitution', 'lawFirm']).optional() }), response: responses(InstitutionList) }, handler: async (req) => inspections.institutions(req.query.kind) });
    r.get(`${P}/inspectors`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '执法检查人员库（含回避关系）', response: responses(InspectorList) }, handler: async () => inspections.inspectors() });
    r.get(`${P}/draws`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '双随机抽查记录', response: responses(DrawList) }, handler: async () => inspections.list() });
    r.post(`${P}/draws`, { config: { permission: INSP }, schema: { tags: TAG, summary: '随机抽取检查对象和执法人员（记录种子，可复现）', body: DrawCreateBody, response: responses(Draw) }, handler: async (req) => inspections.create(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/draws/:id`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '抽查详情', params: Id, response: responses(Draw) }, handler: async (req) => inspections.get(req.params.id) });
    r.post(`${P}/draws/:id/findings`, { config: { permission: INSP }, schema: { tags: TAG, summary: '登记检查结果', params: Id, body: DrawFindingBody, response: responses(Draw) }, handler: async (req) => inspections.finding(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/draws/:id/publish`, { config: { permission: INSP }, schema: { tags: TAG, summary: '公开抽查结果（之后不能修改；摘要记入审计日志）', params: Id, body: DrawPublishBody, response: responses(Draw) }, handler: async (req) => inspections.publish(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/draws/:id/verify`, { config: { permission: POINT_READ }, schema: { tags: TAG, summary: '以记录的种子重新抽取并与登记结果、审计日志核对', params: Id, response: responses(DrawVerification) }, handler: async (req) => inspections.verify(req.params.id) });

    // ---- public portal ----
    r.get('/api/v1/portal/legal-services/nearest', {
      config: { public: true, rateLimit: deps.publicRateLimit },
      schema: { tags: TAG, summary: '查找最近的公共法律服务点（公开）', querystring: NearestQuery, response: responses(NearestResult) },
      handler: async (req) => points.nearest(req.query),
    });
    r.get('/api/v1/portal/legal-services/inspections', {
      config: { public: true, rateLimit: deps.publicRateLimit },
      schema: { tags: TAG, summary: '双随机抽查结果公开（公开）', response: responses(PublicDrawList) },
      handler: async () => inspections.published(),
    });
    r.get('/api/v1/portal/legal-services/communities', {
      config: { public: true, rateLimit: deps.publicRateLimit },
      schema: { tags: TAG, summary: '街道与社区列表（公开）', response: responses(PublicCommunityList) },
      handler: async () => points.publicCommunities(),
    });
  };
}
