import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppealBody, DefenceBody, HearingBody, LitigationCreateBody, LitigationDetail, LitigationListQuery, LitigationStatsSchema, LitigationSummary, OutcomeBody, PeriodQuery, listOf } from '../../../common/contracts';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { LitigationService } from './litigation.service';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const HearingParams = IdParams.extend({ hearingId: z.string().min(1).max(64) });
const TAG = ['行政应诉'];
const BASE = '/api/v1/litigation/cases';
const READ: Permission = 'litigation.case.read';
const MANAGE: Permission[] = ['litigation.case.read', 'litigation.case.manage'];

/** 行政应诉 cases; every change is a POST sub-resource of the case. */
export function litigationRoutes(deps: { litigation: LitigationService }) {
  const svc = deps.litigation;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(BASE, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '行政应诉案件台账（按数据权限）', querystring: LitigationListQuery, response: responses(listOf(LitigationSummary)) },
      handler: async (req) => svc.list(actorOf(req), req.query),
    });
    r.get('/api/v1/litigation/stats', {
      config: { permission: READ },
      schema: { tags: TAG, summary: '行政应诉统计：案件数、负责人出庭应诉率、败诉率', querystring: PeriodQuery, response: responses(LitigationStatsSchema) },
      handler: async (req) => svc.stats(actorOf(req), req.query),
    });
    r.get(`${BASE}/:id`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '案件详情：答辩期限及计算说明、开庭与负责人出庭情况、裁判结果、上诉', params: IdParams, response: responses(LitigationDetail) },
      handler: async (req) => svc.get(actorOf(req), req.params.id),
    });
    r.post(BASE, {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '登记行政应诉案件，计算答辩期限（《中华人民共和国行政诉讼法》第六十七条第一款）', body: LitigationCreateBody, response: responses(LitigationDetail) },
      handler: async (req) => svc.create(actorOf(req), req.body, meta(req)),
    });
    r.post(`${BASE}/:id/defence`, {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '登记提交答辩状和证据、依据（第六十七条第一款）', params: IdParams, body: DefenceBody, response: responses(LitigationDetail) },
      handler: async (req) => svc.submitDefence(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.post(`${BASE}/:id/hearings`, {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '登记开庭及负责人出庭应诉情况（第三条第三款）', params: IdParams, body: HearingBody, response: responses(LitigationDetail) },
      handler: async (req) => svc.addHearing(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.put(`${BASE}/:id/hearings/:hearingId`, {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '修改开庭记录（开庭后登记出庭人员）', params: HearingParams, body: HearingBody, response: responses(LitigationDetail) },
      handler: async (req) => svc.updateHearing(actorOf(req), req.params.id, req.params.hearingId, req.body, meta(req)),
    });
    r.post(`${BASE}/:id/outcome`, {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '登记一审裁判结果或撤诉（第六十二条、第六十九条至第七十八条）；可上诉的判决、裁定须填写送达日期，上诉期限（第八十五条）列入期限台账', params: IdParams, body: OutcomeBody, response: responses(LitigationDetail) },
      handler: async (req) => svc.recordOutcome(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.post(`${BASE}/:id/appeal`, {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '登记上诉及二审结果（第八十五条）', params: IdParams, body: AppealBody, response: responses(LitigationDetail) },
      handler: async (req) => svc.recordAppeal(actorOf(req), req.params.id, req.body, meta(req)),
    });
  };
}
