import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DeadlineDetail, DeadlineListQuery, DeadlineSchema, listOf } from '../../../common/contracts';
import { actorOf } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { DeadlineService } from './deadlines.service';

export function deadlineRoutes(deps: { deadlines: DeadlineService }) {
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/v1/deadlines', {
      config: { permission: 'deadline.read' },
      schema: { tags: ['期限'], summary: '期限待办（按数据权限过滤，按届满日排序）', querystring: DeadlineListQuery, response: responses(listOf(DeadlineSchema)) },
      handler: async (req) => deps.deadlines.list(actorOf(req), req.query),
    });
    r.get('/api/v1/deadlines/:id', {
      config: { permission: 'deadline.read' },
      schema: { tags: ['期限'], summary: '期限详情与逐步计算说明', params: z.object({ id: z.string().min(1).max(64) }), response: responses(DeadlineDetail) },
      handler: async (req) => deps.deadlines.get(actorOf(req), req.params.id),
    });
  };
}
