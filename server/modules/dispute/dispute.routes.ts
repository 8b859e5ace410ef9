import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../common/contracts';
import {
  DisputeCampaign,
  DisputeCampaignBody,
  DisputeCloseBody,
  DisputeDetail,
  DisputeFollowUpBody,
  DisputeIntakeBody,
  DisputeIntakeResult,
  DisputeListQuery,
  DisputeReopenBody,
  DisputeRiskBody,
  DisputeStats,
  DisputeStatsQuery,
  DisputeSummary,
  DisputeTransferBody,
  MediationAgreementBody,
  MediationCaseBody,
  MediationCaseDetail,
  MediationCaseSummary,
  MediationCommittee,
  MediationCommitteeBody,
  MediationConfirmationBody,
  MediationFailureBody,
  MediationFollowUpBody,
  MediationListQuery,
  MediationSessionBody,
  Mediator,
  MediatorBody,
  MediatorTrainingBody,
} from '../../../common/contracts/dispute';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { Clock } from '../../platform/clock';
import { contentDisposition } from '../../platform/documents';
import type { DisputeService } from './dispute.service';
import type { MediationService } from './mediation.service';
import { XLSX_MIME, disputeStatsWorkbook } from './stats.export';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const D_TAG = ['矛盾纠纷排查化解'];
const M_TAG = ['人民调解'];
const D_READ: Permission = 'dispute.read';
const D_MANAGE: Permission[] = ['dispute.read', 'dispute.manage'];
const M_READ: Permission = 'mediation.read';
const M_MANAGE: Permission[] = ['mediation.read', 'mediation.manage'];

