import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Analysis, AnalysisQuery, Dashboard, Evidence, EvidenceQuery, FirmFile, FirmSearch, FirmSearchQuery } from '../../../common/contracts/enforcement-supervision';
import type { Permission } from '../../../common/permissions';
import { actorOf } from '../../http/auth';
import { responses } from '../../http/schemas';
import { contentDisposition } from '../../platform/documents';
import type { AnalysisService } from './analysis.service';

const TAG = ['行政执法监督分析'];
const READ: Permission = 'enforcement.analysis.read';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/**
 * Analysis and dashboard under enforcement.analysis.read, within the viewer's enforcement data scope (scope.ts: the
 * district, a 司法所's street, a liaison's agency), applied in every query of the service, the Excel export included.
 */
export function analysisRoutes(deps: { analysis: AnalysisService }) {
  const svc = deps.analysis;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/v1/enforcement/analysis', { config: { permission: READ }, schema: { tags: TAG, summary: '按月份、领域、执法主体、检查类型、街道统计；企业检查负担', querystring: AnalysisQuery, response: responses(Analysis) }, handler: async (req) => svc.analyse(actorOf(req), req.query) });
    r.get('/api/v1/enforcement/analysis/export.xlsx', {
      config: { permission: READ },
      schema: { tags: TAG, summary: '导出 Excel（与页面相同的筛选条件）', querystring: AnalysisQuery, produces: [XLSX_MIME], response: responses(z.unknown().describe('Excel 工作簿（.xlsx，二进制）')) },
      handler: async (req, reply) => {
        const data = await svc.exportXlsx(actorOf(req), req.query);
        return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(`执法监督分析（${req.query.from}至${req.query.to}）.xlsx`)).header('cache-control', 'no-store').send(data);
      },
    });
    r.get('/api/v1/enforcement/dashboard', { config: { permission: READ }, schema: { tags: TAG, summary: '驾驶舱：各规则预警数、整改率、线索与督办单、检查趋势', querystring: z.object({ from: Day, to: Day }), response: responses(Dashboard) }, handler: async (req) => svc.dashboard(req.query, actorOf(req)) });
    r.get('/api/v1/enforcement/evidence', {
      config: { permission: 'enforcement.detection.read' },
      schema: { tags: TAG, summary: '预警的证据记录（行政检查、行政处罚），编号以逗号分隔', querystring: EvidenceQuery, response: responses(Evidence) },
      handler: async (req) => svc.evidence(actorOf(req), req.query.inspectionIds.split(',').filter(Boolean), req.query.penaltyIds.split(',').filter(Boolean)),
    });
    r.get('/api/v1/enforcement/firms', { config: { permission: READ }, schema: { tags: TAG, summary: '按名称或统一社会信用代码查找企业', querystring: FirmSearchQuery, response: responses(FirmSearch) }, handler: async (req) => svc.searchFirms(actorOf(req), req.query.q) });
    r.get('/api/v1/enforcement/firms/:creditCode', { config: { permission: READ }, schema: { tags: TAG, summary: '一企一档：检查、处罚、投诉、预警、线索', params: z.object({ creditCode: z.string().min(1).max(18) }), response: responses(FirmFile) }, handler: async (req) => svc.firmFile(actorOf(req), req.params.creditCode) });
  };
}
