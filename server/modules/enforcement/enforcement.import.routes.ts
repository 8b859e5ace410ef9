import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EnforcementImportJob, EnforcementImportMode, EnforcementImportResult } from '../../../common/contracts/enforcement';
import { AppError } from '../../../common/errors';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import { contentDisposition } from '../../platform/documents';
import type { ImportKind, ImportService } from './enforcement.import.service';

const TAG = ['行政执法监督'];
const IMPORT: Permission[] = ['enforcement.inspection.read', 'enforcement.inspection.import'];
const READ: Permission = 'enforcement.inspection.read';
/** Upload limit through the browser; larger files go through the command-line importer. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;
const JobParams = z.object({ id: z.string().min(1).max(64) });
const ReportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
const JOB_ID_RE = /^[\w-]{8,64}$/;

/**
 * Reads the multipart upload: one file part (streamed to a temporary file, size-checked — never executed or kept),
 * optional fields `mode` (all | valid-only) and `jobId` (client-chosen id to poll progress while the upload runs).
 */
async function receiveUpload(req: FastifyRequest, tmpDir: string): Promise<{ file: string; fileName: string; mode: EnforcementImportMode; jobId?: string }> {
  if (!req.isMultipart()) throw new AppError('ENFORCEMENT_IMPORT_FILE_REQUIRED');
  mkdirSync(tmpDir, { recursive: true });
  let file: string | null = null;
  let fileName = '';
  let mode: EnforcementImportMode = 'all';
  let jobId: string | undefined;
  let truncated = false;
  try {
    for await (const part of req.parts({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, parts: 6 } })) {
      if (part.type === 'file') {
        if (file) {
          part.file.resume();
          continue;
        }
        fileName = part.filename || 'upload';
        if (!/\.(csv|xlsx)$/i.test(fileName)) {
          part.file.resume();
          throw new AppError('ENFORCEMENT_IMPORT_FILE_TYPE');
        }
        file = path.join(tmpDir, `${randomUUID()}${path.extname(fileName).toLowerCase()}`);
        await pipeline(part.file, createWriteStream(file, { mode: 0o600 }));
        truncated = part.file.truncated;
      } else if (part.fieldname === 'mode') {
        const m = EnforcementImportMode.safeParse(String(part.value));
        if (!m.success) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'mode', message: 'mode 应为 all 或 valid-only' }] });
        mode = m.data;
      } else if (part.fieldname === 'jobId') {
        const v = String(part.value);
        if (!JOB_ID_RE.test(v)) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'jobId', message: 'jobId 应为 8–64 位字母、数字或连字符' }] });
        jobId = v;
      }
    }
  } catch (e) {
    if (file) rmSync(file, { force: true });
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_PROTO_VIOLATION') throw new AppError('BAD_REQUEST');
    throw e;
  }
  if (!file) throw new AppError('ENFORCEMENT_IMPORT_FILE_REQUIRED');
  if (truncated) {
    rmSync(file, { force: true });
    throw new AppError('ENFORCEMENT_IMPORT_FILE_TOO_LARGE', { maxBytes: IMPORT_MAX_BYTES });
  }
  return { file, fileName, mode, ...(jobId ? { jobId } : {}) };
}

export function importRoutes(deps: { imports: ImportService; tmpDir: string }) {
  const svc = deps.imports;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const importRoute = (kind: ImportKind, url: string, summary: string) =>
      r.post(url, {
        config: { permission: IMPORT },
        schema: { tags: TAG, summary, consumes: ['multipart/form-data'], body: z.unknown().describe('multipart/form-data：file（CSV 或 XLSX），mode（all | valid-only），jobId（可选）'), response: responses(EnforcementImportResult) },
        handler: async (req) => {
          const up = await receiveUpload(req, deps.tmpDir);
          try {
            return await svc.importFile(actorOf(req), kind, up.file, { fileName: up.fileName, mode: up.mode, jobId: up.jobId }, meta(req));
          } finally {
            rmSync(up.file, { force: true });
          }
        },
      });
    importRoute('inspections', '/api/v1/enforcement/inspections/import', '导入行政检查记录（CSV/XLSX；按 inspection_id 幂等；默认有错误行则全部不导入，mode=valid-only 时导入有效行）');
    importRoute('complaints', '/api/v1/enforcement/complaints/import', '导入 12345 热线涉企执法投诉（CSV/XLSX；按 complaint_id 幂等，已存在的更新且保留办理状态和线索关联；默认有错误行则全部不导入，mode=valid-only 时导入有效行）');
    importRoute('penalties', '/api/v1/enforcement/penalties/import', '导入行政处罚案件（CSV/XLSX；按 penalty_id 幂等；默认有错误行则全部不导入，mode=valid-only 时导入有效行）');
    r.get('/api/v1/enforcement/imports/:id', {
      config: { permission: READ },
      schema: { tags: TAG, summary: '导入任务进度与结果', params: JobParams, response: responses(EnforcementImportJob) },
      handler: async (req) => svc.job(actorOf(req), req.params.id),
    });
    r.get('/api/v1/enforcement/imports/:id/errors', {
      config: { permission: READ },
      schema: { tags: TAG, summary: '下载导入错误报告（被拒绝的行：行号、错误代码、错误说明及原始内容）', params: JobParams, querystring: ReportQuery, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: responses(z.unknown().describe('CSV 或 XLSX 文件')) },
      handler: async (req, reply) => {
        const f = await svc.errorReport(actorOf(req), req.params.id, req.query.format);
        return reply.header('content-type', f.contentType).header('content-disposition', contentDisposition(f.filename, 'import-errors')).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(f.data);
      },
    });
  };
}
