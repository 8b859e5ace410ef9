/**
 * 行政复议 on the public portal (no login, rate-limited) and the staff download of attachments.
 * The multipart parser is registered once in app.ts with the limits of PORTAL_UPLOAD_LIMITS.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
// Type-only: brings the request's isMultipart() and parts() (the plugin is registered in app.ts).
import type {} from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PORTAL_UPLOAD_LIMITS, PortalApplicationResult, PortalProgress, PortalProgressBody, ReconAddressReveal, ReconCaseAttachments } from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { PortalService, UploadedFile } from './portal.service';

const TAG = ['行政复议 · 公共服务'];
const PORTAL = '/api/v1/portal/reconsideration';
const IdParams = z.object({ id: z.string().min(1).max(64) });
const AttParams = z.object({ attId: z.string().min(1).max(64) });
const DocParams = z.object({ docId: z.string().min(1).max(64) });
/** Binary download: written as a Buffer, never serialised. */
const Binary = z.unknown().describe('application/octet-stream');

/** A file goes back only as an opaque download: never rendered or sniffed by the browser. */
function sendFile(reply: FastifyReply, name: string, data: Buffer, type = 'application/octet-stream') {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(data);
}

export function portalRoutes(deps: { portal: PortalService; publicRateLimit: { max: number; timeWindow: string } }) {
  const svc = deps.portal;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(`${PORTAL}/applications`, {
      config: { public: true, rateLimit: deps.publicRateLimit },
      schema: {
        tags: TAG,
        summary: '网上申请行政复议（《行政复议法》第二十二条第二款）：multipart/form-data，字段 application 为申请书 JSON，字段 files 为材料（PDF/JPG/PNG/DOCX/OFD，单个 ≤10 MB，最多 5 个，合计 ≤20 MB）',
        consumes: ['multipart/form-data'],
        body: z.unknown().describe('multipart/form-data'),
        response: responses(PortalApplicationResult),
      },
      handler: async (req) => {
        if (!req.isMultipart()) throw new AppError('PORTAL_MULTIPART_REQUIRED');
        let application: string | null = null;
        const files: UploadedFile[] = [];
        let total = 0;
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              const chunks: Buffer[] = [];
              // Past the total limit the rest is read and dropped (the client gets the answer, not a reset).
              for await (const chunk of part.file as AsyncIterable<Buffer>) {
                total += chunk.length;
                if (total <= PORTAL_UPLOAD_LIMITS.totalBytes) chunks.push(chunk);
              }
              files.push({ filename: part.filename, data: Buffer.concat(chunks), truncated: part.file.truncated });
            } else if (part.fieldname === 'application') {
              if (part.valueTruncated) throw new AppError('PORTAL_APPLICATION_INVALID', { reason: 'tooLong', field: 'application' });
              application = typeof part.value === 'string' ? part.value : String(part.value);
            }
          }
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === 'FST_FILES_LIMIT') throw new AppError('PORTAL_TOO_MANY_FILES', { max: PORTAL_UPLOAD_LIMITS.files });
          if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_PROTO_VIOLATION') throw new AppError('PORTAL_APPLICATION_INVALID', { reason: 'tooManyParts' });
          throw e;
        }
        if (total > PORTAL_UPLOAD_LIMITS.totalBytes) throw new AppError('PORTAL_UPLOAD_TOO_LARGE', { maxBytes: PORTAL_UPLOAD_LIMITS.totalBytes });
        return svc.submit({ application, files }, meta(req));
      },
    });

    r.post(`${PORTAL}/progress`, {
      config: { public: true, rateLimit: deps.publicRateLimit },
      schema: { tags: TAG, summary: '办理进度查询：回执编号 + 查询码（POST，查询码不出现在网址和日志中）', body: PortalProgressBody, response: responses(PortalProgress) },
      handler: async (req) => svc.progress(req.body, meta(req)),
    });

    r.post(`${PORTAL}/documents/:docId/docx`, {
      config: { public: true, rateLimit: deps.publicRateLimit },
      schema: { tags: TAG, summary: '下载网上送达的法律文书（.docx）：回执编号 + 查询码', params: DocParams, body: PortalProgressBody, response: responses(Binary) },
      handler: async (req, reply) => {
        const doc = await svc.servedDocument(req.body, req.params.docId, meta(req));
        return sendFile(reply, doc.filename, doc.data);
      },
    });

    r.get('/api/v1/reconsideration/cases/:id/attachments', {
      config: { permission: 'reconsideration.case.read' },
      schema: { tags: ['行政复议'], summary: '案件材料（互联网申请的附件）及网上申请信息', params: IdParams, response: responses(ReconCaseAttachments) },
      handler: async (req) => svc.attachments(actorOf(req), req.params.id),
    });

    r.post('/api/v1/reconsideration/cases/:id/online-address/reveal', {
      config: { permission: ['reconsideration.case.read', 'personal.viewFull'] },
      schema: { tags: ['行政复议'], summary: '查看网上申请填写的完整住所（送达地址，留痕）', params: IdParams, response: responses(ReconAddressReveal) },
      handler: async (req) => svc.revealAddress(actorOf(req), req.params.id, meta(req)),
    });

    r.get('/api/v1/reconsideration/attachments/:attId', {
      config: { permission: 'reconsideration.case.read' },
      schema: { tags: ['行政复议'], summary: '下载案件材料（仅以附件方式下载，不在浏览器中打开）', params: AttParams, response: responses(Binary) },
      handler: async (req, reply) => {
        const f = await svc.download(actorOf(req), req.params.attId, meta(req));
        return sendFile(reply, f.name, f.data);
      },
    });
  };
}
