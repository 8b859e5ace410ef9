import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentSuggestionQuery,
  AssignmentSuggestions,
  BulkActionBody,
  BulkActionResult,
  BulkAssignBody,
  BulkAssignResult,
  OkSchema,
  ReasoningTemplate,
  ReasoningTemplateBody,
  ReasoningTemplateQuery,
  ReasoningTemplateUpdateBody,
  ReconSearchQuery,
  ReconSearchResult,
  ReconSimilarQuery,
  SavedView,
  SavedViewBody,
} from '../../../common/contracts';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { ProductivityService } from './productivity.service';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const TAG = ['行政复议·办案效率'];
const BASE = '/api/v1/reconsideration';
const READ: Permission = 'reconsideration.case.read';

/** Handler productivity: search, assignment suggestions and bulk assignment, bulk actions, saved views, templates. */
export function productivityRoutes(deps: { productivity: ProductivityService }) {
  const svc = deps.productivity;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(`${BASE}/search`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '类案检索：中文分词、BM25 排序，返回命中词与决定类型（按数据权限）', querystring: ReconSearchQuery, response: responses(ReconSearchResult) },
      handler: async (req) => svc.searchCases(actorOf(req), req.query.q, req.query.limit),
    });
    r.get(`${BASE}/cases/:id/similar`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '与本案相似的案件（以本案最具区分度的词检索，按数据权限）', params: IdParams, querystring: ReconSimilarQuery, response: responses(ReconSearchResult) },
      handler: async (req) => svc.similar(actorOf(req), req.params.id, req.query.limit),
    });

    r.get(`${BASE}/assignment-suggestions`, {
      config: { permission: [READ, 'reconsideration.case.assign'] },
      schema: { tags: TAG, summary: '分配建议：本部门承办人按在办案件（按阶段加权）和临近期限排序', querystring: AssignmentSuggestionQuery, response: responses(AssignmentSuggestions) },
      handler: async (req) => svc.suggestions(actorOf(req), req.query.caseId),
    });
    r.post(`${BASE}/cases/bulk-assign`, {
      config: { permission: [READ, 'reconsideration.case.assign'] },
      schema: { tags: TAG, summary: '批量分配：按负荷轮流分配，一个事务内全部成功或全部不分配，逐件留痕', body: BulkAssignBody, response: responses(BulkAssignResult) },
      handler: async (req) => svc.bulkAssign(actorOf(req), req.body, meta(req)),
    });
    r.post(`${BASE}/cases/bulk`, {
      config: { permission: [READ, 'reconsideration.case.handle'] },
      schema: { tags: TAG, summary: '批量办理同类案件：逐件执行同一操作（各自一个事务），逐件返回结果', body: BulkActionBody, response: responses(BulkActionResult) },
      handler: async (req) => svc.bulkAction(actorOf(req), req.body, meta(req)),
    });

    r.get(`${BASE}/views`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '我的常用视图（案件台账筛选条件）', response: responses(z.object({ data: z.array(SavedView) })) },
      handler: async (req) => svc.listViews(actorOf(req)),
    });
    r.post(`${BASE}/views`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '保存常用视图', body: SavedViewBody, response: responses(SavedView) },
      handler: async (req) => svc.createView(actorOf(req), req.body, meta(req)),
    });
    r.delete(`${BASE}/views/:id`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '删除我的常用视图', params: IdParams, response: responses(OkSchema) },
      handler: async (req) => svc.deleteView(actorOf(req), req.params.id, meta(req)),
    });

    const manage: Permission[] = [READ, 'reconsideration.template.manage'];
    r.get(`${BASE}/reasoning-templates`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '说理段落模板（内置及本部门共享）', querystring: ReasoningTemplateQuery, response: responses(z.object({ data: z.array(ReasoningTemplate) })) },
      handler: async (req) => svc.listTemplates(actorOf(req), req.query),
    });
    r.post(`${BASE}/reasoning-templates`, {
      config: { permission: manage },
      schema: { tags: TAG, summary: '新增本部门说理段落模板', body: ReasoningTemplateBody, response: responses(ReasoningTemplate) },
      handler: async (req) => svc.createTemplate(actorOf(req), req.body, meta(req)),
    });
    r.put(`${BASE}/reasoning-templates/:id`, {
      config: { permission: manage },
      schema: { tags: TAG, summary: '修改本部门说理段落模板（内置模板只读）', params: IdParams, body: ReasoningTemplateUpdateBody, response: responses(ReasoningTemplate) },
      handler: async (req) => svc.updateTemplate(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.delete(`${BASE}/reasoning-templates/:id`, {
      config: { permission: manage },
      schema: { tags: TAG, summary: '删除本部门说理段落模板', params: IdParams, response: responses(OkSchema) },
      handler: async (req) => svc.deleteTemplate(actorOf(req), req.params.id, meta(req)),
    });
  };
}
