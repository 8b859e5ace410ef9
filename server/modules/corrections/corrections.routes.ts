import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../common/contracts';
import {
  AttentionList,
  AttentionQuery,
  HelpRecordBody,
  ReleasedListQuery,
  ReleasedPerson,
  ReleasedPersonBody,
  CorrectionDecisionBody,
  CorrectionDocumentsBody,
  CorrectionEndBody,
  CorrectionListQuery,
  CorrectionRecordBody,
  CorrectionReportBody,
  CorrectionStaffBody,
  CorrectionSettings,
  CorrectionSettingsBody,
  CorrectionStaffOption,
  CorrectionTransferAcceptBody,
  CorrectionTransferBody,
  CorrectionTransferQuery,
  CorrectionTransferWithdrawBody,
  CorrectionTransferRow,
  CorrectionSubjectBody,
  CorrectionSubjectDetail,
  CorrectionSubjectSummary,
  CorrectionStats,
  CorrectionStatsQuery,
} from '../../../common/contracts/corrections';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import { contentDisposition } from '../../platform/documents';
import type { CorrectionsService } from './corrections.service';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const TAG = ['社区矫正'];
const READ: Permission = 'corrections.subject.read';
const MANAGE: Permission[] = ['corrections.subject.read', 'corrections.subject.manage'];
const BASE = '/api/v1/corrections/subjects';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 社区矫正: the ledger by data scope; each record open to its named staff only (views and refusals audited). */
export function correctionsRoutes(deps: { corrections: CorrectionsService }) {
  const svc = deps.corrections;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(BASE, { config: { permission: READ }, schema: { tags: TAG, summary: '社区矫正对象台账（司法所见本街道，区局见全部；overdue=1 为逾期未报到）', querystring: CorrectionListQuery, response: responses(listOf(CorrectionSubjectSummary)) }, handler: async (req) => svc.list(actorOf(req), req.query) });
    r.post(BASE, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '接收社区矫正对象，开始计算法定期限（《中华人民共和国社区矫正法》第二十条、第二十一条、第四十四条）', body: CorrectionSubjectBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.create(actorOf(req), req.body, meta(req)) });
    r.get('/api/v1/corrections/staff-options', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '可指定为责任人的司法所工作人员', querystring: z.object({ departmentId: z.string().min(1).max(64) }), response: responses(z.object({ data: z.array(CorrectionStaffOption) })) }, handler: async (req) => ({ data: await svc.staffOptions(actorOf(req), req.query.departmentId) }) });
    r.get(`${BASE}/:id`, { config: { permission: READ }, schema: { tags: TAG, summary: '社区矫正档案（仅限责任人；每次查阅留痕，拒绝亦留痕）', params: IdParams, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.get(actorOf(req), req.params.id, meta(req)) });
    r.post(`${BASE}/:id/report`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记报到或移交接收（第二十一条）', params: IdParams, body: CorrectionReportBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.report(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${BASE}/:id/documents`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记收到决定机关通知和法律文书（第二十条）', params: IdParams, body: CorrectionDocumentsBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.documents(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${BASE}/:id/records`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记报告、谈话、教育、公益活动、奖惩、请假、执行地变更、提请建议、电子定位（第二十三条至第二十九条、第三十三条）', params: IdParams, body: CorrectionRecordBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.addRecord(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${BASE}/:id/records/:recordId/decision`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '审批请假、执行地变更，或登记法院对建议的裁定', params: IdParams.extend({ recordId: z.string().min(1).max(64) }), body: CorrectionDecisionBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.decide(actorOf(req), req.params.id, req.params.recordId, req.body, meta(req)) });
    r.post(`${BASE}/:id/end`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '解除或终止社区矫正（第四十四条、第四十五条）', params: IdParams, body: CorrectionEndBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.end(actorOf(req), req.params.id, req.body, meta(req)) });
    const RP = '/api/v1/corrections/released';
    r.get(RP, { config: { permission: READ }, schema: { tags: TAG, summary: '安置帮教：刑满释放人员台账及帮教记录（按数据权限）', querystring: ReleasedListQuery, response: responses(listOf(ReleasedPerson)) }, handler: async (req) => svc.listReleased(actorOf(req), req.query) });
    r.post(RP, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记刑满释放人员（司法所）', body: ReleasedPersonBody, response: responses(ReleasedPerson) }, handler: async (req) => svc.createReleased(actorOf(req), req.body, meta(req)) });
    r.post(`${RP}/:id/help`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记帮教记录（走访、就业、培训、救助、教育）', params: IdParams, body: HelpRecordBody, response: responses(ReleasedPerson) }, handler: async (req) => svc.addHelp(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get('/api/v1/corrections/attention', { config: { permission: [READ, 'dispute.read'] }, schema: { tags: TAG, summary: '特殊时期重点人员和矛盾纠纷名单：责任人及期间内见面、报告情况', querystring: AttentionQuery, response: responses(AttentionList) }, handler: async (req) => svc.attention(actorOf(req), req.query) });
    r.get('/api/v1/corrections/stats', { config: { permission: READ }, schema: { tags: TAG, summary: '社区矫正统计：按司法所（在册、报到、解矫、安置帮教）、矫正类别和记录类别', querystring: CorrectionStatsQuery, response: responses(CorrectionStats) }, handler: async (req) => svc.stats(actorOf(req), req.query) });
    r.get('/api/v1/corrections/stats.xlsx', {
      config: { permission: READ },
      schema: { tags: TAG, summary: '导出社区矫正统计（Excel）', querystring: CorrectionStatsQuery, produces: [XLSX_MIME], response: responses(z.unknown().describe('Excel 工作簿（.xlsx，二进制）')) },
      handler: async (req, reply) => {
        const f = await svc.statsWorkbook(actorOf(req), req.query, meta(req));
        return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(f.fileName)).header('cache-control', 'no-store').send(f.bytes);
      },
    });
    r.post(`${BASE}/:id/transfer`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '执行已批准的执行地变更：区内移交其他司法所（待接收），或移交区外并结束本区矫正（《中华人民共和国社区矫正法》第二十七条第二款；仅限责任人）', params: IdParams, body: CorrectionTransferBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.transfer(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${BASE}/:id/transfer/withdraw`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '撤回尚未接收的区内执行地变更移交（仅限责任人，记明原因）', params: IdParams, body: CorrectionTransferWithdrawBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.withdrawTransfer(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${BASE}/:id/transfer/accept`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '接收区内执行地变更移交的社区矫正对象并指定责任人，法定期限随之移交（《中华人民共和国社区矫正法》第二十七条第二款）', params: IdParams, body: CorrectionTransferAcceptBody, response: responses(CorrectionSubjectSummary) }, handler: async (req) => svc.acceptTransfer(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get('/api/v1/corrections/settings', { config: { permission: READ }, schema: { tags: TAG, summary: '社区矫正期限设置：执行地变更后到新执行地报到期限（《中华人民共和国社区矫正法实施办法》，待核实）', response: responses(CorrectionSettings) }, handler: async () => svc.settings() });
    r.put('/api/v1/corrections/settings', { config: { permission: [READ, 'corrections.subject.oversee'] }, schema: { tags: TAG, summary: '设置执行地变更后到新执行地报到期限（区局；待核实的期限由本局设置，留痕）', body: CorrectionSettingsBody, response: responses(CorrectionSettings) }, handler: async (req) => svc.setSettings(actorOf(req), req.body, meta(req)) });
    r.get('/api/v1/corrections/offices', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '本区司法所（区内执行地变更的接收司法所）', response: responses(z.object({ data: z.array(z.object({ id: z.string(), name: z.string() })) })) }, handler: async () => ({ data: await svc.offices() }) });
    r.get('/api/v1/corrections/transfers', { config: { permission: READ }, schema: { tags: TAG, summary: '执行地变更移交记录：移出、移入司法所及各自责任人（《中华人民共和国社区矫正法》第二十七条第二款）', querystring: CorrectionTransferQuery, response: responses(listOf(CorrectionTransferRow)) }, handler: async (req) => svc.transfers(actorOf(req), req.query) });
    r.put(`${BASE}/:id/staff`, { config: { permission: MANAGE }, schema: { tags: TAG, summary: '指定责任人（区局监督人员或现任责任人）', params: IdParams, body: CorrectionStaffBody, response: responses(CorrectionSubjectDetail) }, handler: async (req) => svc.setStaff(actorOf(req), req.params.id, req.body, meta(req)) });
  };
}
