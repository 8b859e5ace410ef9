import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PeriodQuery, ReconStatsSchema } from '../../../common/contracts';
import { actorOf } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { StatsService } from './stats.service';

const TAG = ['行政复议统计'];
const BASE = '/api/v1/reconsideration/stats';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Statistics of a period within the caller's data scope, and the same figures as an Excel workbook. */
export function statsRoutes(deps: { stats: StatsService }) {
  const svc = deps.stats;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(BASE, {
      config: { permission: 'reconsideration.stats.read' },
      schema: { tags: TAG, summary: '收案、受理、审结、调解、撤回，按渠道、被申请人、事项类型、决定类型；纠错率、按期审结率、平均审理天数、前端化解率', querystring: PeriodQuery, response: responses(ReconStatsSchema) },
      handler: async (req) => svc.stats(actorOf(req), req.query),
    });
    r.get(`${BASE}/export.xlsx`, {
      config: { permission: 'reconsideration.stats.read' },
      schema: {
        tags: TAG,
        summary: '导出统计表（Excel，每个维度一个工作表）',
        querystring: PeriodQuery,
        produces: [XLSX],
        // binary body: Fastify sends a Buffer as is, the serializer never sees it
        response: responses(z.any().describe('Excel 工作簿（.xlsx，二进制）')),
      },
      handler: async (req, reply) => {
        const buf = await svc.workbook(actorOf(req), req.query);
        const name = encodeURIComponent(`行政复议统计_${req.query.from}_${req.query.to}.xlsx`);
        return reply.type(XLSX).header('content-disposition', `attachment; filename="reconsideration-stats.xlsx"; filename*=UTF-8''${name}`).header('cache-control', 'no-store').send(buf);
      },
    });
  };
}
