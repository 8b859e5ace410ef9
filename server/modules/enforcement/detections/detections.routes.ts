import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DetectionList, DetectionListQuery, DetectionParamsBody, DetectionRuleId, DetectionRuleView, DetectionSimulateBody, DetectionSimulation } from '../../../../common/contracts/enforcement';
import type { Permission } from '../../../../common/permissions';
import { actorOf, meta } from '../../../http/auth';
import { responses } from '../../../http/schemas';
import type { DetectionService } from './detections.service';

const TAG = ['行政执法监督'];
const READ: Permission = 'enforcement.detection.read';
const CONFIGURE: Permission[] = ['enforcement.detection.read', 'enforcement.detection.configure'];
const RuleParams = z.object({ rule: DetectionRuleId });

/**
 * Detections of problem inspections. Data scope (../scope.ts), enforced in the service's queries: the district's
 * supervision body sees every flag, a 司法所 the flags about firms of its street, an agency liaison the flags naming
 * their agency; rule settings and simulation need the district scope.
 */
export function detectionRoutes(deps: { detections: DetectionService }) {
  const svc = deps.detections;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/v1/enforcement/detections', {
      config: { permission: READ },
      schema: {
        tags: TAG,
        summary: '检测结果：重复检查、多头检查、随意检查、低效检查、超频次、无有效执法证、处罚超期、裁量畸轻畸重；每条附证据记录及法律依据',
        querystring: DetectionListQuery,
        response: responses(DetectionList),
      },
      handler: async (req) => svc.list(actorOf(req), req.query),
    });
    r.get('/api/v1/enforcement/detection-rules', {
      config: { permission: READ },
      schema: { tags: TAG, summary: '检测规则：说明、法律依据、默认参数与当前参数', response: responses(z.object({ data: z.array(DetectionRuleView) })) },
      handler: async () => ({ data: await svc.rules() }),
    });
    r.put('/api/v1/enforcement/detection-rules/:rule', {
      config: { permission: CONFIGURE },
      schema: { tags: TAG, summary: '修改检测规则参数（留痕；version 为当前版本号，防止覆盖他人修改）', params: RuleParams, body: DetectionParamsBody, response: responses(DetectionRuleView) },
      handler: async (req) => svc.updateParams(actorOf(req), req.params.rule, req.body.params, req.body.version, meta(req)),
    });
    r.post('/api/v1/enforcement/detection-rules/:rule/simulate', {
      config: { permission: CONFIGURE },
      schema: { tags: TAG, summary: '模拟：按拟调整的参数重放期间数据，比较预警数量（不保存）', params: RuleParams, body: DetectionSimulateBody, response: responses(DetectionSimulation) },
      handler: async (req) => svc.simulate(actorOf(req), req.params.rule, req.body.params, { from: req.body.from, to: req.body.to }),
    });
  };
}
