import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_MIME, ReconDocumentCreateBody, ReconDocumentDetail, ReconDocumentList, ReconDocumentServiceBody, ReconDocumentUpdateBody, ReconDocumentVoidBody } from '../../../../common/contracts';
import type { Permission } from '../../../../common/permissions';
import { actorOf, meta } from '../../../http/auth';
import { responses } from '../../../http/schemas';
import { contentDisposition } from '../../../platform/documents';
import type { DocumentsService } from './documents.service';

const TAG = ['行政复议文书'];
const CaseParams = z.object({ id: z.string().min(1).max(64) });
const DocParams = z.object({ docId: z.string().min(1).max(64) });
/** Issuing takes no input: the number and the date come from the server. */
const IssueBody = z.object({}).strict().nullish();
const READ: Permission = 'reconsideration.case.read';
const HANDLE: Permission[] = ['reconsideration.case.read', 'reconsideration.case.handle'];

/** The documents of a case: drafting, editing, issue with a number, service (送达), .docx download (GB/T 9704). */
export function reconDocumentRoutes(deps: { documents: DocumentsService }) {
  const svc = deps.documents;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/reconsideration/cases/:id/documents', {
      config: { permission: READ },
      schema: { tags: TAG, summary: '案件的法律文书（草稿、已印发）及送达记录', params: CaseParams, response: responses(ReconDocumentList) },
      handler: async (req) => svc.list(actorOf(req), req.params.id),
    });
    r.post('/api/v1/reconsideration/cases/:id/documents', {
      config: { permission: HANDLE },
      schema: { tags: TAG, summary: '按案件事实生成文书草稿（受理通知书、补正通知书、决定书等）', params: CaseParams, body: ReconDocumentCreateBody, response: responses(ReconDocumentDetail) },
      handler: async (req) => svc.create(actorOf(req), req.params.id, req.body.kind, meta(req)),
    });
    r.get('/api/v1/reconsideration/documents/:docId', {
      config: { permission: READ },
      schema: { tags: TAG, summary: '文书详情（正文段落）', params: DocParams, response: responses(ReconDocumentDetail) },
      handler: async (req) => svc.get(actorOf(req), req.params.docId),
    });
    r.put('/api/v1/reconsideration/documents/:docId', {
      config: { permission: HANDLE },
      schema: { tags: TAG, summary: '修改文书草稿（标题、正文）；已印发的文书不能修改', params: DocParams, body: ReconDocumentUpdateBody, response: responses(ReconDocumentDetail) },
      handler: async (req) => svc.update(actorOf(req), req.params.docId, req.body, meta(req)),
    });
    r.post('/api/v1/reconsideration/documents/:docId/issue', {
      config: { permission: HANDLE },
      schema: { tags: TAG, summary: '印发：编发文字号（按年度连续编号）并定稿', params: DocParams, body: IssueBody, response: responses(ReconDocumentDetail) },
      handler: async (req) => svc.issue(actorOf(req), req.params.docId, meta(req)),
    });
    r.post('/api/v1/reconsideration/documents/:docId/services', {
      config: { permission: HANDLE },
      schema: { tags: TAG, summary: '登记送达（直接、邮寄、电子、公告、留置；《行政复议法》第八十八条、《民事诉讼法》第八十八条至第九十五条）', params: DocParams, body: ReconDocumentServiceBody, response: responses(ReconDocumentDetail) },
      handler: async (req) => svc.recordService(actorOf(req), req.params.docId, req.body, meta(req)),
    });
    r.post('/api/v1/reconsideration/documents/:docId/void', {
      config: { permission: HANDLE },
      schema: { tags: TAG, summary: '作废文书（草稿，或者已印发但尚未送达的文书；须填写理由，文号不再使用）', params: DocParams, body: ReconDocumentVoidBody, response: responses(ReconDocumentDetail) },
      handler: async (req) => svc.voidDocument(actorOf(req), req.params.docId, req.body, meta(req)),
    });
    r.get('/api/v1/reconsideration/documents/:docId/docx', {
      config: { permission: READ },
      schema: {
        tags: TAG,
        summary: '下载文书（.docx，GB/T 9704 公文格式；草稿在页眉标注“草稿”）',
        params: DocParams,
        produces: [DOCX_MIME],
        // binary body: Fastify sends a Buffer as is, the serializer never sees it
        response: responses(z.unknown().describe('Word 文档（.docx，二进制）')),
      },
      handler: async (req, reply) => {
        const file = await svc.download(actorOf(req), req.params.docId, meta(req));
        return reply
          .header('content-type', DOCX_MIME)
          .header('content-disposition', contentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(file.data);
      },
    });
  };
}
