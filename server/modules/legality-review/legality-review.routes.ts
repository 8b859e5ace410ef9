/**
 * 合法性审查 routes: the draft register and lifecycle (/api/v1/legality-review/drafts), comment management, contact
 * points, legal advisers and consultations, clean-up campaigns, and the public comment portal
 * (/api/v1/portal/legality-review). URL + permission + schemas; the service does the rest.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
// Type-only: brings the request's isMultipart() and parts() (the plugin is registered in app.ts).
import type {} from '@fastify/multipart';
import {
  IsoDate,
  LrAcceptBody,
  LrAdoptionStatementBody,
  LrAdviserBody,
  LrAdviserSchema,
  LrCleanupBody,
  LrCleanupItemBody,
  LrCleanupSchema,
  LrCollectiveBody,
  LrCommentDecisionBody,
  LrCommentPeriodBody,
  LrConsultAssignBody,
  LrConsultBody,
  LrConsultListQuery,
  LrConsultOpinionBody,
  LrConsultSchema,
  LrContactPointBody,
  LrContactPointSchema,
  LrDraftCreateBody,
  LrDraftDetail,
  LrDraftListQuery,
  LrDraftSummary,
  LrDraftTextBody,
  LrFileBody,
  LrFindingDecisionBody,
  LrInviteBody,
  LrMaterialKind,
  LrMaterialTextBody,
  LrOpinionBody,
  LrPostEvaluationBody,
  LrPublicCommentBody,
  LrPublicDraftDetail,
  LrPublicDraftSummary,
  LrPublishBody,
  LrRepresentativenessSchema,
  LrReturnBody,
  LrStaffCommentBody,
  LrWithdrawBody,
  listOf,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import { contentDisposition } from '../../platform/documents';
import type { LegalityReviewService } from './legality-review.service';
import { XLSX_MIME } from './registers.export';
import type { RegistersService } from './registers.service';

const BASE = '/api/v1/legality-review';
const PORTAL = '/api/v1/portal/legality-review';
const TAG = ['合法性审查'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const IdParams = z.object({ id: z.string().min(1).max(64) });
const SubParams = z.object({ id: z.string().min(1).max(64), sub: z.string().min(1).max(64) });
const Binary = z.unknown().describe('二进制文件');
const EndBody = z.object({ on: IsoDate, reason: z.string().trim().min(1).max(500) });
const MultipartBody = z.unknown().describe('multipart/form-data');
const ContactPointUpdateBody = LrContactPointBody.extend({ active: z.boolean() });
const AdviserUpdateBody = LrAdviserBody.extend({ active: z.boolean() });

const READ: Permission = 'legalityReview.draft.read';
const perm = (p: Permission) => ({ permission: [READ, p] as Permission[] });
/** Sends an Excel workbook as a download named after the register (no caching: the register changes). */
const xlsx = (reply: FastifyReply, name: string, ascii: string, bytes: Buffer) =>
  reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(`${name}.xlsx`, ascii)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(bytes);

/** Reads one file (and the `kind` field) of a multipart request; oversize files come back flagged as truncated. */
async function readUpload(req: FastifyRequest): Promise<{ name: string; bytes: Buffer; truncated: boolean; mime: string; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('LR_UPLOAD_REJECTED', { reason: 'MULTIPART_REQUIRED' });
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer; truncated: boolean; mime: string } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file as AsyncIterable<Buffer>) if (!file) chunks.push(chunk);
        if (!file) file = { name: part.filename, bytes: Buffer.concat(chunks), truncated: part.file.truncated, mime: part.mimetype };
      } else fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code?.startsWith('FST_')) throw new AppError('LR_UPLOAD_REJECTED', { reason: code });
    throw e;
  }
  if (!file) throw new AppError('LR_UPLOAD_REJECTED', { reason: 'NO_FILE' });
  return { ...file, fields };
}