/** 矛盾纠纷 register and 人民调解; every change is a POST sub-resource. */
export function disputeRoutes(deps: { disputes: DisputeService; mediation: MediationService; clock: Clock }) {
  const svc = deps.disputes;
  const med = deps.mediation;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const D = '/api/v1/disputes';
    r.get(D, { config: { permission: D_READ }, schema: { tags: D_TAG, summary: '矛盾纠纷登记簿（全口径，按数据权限）', querystring: DisputeListQuery, response: responses(listOf(DisputeSummary)) }, handler: async (req) => svc.list(actorOf(req), req.query) });
    r.post(D, {
      config: { permission: D_MANAGE },
      schema: { tags: D_TAG, summary: '纠纷登记：任一来源（12345、110、信访、司法所走访、网格员、排查活动）；同一纠纷自动识别并合并（一纠纷一编码）', body: DisputeIntakeBody, response: responses(DisputeIntakeResult) },
      handler: async (req) => svc.intake(actorOf(req), req.body, meta(req)),
    });
    r.get(`${D}/stats`, { config: { permission: D_READ }, schema: { tags: D_TAG, summary: '纠纷统计：按来源、类型和调解委员会', querystring: DisputeStatsQuery, response: responses(DisputeStats) }, handler: async (req) => svc.stats(actorOf(req), req.query) });
    r.get(`${D}/stats.xlsx`, {
      config: { permission: D_READ },
      schema: { tags: D_TAG, summary: '导出纠纷统计（Excel）', querystring: DisputeStatsQuery, produces: [XLSX_MIME], response: responses(z.unknown().describe('Excel 工作簿（.xlsx，二进制）')) },
      handler: async (req, reply) => {
        const actor = actorOf(req);
        const stats = await svc.stats(actor, req.query);
        const buf = await disputeStatsWorkbook(stats, actor.scopeDepartmentIds === null ? '全区' : actor.departmentName, deps.clock.nowIso());
        return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(`矛盾纠纷统计_${req.query.from}_${req.query.to}.xlsx`)).header('cache-control', 'no-store').send(buf);
      },
    });
    r.get(`${D}/campaigns`, { config: { permission: D_READ }, schema: { tags: D_TAG, summary: '排查活动（重点人群、重点时段）', response: responses(z.object({ data: z.array(DisputeCampaign) })) }, handler: async (req) => ({ data: await svc.campaigns(actorOf(req)) }) });
    r.post(`${D}/campaigns`, { config: { permission: D_MANAGE }, schema: { tags: D_TAG, summary: '登记排查活动（可标记为特殊时期）', body: DisputeCampaignBody, response: responses(DisputeCampaign) }, handler: async (req) => svc.createCampaign(actorOf(req), req.body, meta(req)) });
    r.get(`${D}/:id`, { config: { permission: D_READ }, schema: { tags: D_TAG, summary: '纠纷详情：各来源、当事人、全周期流转记录', params: IdParams, response: responses(DisputeDetail) }, handler: async (req) => svc.get(actorOf(req), req.params.id) });
    r.post(`${D}/:id/transfer`, { config: { permission: D_MANAGE }, schema: { tags: D_TAG, summary: '分流移交：人民调解委员会、职能部门、人民法院（诉调对接）或其他司法所，保留完整流转记录', params: IdParams, body: DisputeTransferBody, response: responses(DisputeDetail) }, handler: async (req) => svc.transfer(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/risk`, { config: { permission: D_MANAGE }, schema: { tags: D_TAG, summary: '风险研判（一般、较大、重大）', params: IdParams, body: DisputeRiskBody, response: responses(DisputeDetail) }, handler: async (req) => svc.grade(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/close`, { config: { permission: D_MANAGE }, schema: { tags: D_TAG, summary: '办结', params: IdParams, body: DisputeCloseBody, response: responses(DisputeDetail) }, handler: async (req) => svc.close(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/follow-up`, { config: { permission: D_MANAGE }, schema: { tags: D_TAG, summary: '回访', params: IdParams, body: DisputeFollowUpBody, response: responses(DisputeDetail) }, handler: async (req) => svc.followUp(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/reopen`, { config: { permission: D_MANAGE }, schema: { tags: D_TAG, summary: '重新办理（已办结纠纷再次反映或回访不满意）', params: IdParams, body: DisputeReopenBody, response: responses(DisputeDetail) }, handler: async (req) => svc.reopen(actorOf(req), req.params.id, req.body, meta(req)) });

    const M = '/api/v1/mediation';
    r.get(`${M}/committees`, { config: { permission: [M_READ] }, schema: { tags: M_TAG, summary: '人民调解委员会名录', response: responses(z.object({ data: z.array(MediationCommittee) })) }, handler: async (req) => ({ data: await med.committees(actorOf(req)) }) });
    r.post(`${M}/committees`, { config: { permission: M_MANAGE }, schema: { tags: M_TAG, summary: '登记人民调解委员会（街道、社区、行业性、专业性）', body: MediationCommitteeBody, response: responses(MediationCommittee) }, handler: async (req) => med.createCommittee(actorOf(req), req.body, meta(req)) });
    r.get(`${M}/committees/:id/mediators`, { config: { permission: M_READ }, schema: { tags: M_TAG, summary: '调解员及培训情况', params: IdParams, response: responses(z.object({ data: z.array(Mediator) })) }, handler: async (req) => ({ data: await med.mediators(actorOf(req), req.params.id) }) });
    r.post(`${M}/mediators`, { config: { permission: M_MANAGE }, schema: { tags: M_TAG, summary: '登记人民调解员', body: MediatorBody, response: responses(Mediator) }, handler: async (req) => med.createMediator(actorOf(req), req.body, meta(req)) });
    r.post(`${M}/mediators/:id/trainings`, { config: { permission: M_MANAGE }, schema: { tags: M_TAG, summary: '登记调解员培训', params: IdParams, body: MediatorTrainingBody, response: responses(Mediator) }, handler: async (req) => med.addTraining(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${M}/cases`, { config: { permission: M_READ }, schema: { tags: M_TAG, summary: '人民调解案件（按数据权限）', querystring: MediationListQuery, response: responses(listOf(MediationCaseSummary)) }, handler: async (req) => med.list(actorOf(req), req.query) });
    r.post(`${M}/cases`, {
      config: { permission: M_MANAGE },
      schema: { tags: M_TAG, summary: '受理人民调解案件（《中华人民共和国人民调解法》第十七条、第十八条）；可关联登记簿中的纠纷', body: MediationCaseBody.extend({ disputeId: z.string().min(1).max(64).optional() }), response: responses(MediationCaseDetail) },
      handler: async (req) => med.create(actorOf(req), req.body, meta(req)),
    });
    r.get(`${M}/cases/:id`, { config: { permission: M_READ }, schema: { tags: M_TAG, summary: '调解案件详情：当事人、调解记录、协议、司法确认期限及提醒', params: IdParams, response: responses(MediationCaseDetail) }, handler: async (req) => med.get(actorOf(req), req.params.id) });
    r.post(`${M}/cases/:id/sessions`, { config: { permission: M_MANAGE }, schema: { tags: M_TAG, summary: '登记调解记录（第二十七条）', params: IdParams, body: MediationSessionBody, response: responses(MediationCaseDetail) }, handler: async (req) => med.addSession(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${M}/cases/:id/agreement`, { config: { permission: M_MANAGE }, schema: { tags: M_TAG, summary: '登记调解协议（第二十八条至第三十条），开始计算共同申请司法确认的三十日期限（第三十三条）', params: IdParams, body: MediationAgreementBody, response: responses(MediationCaseDetail) }, handler: async (req) => med.agree(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${M}/cases/:id/failure`, { config: { permission: M_MANAGE }, schema: { tags: M_TAG, summary: '调解不成，终止调解并告知其他途径（第二十六条）', params: IdParams, body: MediationFailureBody, response: responses(MediationCaseDetail) }, handler: async (req) => med.fail(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${M}/cases/:id/judicial-confirmation`, { config: { permission: M_MANAGE }, schema: { tags: M_TAG, summary: '登记当事人共同申请司法确认（第三十三条；民事诉讼法第二百零五条）', params: IdParams, body: MediationConfirmationBody, response: responses(MediationCaseDetail) }, handler: async (req) => med.applyConfirmation(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${M}/cases/:id/follow-up`, { config: { permission: M_MANAGE }, schema: { tags: M_TAG, summary: '回访协议履行情况（第三十一条第二款）', params: IdParams, body: MediationFollowUpBody, response: responses(MediationCaseDetail) }, handler: async (req) => med.followUp(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${M}/cases/:id/agreement.docx`, {
      config: { permission: M_READ },
      schema: { tags: M_TAG, summary: '下载人民调解协议书（.docx，GB/T 9704 公文格式）', params: IdParams, produces: [DOCX_MIME], response: responses(z.unknown().describe('二进制文件')) },
      handler: async (req, reply) => {
        const f = await med.agreementDocx(actorOf(req), req.params.id, meta(req));
        return reply.header('content-type', DOCX_MIME).header('content-disposition', contentDisposition(f.fileName)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(f.bytes);
      },
    });
  };
}
