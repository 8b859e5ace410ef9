import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Clue, ClueCreateBody, ClueDismissBody, ClueList, ClueListQuery, LiaisonBody, LiaisonCandidateList, LiaisonList, Opinion, OpinionIssueBody, OpinionList, OpinionListQuery, Order, OrderExtendBody, OrderIssueBody, OrderList, OrderListQuery, OrderReportBody, OrderVerifyBody, RectificationRate,
} from '../../../common/contracts/enforcement-supervision';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import { contentDisposition } from '../../platform/documents';
import type { SupervisionService } from './supervision.service';

const TAG = ['行政执法监督'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const Id = z.object({ id: z.string().min(1).max(64) });
const READ: Permission = 'enforcement.supervision.read';
const MANAGE: Permission[] = ['enforcement.supervision.read', 'enforcement.supervision.manage'];
const ORDER_READ: Permission = 'enforcement.order.read';
const OrderWithActions = Order.extend({ actions: z.array(z.string()) });
const Ok = z.object({ ok: z.literal(true) });

function sendDocx(reply: FastifyReply, file: { filename: string; data: Buffer }) {
  return reply.header('content-type', DOCX_MIME).header('content-disposition', contentDisposition(file.filename)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(file.data);
}

/**
 * Supervision workflow: 问题线索 → 督办单 → 整改报告 → 核查 → 办结; 执法监督意见书; documents; rectification rate.
 * Orders are read under enforcement.order.read with the data scope of scope.ts applied in the service queries (a 司法所
 * sees its street's firms, an agency liaison their agencies'); clues, opinions' issue and verification need the bureau's
 * supervision permissions and the district scope.
 */
export function supervisionRoutes(deps: { supervision: SupervisionService }) {
  const svc = deps.supervision;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/v1/enforcement/clues', { config: { permission: READ }, schema: { tags: TAG, summary: '问题线索列表', querystring: ClueListQuery, response: responses(ClueList) }, handler: async (req) => svc.listClues(actorOf(req), req.query) });
    r.post('/api/v1/enforcement/clues', {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '登记问题线索（由一条或多条检测预警、人工发现或 12345 投诉）', body: ClueCreateBody, response: responses(Clue) },
      handler: async (req) => svc.createClue(actorOf(req), req.body, meta(req)),
    });
    r.get('/api/v1/enforcement/clues/:id', { config: { permission: READ }, schema: { tags: TAG, summary: '问题线索详情', params: Id, response: responses(Clue) }, handler: async (req) => svc.getClue(actorOf(req), req.params.id) });
    r.post('/api/v1/enforcement/clues/:id/dismiss', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '不予督办（说明理由）', params: Id, body: ClueDismissBody, response: responses(Clue) }, handler: async (req) => svc.dismissClue(actorOf(req), req.params.id, req.body, meta(req)) });

    r.post('/api/v1/enforcement/orders', {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '由问题线索制发督办单（统一编号；整改期限登记于期限台账）', body: OrderIssueBody, response: responses(Order) },
      handler: async (req) => svc.issueOrder(actorOf(req), req.body, meta(req)),
    });
    r.get('/api/v1/enforcement/orders', { config: { permission: ORDER_READ }, schema: { tags: TAG, summary: '督办单列表（执法单位联络员仅见本单位）', querystring: OrderListQuery, response: responses(OrderList) }, handler: async (req) => svc.listOrders(actorOf(req), req.query) });
    r.get('/api/v1/enforcement/orders/:id', { config: { permission: ORDER_READ }, schema: { tags: TAG, summary: '督办单详情、办理记录及可执行操作', params: Id, response: responses(OrderWithActions) }, handler: async (req) => svc.getOrder(actorOf(req), req.params.id) });
    r.post('/api/v1/enforcement/orders/:id/report', {
      config: { permission: [ORDER_READ, 'enforcement.rectification.submit'] },
      schema: { tags: TAG, summary: '执法单位报送整改报告', params: Id, body: OrderReportBody, response: responses(Order) },
      handler: async (req) => svc.report(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.post('/api/v1/enforcement/orders/:id/record-report', {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '监督机构代录执法单位书面报送的整改报告', params: Id, body: OrderReportBody, response: responses(Order) },
      handler: async (req) => svc.report(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.post('/api/v1/enforcement/orders/:id/verify', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '核查整改情况：通过办结或退回重新整改', params: Id, body: OrderVerifyBody, response: responses(Order) }, handler: async (req) => svc.verify(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post('/api/v1/enforcement/orders/:id/extend', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '批准延期整改（期限台账按延长记录）', params: Id, body: OrderExtendBody, response: responses(Order) }, handler: async (req) => svc.extend(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get('/api/v1/enforcement/orders/:id/document.docx', {
      config: { permission: ORDER_READ },
      schema: { tags: TAG, summary: '下载督办单（.docx，GB/T 9704）', params: Id, produces: [DOCX_MIME], response: responses(z.unknown().describe('Word 文档（.docx，二进制）')) },
      handler: async (req, reply) => sendDocx(reply, await svc.orderDocx(actorOf(req), req.params.id, meta(req))),
    });

    r.get('/api/v1/enforcement/opinions', { config: { permission: ORDER_READ }, schema: { tags: TAG, summary: '执法监督意见书列表（含所涉督办单编号；执法单位联络员仅见本单位）', querystring: OpinionListQuery, response: responses(OpinionList) }, handler: async (req) => svc.listOpinions(actorOf(req), req.query) });
    r.post('/api/v1/enforcement/opinions', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '制发执法监督意见书（情节严重的督办事项）', body: OpinionIssueBody, response: responses(Opinion) }, handler: async (req) => svc.issueOpinion(actorOf(req), req.body, meta(req)) });
    r.get('/api/v1/enforcement/opinions/:id/document.docx', {
      config: { permission: ORDER_READ },
      schema: { tags: TAG, summary: '下载执法监督意见书（.docx，GB/T 9704）', params: Id, produces: [DOCX_MIME], response: responses(z.unknown().describe('Word 文档（.docx，二进制）')) },
      handler: async (req, reply) => sendDocx(reply, await svc.opinionDocx(actorOf(req), req.params.id, meta(req))),
    });

    r.get('/api/v1/enforcement/rectification-rate', { config: { permission: READ }, schema: { tags: TAG, summary: '整改率（口径见 definition）', querystring: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }), response: responses(RectificationRate) }, handler: async (req) => svc.rectificationRate(req.query.asOf, actorOf(req)) });

    r.get('/api/v1/enforcement/liaisons', { config: { permission: READ }, schema: { tags: TAG, summary: '执法单位联络员', response: responses(LiaisonList) }, handler: async (req) => ({ data: await svc.liaisons(actorOf(req)) }) });
    r.get('/api/v1/enforcement/liaisons/candidates', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '可登记为执法单位联络员的账户（在用、具有报送整改报告权限）及其已登记的执法主体', response: responses(LiaisonCandidateList) }, handler: async (req) => ({ data: await svc.liaisonCandidates(actorOf(req)) }) });
    r.post('/api/v1/enforcement/liaisons', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记执法单位联络员', body: LiaisonBody, response: responses(Ok) }, handler: async (req) => (await svc.addLiaison(actorOf(req), req.body.userId, req.body.agencyCode, meta(req)), { ok: true as const }) });
    r.post('/api/v1/enforcement/liaisons/remove', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '撤销执法单位联络员', body: LiaisonBody, response: responses(Ok) }, handler: async (req) => (await svc.removeLiaison(actorOf(req), req.body.userId, req.body.agencyCode, meta(req)), { ok: true as const }) });
  };
}