export function legalityReviewRoutes(deps: { drafts: LegalityReviewService; registers: RegistersService; publicRateLimit: { max: number; timeWindow: string } }) {
  const svc = deps.drafts;
  const reg = deps.registers;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const D = `${BASE}/drafts`;

    // ── drafts ───────────────────────────────────────────────────────────────────────────────
    r.get(D, { config: { permission: READ }, schema: { tags: TAG, summary: '合法性审查登记台账（按数据权限；expiring=true 为180日内有效期届满的文件）', querystring: LrDraftListQuery, response: responses(listOf(LrDraftSummary)) }, handler: async (req) => svc.list(actorOf(req), req.query) });
    r.get(`${D}/export.xlsx`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '导出登记台账（Excel，筛选条件与页面一致）', querystring: LrDraftListQuery.omit({ page: true, pageSize: true }), produces: [XLSX_MIME], response: responses(z.any().describe('Excel 工作簿（.xlsx，二进制）')) },
      handler: async (req, reply) => xlsx(reply, '合法性审查登记台账', 'legality-register', await svc.exportWorkbook(actorOf(req), req.query)),
    });
    r.post(D, { config: perm('legalityReview.draft.submit'), schema: { tags: TAG, summary: '登记送审稿（起草单位）', body: LrDraftCreateBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.create(actorOf(req), req.body, meta(req)) });
    r.get(`${D}/:id`, { config: { permission: READ }, schema: { tags: TAG, summary: '送审稿详情：材料清单、审查时限、审查发现、意见、征求意见', params: IdParams, response: responses(LrDraftDetail) }, handler: async (req) => svc.get(actorOf(req), req.params.id) });
    r.put(`${D}/:id/text`, { config: perm('legalityReview.draft.submit'), schema: { tags: TAG, summary: '录入送审稿正文', params: IdParams, body: LrDraftTextBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.setText(actorOf(req), req.params.id, req.body.text, meta(req)) });
    r.post(`${D}/:id/docx`, {
      config: perm('legalityReview.draft.submit'),
      schema: { tags: TAG, summary: '上传送审稿 .docx（multipart/form-data，字段 file；≤10 MB，含宏的文档拒收），提取正文', params: IdParams, consumes: ['multipart/form-data'], body: MultipartBody, response: responses(LrDraftDetail) },
      handler: async (req) => svc.uploadDocx(actorOf(req), req.params.id, await readUpload(req), meta(req)),
    });
    r.post(`${D}/:id/materials`, {
      config: perm('legalityReview.draft.submit'),
      schema: { tags: TAG, summary: '提交送审材料文件（multipart/form-data：kind + file；PDF/DOCX/DOC/OFD/JPG/PNG/TXT，≤10 MB）', params: IdParams, consumes: ['multipart/form-data'], body: MultipartBody, response: responses(LrDraftDetail) },
      handler: async (req) => {
        const up = await readUpload(req);
        const kind = LrMaterialKind.safeParse(up.fields.kind);
        if (!kind.success) throw new AppError('VALIDATION_FAILED', { field: 'kind' });
        return svc.addMaterialFile(actorOf(req), req.params.id, kind.data, up, meta(req));
      },
    });
    r.post(`${D}/:id/materials/text`, { config: perm('legalityReview.draft.submit'), schema: { tags: TAG, summary: '以文字形式提交送审材料', params: IdParams, body: LrMaterialTextBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.addMaterialText(actorOf(req), req.params.id, req.body.kind, req.body.text, meta(req)) });
    r.get(`${D}/:id/materials/:sub`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '下载送审材料（作为附件下载，不在浏览器中打开）', params: SubParams, response: responses(Binary) },
      handler: async (req, reply) => {
        const f = await svc.materialFile(actorOf(req), req.params.id, req.params.sub);
        return reply.header('content-type', 'application/octet-stream').header('content-disposition', contentDisposition(f.name)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(f.bytes);
      },
    });
    r.post(`${D}/:id/return`, { config: perm('legalityReview.draft.review'), schema: { tags: TAG, summary: '退回补充材料（《重大行政决策程序暂行条例》第二十六条第一款）', params: IdParams, body: LrReturnBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.returnForMaterials(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/accept`, { config: perm('legalityReview.draft.review'), schema: { tags: TAG, summary: '受理审查：材料齐全，开始计算审查时限', params: IdParams, body: LrAcceptBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.accept(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/analyze`, { config: perm('legalityReview.draft.review'), schema: { tags: TAG, summary: '智能辅助审查：以审查引擎检查送审稿，生成审查发现', params: IdParams, body: z.object({}).strict(), response: responses(LrDraftDetail) }, handler: async (req) => svc.analyze(actorOf(req), req.params.id, meta(req)) });
    r.post(`${D}/:id/findings/:sub/decision`, { config: perm('legalityReview.draft.review'), schema: { tags: TAG, summary: '审查人员采纳或不采纳一项审查发现（须说明理由）', params: SubParams, body: LrFindingDecisionBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.decideFinding(actorOf(req), req.params.id, req.params.sub, req.body, meta(req)) });
    r.post(`${D}/:id/opinion`, { config: perm('legalityReview.draft.review'), schema: { tags: TAG, summary: '出具合法性审查意见书（统一编号）', params: IdParams, body: LrOpinionBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.issueOpinion(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${D}/:id/opinion.docx`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '下载合法性审查意见书（.docx，GB/T 9704 公文格式）', params: IdParams, produces: [DOCX_MIME], response: responses(Binary) },
      handler: async (req, reply) => {
        const f = await svc.opinionDocx(actorOf(req), req.params.id);
        return reply.header('content-type', DOCX_MIME).header('content-disposition', contentDisposition(f.fileName)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(f.bytes);
      },
    });
    r.post(`${D}/:id/collective`, { config: perm('legalityReview.draft.manage'), schema: { tags: TAG, summary: '登记集体讨论决定', params: IdParams, body: LrCollectiveBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.recordCollective(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/publish`, { config: perm('legalityReview.draft.manage'), schema: { tags: TAG, summary: '统一编号并公布；规范性文件开始计算备案期限与有效期', params: IdParams, body: LrPublishBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.publish(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/filing`, { config: perm('legalityReview.draft.manage'), schema: { tags: TAG, summary: '登记报送备案', params: IdParams, body: LrFileBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.file(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/withdraw`, { config: perm('legalityReview.draft.submit'), schema: { tags: TAG, summary: '撤回送审', params: IdParams, body: LrWithdrawBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.withdraw(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/expire`, { config: perm('legalityReview.draft.manage'), schema: { tags: TAG, summary: '有效期届满失效', params: IdParams, body: EndBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.end(actorOf(req), req.params.id, 'expire', req.body, meta(req)) });
    r.post(`${D}/:id/abolish`, { config: perm('legalityReview.draft.manage'), schema: { tags: TAG, summary: '废止', params: IdParams, body: EndBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.end(actorOf(req), req.params.id, 'abolish', req.body, meta(req)) });
    r.post(`${D}/:id/post-evaluations`, { config: perm('legalityReview.draft.manage'), schema: { tags: TAG, summary: '登记后评估', params: IdParams, body: LrPostEvaluationBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.postEvaluate(actorOf(req), req.params.id, req.body, meta(req)) });
    // public comment
    r.post(`${D}/:id/comment-period`, { config: perm('legalityReview.comment.manage'), schema: { tags: TAG, summary: '公开征求意见（涉企文件、重大行政决策一般不少于30日）', params: IdParams, body: LrCommentPeriodBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.openComment(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/comments`, { config: perm('legalityReview.comment.manage'), schema: { tags: TAG, summary: '登记收到的意见（企业联系点、来信等）', params: IdParams, body: LrStaffCommentBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.recordComment(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/comments/:sub/decision`, { config: perm('legalityReview.comment.manage'), schema: { tags: TAG, summary: '意见采纳决定（采纳、部分采纳、不采纳并说明理由）', params: SubParams, body: LrCommentDecisionBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.decideComment(actorOf(req), req.params.id, req.params.sub, req.body, meta(req)) });
    r.post(`${D}/:id/adoption-statement`, { config: perm('legalityReview.comment.manage'), schema: { tags: TAG, summary: '公布意见采纳情况说明', params: IdParams, body: LrAdoptionStatementBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.publishAdoption(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${D}/:id/invitations`, { config: perm('legalityReview.comment.manage'), schema: { tags: TAG, summary: '邀请企业联系点提出意见', params: IdParams, body: LrInviteBody, response: responses(LrDraftDetail) }, handler: async (req) => svc.invite(actorOf(req), req.params.id, req.body, meta(req)) });

    // ── contact points, advisers, consultations, clean-up ────────────────────────────────────
    r.get(`${BASE}/contact-points`, { config: { permission: READ }, schema: { tags: TAG, summary: '企业联系点', response: responses(z.object({ data: z.array(LrContactPointSchema), representativeness: LrRepresentativenessSchema })) }, handler: async (req) => ({ data: await reg.listContactPoints(actorOf(req)), representativeness: await reg.representativeness(actorOf(req)) }) });
    r.post(`${BASE}/contact-points`, { config: perm('legalityReview.comment.manage'), schema: { tags: TAG, summary: '登记企业联系点（行业、规模、所有制）', body: LrContactPointBody, response: responses(LrContactPointSchema) }, handler: async (req) => reg.createContactPoint(actorOf(req), req.body, meta(req)) });
    r.put(`${BASE}/contact-points/:id`, { config: perm('legalityReview.comment.manage'), schema: { tags: TAG, summary: '修改企业联系点（含停用；停用的联系点不计入代表性）', params: IdParams, body: ContactPointUpdateBody, response: responses(LrContactPointSchema) }, handler: async (req) => reg.updateContactPoint(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${BASE}/advisers`, { config: { permission: READ }, schema: { tags: TAG, summary: '法律顾问（含已出具意见数、累计用时）', response: responses(z.object({ data: z.array(LrAdviserSchema) })) }, handler: async (req) => ({ data: await reg.listAdvisers(actorOf(req)) }) });
    r.post(`${BASE}/advisers`, { config: perm('legalityReview.adviser.manage'), schema: { tags: TAG, summary: '登记法律顾问', body: LrAdviserBody, response: responses(LrAdviserSchema) }, handler: async (req) => reg.createAdviser(actorOf(req), req.body, meta(req)) });
    r.put(`${BASE}/advisers/:id`, { config: perm('legalityReview.adviser.manage'), schema: { tags: TAG, summary: '修改法律顾问信息（含停用；停用的法律顾问不能再被指派）', params: IdParams, body: AdviserUpdateBody, response: responses(LrAdviserSchema) }, handler: async (req) => reg.updateAdviser(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${BASE}/consultations`, { config: { permission: READ }, schema: { tags: TAG, summary: '法律顾问咨询论证台账', querystring: LrConsultListQuery, response: responses(listOf(LrConsultSchema)) }, handler: async (req) => reg.listConsultations(actorOf(req), req.query) });
    r.get(`${BASE}/consultations/export.xlsx`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '导出法律顾问咨询论证台账及法律顾问（Excel，筛选条件与页面一致）', querystring: LrConsultListQuery.omit({ page: true, pageSize: true }), produces: [XLSX_MIME], response: responses(z.any().describe('Excel 工作簿（.xlsx，二进制）')) },
      handler: async (req, reply) => xlsx(reply, '法律顾问咨询论证台账', 'legality-consultations', await reg.exportConsultations(actorOf(req), req.query)),
    });
    r.post(`${BASE}/consultations`, { config: perm('legalityReview.adviser.manage'), schema: { tags: TAG, summary: '登记咨询论证需求（重大事项、重要文件、重大合同）', body: LrConsultBody, response: responses(LrConsultSchema) }, handler: async (req) => reg.createConsultation(actorOf(req), req.body, meta(req)) });
    r.post(`${BASE}/consultations/:id/assign`, { config: perm('legalityReview.adviser.manage'), schema: { tags: TAG, summary: '指派法律顾问', params: IdParams, body: LrConsultAssignBody, response: responses(LrConsultSchema) }, handler: async (req) => reg.assignConsultation(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${BASE}/consultations/:id/opinion`, { config: perm('legalityReview.adviser.manage'), schema: { tags: TAG, summary: '登记法律顾问意见与用时', params: IdParams, body: LrConsultOpinionBody, response: responses(LrConsultSchema) }, handler: async (req) => reg.answerConsultation(actorOf(req), req.params.id, req.body, meta(req)) });
    r.get(`${BASE}/cleanups`, { config: { permission: READ }, schema: { tags: TAG, summary: '清理工作', response: responses(z.object({ data: z.array(LrCleanupSchema) })) }, handler: async (req) => ({ data: await reg.listCleanups(actorOf(req)) }) });
    r.post(`${BASE}/cleanups`, { config: perm('legalityReview.draft.manage'), schema: { tags: TAG, summary: '开展清理工作', body: LrCleanupBody, response: responses(LrCleanupSchema) }, handler: async (req) => reg.createCleanup(actorOf(req), req.body, meta(req)) });
    r.post(`${BASE}/cleanups/:id/items`, { config: perm('legalityReview.draft.manage'), schema: { tags: TAG, summary: '登记文件清理结果（废止的同时终止该文件）', params: IdParams, body: LrCleanupItemBody, response: responses(LrCleanupSchema) }, handler: async (req) => reg.addCleanupItem(actorOf(req), req.params.id, req.body, meta(req)) });

    // ── public portal: drafts open for comment ───────────────────────────────────────────────
    r.get(`${PORTAL}/drafts`, { config: { public: true, rateLimit: deps.publicRateLimit }, schema: { tags: TAG, summary: '正在公开征求意见的草案', response: responses(z.object({ data: z.array(LrPublicDraftSummary) })) }, handler: async () => ({ data: await svc.publicList() }) });
    r.get(`${PORTAL}/drafts/:id`, { config: { public: true, rateLimit: deps.publicRateLimit }, schema: { tags: TAG, summary: '草案全文（按条款）与意见采纳情况说明', params: IdParams, response: responses(LrPublicDraftDetail) }, handler: async (req) => svc.publicGet(req.params.id) });
    r.post(`${PORTAL}/drafts/:id/comments`, { config: { public: true, rateLimit: deps.publicRateLimit }, schema: { tags: TAG, summary: '对草案某一条款提出意见', params: IdParams, body: LrPublicCommentBody, response: responses(z.object({ id: z.string() })) }, handler: async (req) => svc.publicComment(req.params.id, req.body, meta(req)) });
  };
}
