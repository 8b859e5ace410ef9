import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AidApplication } from '../../../common/contracts/legal-services';
import {
  AID_MATERIALS_NOTE, APPROVAL_KINDS, APPROVAL_PERIOD_NOTE, AidMaterialsReceiveBody, AidMaterialsRequestBody, Approval, ApprovalCreateBody, ApprovalDecideBody, ApprovalDocumentParams, ApprovalList, ApprovalListQuery, ApprovalPeriods, ApprovalSettingsView, AssessmentBody, Campaign, CampaignCreateBody, CampaignList, Checkup,
  CheckupCloseBody, CheckupCreateBody, CheckupFindingBody, CheckupFollowUpBody, CheckupList, CheckupListQuery, Complaint, ComplaintConcludeBody, ComplaintCreateBody, ComplaintHandleBody, ComplaintList, EnterpriseAssignBody, EnterpriseCloseBody, EnterpriseRequest,
  EnterpriseRequestCreateBody, EnterpriseRequestList, EnterpriseRequestListQuery, EnterpriseRespondBody, EnterpriseStats, GradeBody, HeadlineFigures, HonourBody, InstitutionCreateBody, InstitutionDetailsBody, InstitutionProfile, InstitutionRecordList, InstitutionRecordQuery,
  KbEntryBody, KbList, KbSearchQuery, QaSample, QaSampleCreateBody, QaSampleList, QaScoreBody, ReferralBody, ReferralResult,
} from '../../../common/contracts/legal-services-enterprise';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import { contentDisposition } from '../../platform/documents';
import type { Clock } from '../../platform/clock';
import type { EnterpriseService } from './enterprise.service';
import type { HotlineQualityService } from './hotline-quality.service';
import type { HotlineService } from './hotline.service';
import type { LegalAidService } from './legal-aid.service';
import type { RegistersService } from './registers.service';
import { headlineFigures } from './stats-export';

