import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConsultationBody, ConsultationListQuery, ConsultationSchema, ConsultationUpdateBody, OkSchema, PeriodQuery, SettlementSummarySchema, listOf } from '../../../common/contracts';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { ConsultationService } from './consultation.service';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const TAG = ['行政复议咨询接待'];
const BASE = '/api/v1/reconsideration/consultations';

/** 咨询接待 log: CRUD within the data scope, and the front-end settlement rate of a period. */
export function consultationRoutes(deps: { consultations: ConsultationService }) {
  const svc = deps.consultations;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(BASE, {
      config: { permission: 'reconsideration.consultation.read' },
      schema: { tags: TAG, summary: '咨询接待台账（按数据权限）', querystring: ConsultationListQuery, response: responses(listOf(ConsultationSchema)) },
      handler: async (req) => svc.list(actorOf(req), req.query),
    });
    r.get(`${BASE}/settlement`, {
      config: { permission: 'reconsideration.consultation.read' },
      schema: { tags: TAG, summary: '统计期间的前端化解率：（释法说理 + 协调化解）÷（释法说理 + 协调化解 + 转为申请）', querystring: PeriodQuery, response: responses(SettlementSummarySchema) },
      handler: async (req) => svc.settlement(actorOf(req), req.query),
    });
    r.get(`${BASE}/:id`, {
      config: { permission: 'reconsideration.consultation.read' },
      schema: { tags: TAG, summary: '咨询接待记录', params: IdParams, response: responses(ConsultationSchema) },
      handler: async (req) => svc.get(actorOf(req), req.params.id),
    });
    r.post(BASE, {
      config: { permission: ['reconsideration.consultation.read', 'reconsideration.consultation.manage'] },
      schema: { tags: TAG, summary: '登记咨询接待（身份证号、手机号存入当事人库加密保存）', body: ConsultationBody, response: responses(ConsultationSchema) },
      handler: async (req) => svc.create(actorOf(req), req.body, meta(req)),
    });
    r.put(`${BASE}/:id`, {
      config: { permission: ['reconsideration.consultation.read', 'reconsideration.consultation.manage'] },
      schema: { tags: TAG, summary: '修改咨询接待记录（含接待结果、转为申请后关联的案件）', params: IdParams, body: ConsultationUpdateBody, response: responses(ConsultationSchema) },
      handler: async (req) => svc.update(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.delete(`${BASE}/:id`, {
      config: { permission: ['reconsideration.consultation.read', 'reconsideration.consultation.manage'] },
      schema: { tags: TAG, summary: '删除咨询接待记录（留痕）', params: IdParams, response: responses(OkSchema) },
      handler: async (req) => {
        await svc.remove(actorOf(req), req.params.id, meta(req));
        return { ok: true as const };
      },
    });
  };
}
