import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnalyzeBody, AnalyzeResponse, FindingType, LawArticle, LawArticleQuery, LawImportBody, LawImportResponse, LawSearchQuery, LawSearchResponse, RuleAcceptanceResponse } from '../../../../common/contracts/legality-review-engine';
import type { Permission } from '../../../../common/permissions';
import { actorOf, meta } from '../../../http/auth';
import { responses } from '../../../http/schemas';
import type { LegalityEngineService } from './engine.service';

const TAG = ['合法性审查引擎'];
const BASE = '/api/v1/legality-review';
const ANALYZE: Permission = 'legalityReview.analyze';
const LAW_MANAGE: Permission[] = ['legalityReview.analyze', 'legalityReview.law.manage'];

const RuleList = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), types: z.array(FindingType), basis: z.array(z.object({ instrument: z.string(), article: z.string(), note: z.string().optional() })) })),
  llmEnabled: z.boolean(),
  /** numbers the rules use; unverified = configurable local practice, shown as such */
  limits: z.array(z.object({ key: z.string(), label: z.string(), value: z.number(), basis: z.string(), unverified: z.boolean(), env: z.string().optional() })),
});

/** The review engine: analyze a text, the law corpus (import, article lookup, BM25 search), rules and their acceptance. */
export function legalityEngineRoutes(deps: { engine: LegalityEngineService }) {
  const svc = deps.engine;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(`${BASE}/analyze`, {
      config: { permission: ANALYZE },
      schema: {
        tags: TAG,
        summary: '智能审查：逐条对照规则库（行政许可法第十七条、行政处罚法第十六条、行政强制法第十条、立法法第九十一条和第九十三条、公平竞争审查条例第八条至第十一条等），返回问题条款及所引条文',
        body: AnalyzeBody,
        response: responses(AnalyzeResponse),
      },
      handler: async (req) => svc.analyze(actorOf(req), req.body),
    });
    r.get(`${BASE}/rules`, {
      config: { permission: ANALYZE },
      schema: { tags: TAG, summary: '审查规则库（每条规则所引上位法条款）', response: responses(RuleList) },
      handler: async () => ({ items: svc.rules() as z.infer<typeof RuleList>['items'], llmEnabled: svc.llmEnabled, limits: svc.limits() }),
    });
    r.get(`${BASE}/rules/acceptance`, {
      config: { permission: ANALYZE },
      schema: { tags: TAG, summary: '各规则审查发现的采纳率（审查人员采纳、不采纳记录）', response: responses(RuleAcceptanceResponse) },
      handler: async () => ({ items: await svc.acceptance() }),
    });
    r.get(`${BASE}/law/article`, {
      config: { permission: ANALYZE },
      schema: { tags: TAG, summary: '查询法规条文（法规库中该法律法规的最新版本）', querystring: LawArticleQuery, response: responses(LawArticle) },
      handler: async (req) => svc.article(req.query.instrument, req.query.article),
    });
    r.get(`${BASE}/law/search`, {
      config: { permission: ANALYZE },
      schema: { tags: TAG, summary: '法规条文检索（jieba 分词 + BM25）', querystring: LawSearchQuery, response: responses(LawSearchResponse) },
      handler: async (req) => ({ items: await svc.search(req.query.q, req.query.limit) }),
    });
    r.post(`${BASE}/law/import`, {
      config: { permission: LAW_MANAGE },
      bodyLimit: 20 * 1024 * 1024,
      schema: { tags: TAG, summary: '导入法规库（每部法律法规一个 Markdown 文件，条文以“第X条”开头）；逐个报告未导入的文件及原因', body: LawImportBody, response: responses(LawImportResponse) },
      handler: async (req) => svc.importLaw(actorOf(req), req.body.files, meta(req)),
    });
  };
}