const TAG = ['公共法律服务'];
const Id = z.object({ id: z.string().min(1).max(64) });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Period = z.object({ from: Day.optional(), to: Day.optional() });
const ENT_READ: Permission = 'legalService.enterprise.read';
const ENT_MANAGE: Permission[] = ['legalService.enterprise.read', 'legalService.enterprise.manage'];
const REG_READ: Permission = 'legalService.register.read';
const REG_MANAGE: Permission[] = ['legalService.register.read', 'legalService.register.manage'];
const HOT_READ: Permission = 'legalService.hotline.read';
const HOT_MANAGE: Permission[] = ['legalService.hotline.read', 'legalService.hotline.manage'];
const HOT_REVIEW: Permission[] = ['legalService.hotline.read', 'legalService.hotline.review'];
const AID_HANDLE: Permission[] = ['legalService.aid.read', 'legalService.aid.handle'];
const Ok = z.object({ ok: z.literal(true) });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Enterprise services, institution registers and approvals, 12348 quality / knowledge base / referral, aid materials. */
export function legalServicesMoreRoutes(deps: { enterprise: EnterpriseService; registers: RegistersService; quality: HotlineQualityService; aid: LegalAidService; hotline: HotlineService; clock: Clock }) {
  const { enterprise, registers, quality, aid } = deps;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const P = '/api/v1/legal-services';
    const period = (q: { from?: string | undefined; to?: string | undefined }) => {
      const today = deps.clock.today();
      return { from: q.from ?? `${today.slice(0, 4)}-01-01`, to: q.to ?? today };
    };

    // ---- 企业法律服务 ----
    r.get(`${P}/enterprise/requests`, { config: { permission: ENT_READ }, schema: { tags: TAG, summary: '企业法律服务需求（金融、中小微、科技创新企业）', querystring: EnterpriseRequestListQuery, response: responses(EnterpriseRequestList) }, handler: async (req) => enterprise.listRequests(actorOf(req), req.query) });
    r.post(`${P}/enterprise/requests`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '登记企业法律服务需求（统一社会信用代码校验）', body: EnterpriseRequestCreateBody, response: responses(EnterpriseRequest) }, handler: async (req) => enterprise.createRequest(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/enterprise/requests/:id`, { config: { permission: ENT_READ }, schema: { tags: TAG, summary: '企业法律服务需求详情', params: Id, response: responses(EnterpriseRequest) }, handler: async (req) => enterprise.getRequest(actorOf(req), req.params.id) });
    r.post(`${P}/enterprise/requests/:id/assign`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '指派律师或服务团队', params: Id, body: EnterpriseAssignBody, response: responses(EnterpriseRequest) }, handler: async (req) => enterprise.assign(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/enterprise/requests/:id/respond`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '答复企业', params: Id, body: EnterpriseRespondBody, response: responses(EnterpriseRequest) }, handler: async (req) => enterprise.respond(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/enterprise/requests/:id/close`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '办结并记录企业满意度', params: Id, body: EnterpriseCloseBody, response: responses(EnterpriseRequest) }, handler: async (req) => enterprise.close(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/enterprise/checkups`, { config: { permission: ENT_READ }, schema: { tags: TAG, summary: '法治体检', querystring: CheckupListQuery, response: responses(CheckupList) }, handler: async (req) => enterprise.listCheckups(actorOf(req), req.query) });
    r.post(`${P}/enterprise/checkups`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '开展法治体检（可关联服务需求）', body: CheckupCreateBody, response: responses(Checkup) }, handler: async (req) => enterprise.createCheckup(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/enterprise/checkups/:id`, { config: { permission: ENT_READ }, schema: { tags: TAG, summary: '法治体检详情：发现问题、风险等级、整改跟踪', params: Id, response: responses(Checkup) }, handler: async (req) => enterprise.getCheckup(actorOf(req), req.params.id) });
    r.post(`${P}/enterprise/checkups/:id/findings`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '登记体检发现的问题及风险等级', params: Id, body: CheckupFindingBody, response: responses(Checkup) }, handler: async (req) => enterprise.addFinding(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/enterprise/checkups/:id/follow-ups`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '整改跟踪（可销号）', params: Id, body: CheckupFollowUpBody, response: responses(Checkup) }, handler: async (req) => enterprise.followUp(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/enterprise/checkups/:id/report.docx`, {
      config: { permission: ENT_READ },
      schema: { tags: TAG, summary: '法治体检报告（.docx，GB/T 9704 公文格式）', params: Id, produces: [DOCX], response: responses(z.any().describe('法治体检报告（.docx，二进制）')) },
      handler: async (req, reply) => {
        const { fileName, docx } = await enterprise.checkupReport(actorOf(req), req.params.id);
        return reply.type(DOCX).header('content-disposition', contentDisposition(fileName)).header('cache-control', 'no-store').send(docx);
      },
    });
    r.post(`${P}/enterprise/checkups/:id/close`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '结束法治体检（问题全部销号后）', params: Id, body: CheckupCloseBody, response: responses(Checkup) }, handler: async (req) => enterprise.closeCheckup(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/enterprise/campaigns`, { config: { permission: ENT_READ }, schema: { tags: TAG, summary: '专项法律服务活动', querystring: Period, response: responses(CampaignList) }, handler: async (req) => enterprise.listCampaigns(actorOf(req), req.query) });
    r.post(`${P}/enterprise/campaigns`, { config: { permission: ENT_MANAGE }, schema: { tags: TAG, summary: '登记专项法律服务活动', body: CampaignCreateBody, response: responses(Campaign) }, handler: async (req) => enterprise.createCampaign(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/enterprise/stats`, { config: { permission: ENT_READ }, schema: { tags: TAG, summary: '企业法律服务统计：按企业类型、行业、事项，专项活动', querystring: Period, response: responses(EnterpriseStats) }, handler: async (req) => enterprise.stats(actorOf(req), period(req.query)) });

    // ---- 机构名录、考核、表彰、投诉、诚信等级 ----
    r.get(`${P}/registers/institutions`, { config: { permission: REG_READ }, schema: { tags: TAG, summary: '律师事务所、公证机构、司法鉴定机构名录', querystring: InstitutionRecordQuery, response: responses(InstitutionRecordList) }, handler: async (req) => registers.institutions(req.query) });
    r.post(`${P}/registers/institutions`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '登记法律服务机构', body: InstitutionCreateBody, response: responses(InstitutionProfile) }, handler: async (req) => registers.createInstitution(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/registers/institutions/:id`, { config: { permission: REG_READ }, schema: { tags: TAG, summary: '机构档案：年度考核、表彰、诚信等级、投诉', params: Id, response: responses(InstitutionProfile) }, handler: async (req) => registers.profile(req.params.id) });
    r.put(`${P}/registers/institutions/:id`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '修改机构基本信息', params: Id, body: InstitutionDetailsBody, response: responses(InstitutionProfile) }, handler: async (req) => registers.updateDetails(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/registers/institutions/:id/assessments`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '登记年度考核结果', params: Id, body: AssessmentBody, response: responses(InstitutionProfile) }, handler: async (req) => registers.assess(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/registers/institutions/:id/honours`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '登记表彰奖励', params: Id, body: HonourBody, response: responses(InstitutionProfile) }, handler: async (req) => registers.honour(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/registers/institutions/:id/grades`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '评定年度诚信等级', params: Id, body: GradeBody, response: responses(InstitutionProfile) }, handler: async (req) => registers.grade(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/registers/lawyers/:id/assessments`, {
      config: { permission: REG_MANAGE },
      schema: { tags: TAG, summary: '登记律师年度考核结果（律师库）', params: Id, body: AssessmentBody, response: responses(z.object({ lawyerId: z.string(), name: z.string(), firmName: z.string(), assessments: z.array(z.object({ year: z.number().int(), result: z.string() })) })) },
      handler: async (req) => registers.assessLawyer(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.post(`${P}/registers/institutions/:id/volumes`, {
      config: { permission: REG_MANAGE },
      schema: { tags: TAG, summary: '登记月度业务量（公证办证件数、鉴定件数、办案件数）', params: Id, body: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM'), count: z.number().int().min(0).max(10_000_000) }).strict(), response: responses(InstitutionProfile) },
      handler: async (req) => registers.volume(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.get(`${P}/registers/complaints`, { config: { permission: REG_READ }, schema: { tags: TAG, summary: '投诉登记', querystring: z.object({ status: z.enum(['received', 'handling', 'concluded']).optional() }), response: responses(ComplaintList) }, handler: async (req) => registers.complaints(actorOf(req), req.query) });
    r.post(`${P}/registers/complaints`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '受理对法律服务机构的投诉', body: ComplaintCreateBody, response: responses(Complaint) }, handler: async (req) => registers.createComplaint(actorOf(req), req.body, meta(req)) });
    r.post(`${P}/registers/complaints/:id/handle`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '投诉调查处理记录', params: Id, body: ComplaintHandleBody, response: responses(Complaint) }, handler: async (req) => registers.handleComplaint(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/registers/complaints/:id/conclude`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '投诉办结并登记处理结果', params: Id, body: ComplaintConcludeBody, response: responses(Complaint) }, handler: async (req) => registers.concludeComplaint(actorOf(req), req.params.id, req.body, meta(req)) });

    // ---- 行政审批 ----
    const periodsView = async () => {
      const periods = await registers.approvalPeriods();
      return { periods, note: APPROVAL_PERIOD_NOTE, kinds: (Object.keys(APPROVAL_KINDS) as (keyof typeof APPROVAL_KINDS)[]).map((k) => ({ key: k, label: APPROVAL_KINDS[k].label, citation: `${APPROVAL_KINDS[k].citation}（期限待核实）`, days: periods[k] })) };
    };
    r.get(`${P}/approvals`, { config: { permission: REG_READ }, schema: { tags: TAG, summary: '行政审批登记簿及统计（受理、办结、按期）', querystring: ApprovalListQuery, response: responses(ApprovalList) }, handler: async (req) => registers.approvals(actorOf(req), req.query) });
    r.post(`${P}/approvals`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '登记受理的行政审批事项（办理期限登记于期限台账）', body: ApprovalCreateBody, response: responses(Approval) }, handler: async (req) => registers.createApproval(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/approvals/settings`, { config: { permission: REG_READ }, schema: { tags: TAG, summary: '各审批事项办理期限（本局设置，待核实）', response: responses(ApprovalSettingsView) }, handler: async () => periodsView() });
    r.put(`${P}/approvals/settings`, {
      config: { permission: REG_MANAGE },
      schema: { tags: TAG, summary: '设置各审批事项办理期限（工作日）', body: z.object({ periods: ApprovalPeriods }).strict(), response: responses(ApprovalSettingsView) },
      handler: async (req) => {
        await registers.setApprovalPeriods(actorOf(req), req.body.periods, meta(req));
        return periodsView();
      },
    });
    r.get(`${P}/approvals/:id`, { config: { permission: REG_READ }, schema: { tags: TAG, summary: '行政审批详情及期限计算说明', params: Id, response: responses(Approval) }, handler: async (req) => registers.getApproval(actorOf(req), req.params.id) });
    r.get(`${P}/approvals/:id/documents/:kind.docx`, {
      config: { permission: REG_READ },
      schema: { tags: TAG, summary: '行政许可文书（.docx）：受理通知书 acceptance（行政许可法第三十二条第二款）、报送决定机关的初步审查意见书 review（第三十五条）', params: ApprovalDocumentParams, produces: [DOCX], response: responses(z.any().describe('行政许可文书（.docx，二进制）')) },
      handler: async (req, reply) => {
        const { fileName, docx } = await registers.approvalDocument(actorOf(req), req.params.id, req.params.kind, meta(req));
        return reply.type(DOCX).header('content-disposition', contentDisposition(fileName)).header('cache-control', 'no-store').send(docx);
      },
    });
    r.post(`${P}/approvals/:id/decide`, { config: { permission: REG_MANAGE }, schema: { tags: TAG, summary: '作出审批决定（准予、不予准予）或登记撤回', params: Id, body: ApprovalDecideBody, response: responses(Approval) }, handler: async (req) => registers.decideApproval(actorOf(req), req.params.id, req.body, meta(req)) });

    // ---- 12348 质检、知识库、转办 ----
    r.get(`${P}/quality/samples`, { config: { permission: HOT_READ }, schema: { tags: TAG, summary: '咨询质量抽查', response: responses(QaSampleList) }, handler: async (req) => quality.samples(actorOf(req)) });
    r.post(`${P}/quality/samples`, { config: { permission: HOT_REVIEW }, schema: { tags: TAG, summary: '随机抽取咨询记录（记录种子，可复现）', body: QaSampleCreateBody, response: responses(QaSample) }, handler: async (req) => quality.createSample(actorOf(req), req.body, meta(req)) });
    r.get(`${P}/quality/samples/:id`, { config: { permission: HOT_READ }, schema: { tags: TAG, summary: '抽查详情与评分', params: Id, response: responses(QaSample) }, handler: async (req) => quality.sample(actorOf(req), req.params.id) });
    r.post(`${P}/quality/samples/:id/scores`, { config: { permission: HOT_REVIEW }, schema: { tags: TAG, summary: '评查打分（不能评查本人办理的记录）', params: Id, body: QaScoreBody, response: responses(QaSample) }, handler: async (req) => quality.score(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${P}/knowledge`, { config: { permission: HOT_READ }, schema: { tags: TAG, summary: '咨询知识库（中文分词检索）', querystring: KbSearchQuery, response: responses(KbList) }, handler: async (req) => quality.kbSearch(req.query) });
    r.post(`${P}/knowledge`, { config: { permission: HOT_MANAGE }, schema: { tags: TAG, summary: '新增知识库条目', body: KbEntryBody, response: responses(z.object({ id: z.string() })) }, handler: async (req) => quality.kbCreate(actorOf(req), req.body, meta(req)) });
    r.post(`${P}/knowledge/:id/use`, { config: { permission: HOT_MANAGE }, schema: { tags: TAG, summary: '引用知识库答案（计数）', params: Id, body: z.object({}).strict(), response: responses(Ok) }, handler: async (req) => { await quality.kbUse(actorOf(req), req.params.id, meta(req)); return { ok: true as const }; } });
    r.post(`${P}/consultations/:id/refer`, { config: { permission: HOT_MANAGE }, schema: { tags: TAG, summary: '一键转办：人民调解（矛盾纠纷登记）、行政复议咨询、公证机构，带入咨询记录的数据', params: Id, body: ReferralBody, response: responses(ReferralResult) }, handler: async (req) => quality.refer(actorOf(req), req.params.id, req.body, meta(req)) });

    // ---- 法律援助：补充材料（第四十三条第二款）----
    r.post(`${P}/aid/applications/:id/request-materials`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: `一次性告知补充材料，审查决定期限暂停（${AID_MATERIALS_NOTE.slice(0, 40)}…）`, params: Id, body: AidMaterialsRequestBody, response: responses(AidApplication) }, handler: async (req) => aid.requestMaterials(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${P}/aid/applications/:id/receive-materials`, { config: { permission: AID_HANDLE }, schema: { tags: TAG, summary: '收到补充材料，审查决定期限继续计算', params: Id, body: AidMaterialsReceiveBody, response: responses(AidApplication) }, handler: async (req) => aid.receiveMaterials(actorOf(req), req.params.id, req.body, meta(req)) });

    // ---- 主要数据 ----
    r.get(`${P}/figures`, {
      config: { permission: ['legalService.aid.read', 'legalService.hotline.read', 'legalService.enterprise.read', 'legalService.register.read'] },
      schema: { tags: TAG, summary: '公共法律服务主要数据（法律援助、咨询、审批、公证监管、企业服务），附统计口径', querystring: Period, response: responses(HeadlineFigures) },
      handler: async (req) => headlineFigures({ aid, hotline: deps.hotline, enterprise, registers }, actorOf(req), period(req.query)),
    });
  };
}
