/**
 * 行政复议文书 (the documents of a reconsideration case): drafts filled from the case facts, issued with a number
 * of the form 西政复〔2026〕12号 (prefix configurable), served (送达) by one of the methods below, downloaded as a
 * .docx in the official-document format (GB/T 9704-2012). Shared by the server, the web UI and the public portal.
 * Statute: 《中华人民共和国行政复议法》 (2023 revision); law-rules.md §1.
 */
import { z } from 'zod';
import { IsoDate } from './shared';

export const ReconDocumentKind = z.enum([
  'receipt',
  'acceptanceNotice',
  'correctionNotice',
  'rejectionDecision',
  'replyNotice',
  'suspensionNotice',
  'resumptionNotice',
  'terminationNotice',
  'extensionNotice',
  'decision',
  'mediationAgreement',
]);
export type ReconDocumentKind = z.infer<typeof ReconDocumentKind>;

/** zh-CN title of each kind (the default title of a new draft). */
export const RECON_DOCUMENT_KIND_LABELS: Record<ReconDocumentKind, string> = {
  receipt: '收件回执',
  acceptanceNotice: '行政复议受理通知书',
  correctionNotice: '补正行政复议申请通知书',
  rejectionDecision: '不予受理行政复议申请决定书',
  replyNotice: '提出行政复议答复通知书',
  suspensionNotice: '中止行政复议审理通知书',
  resumptionNotice: '恢复行政复议审理通知书',
  terminationNotice: '终止行政复议通知书',
  extensionNotice: '延期审理通知书',
  decision: '行政复议决定书',
  mediationAgreement: '行政复议调解书',
};

export const ReconDocumentStatus = z.enum(['draft', 'issued', 'void']);
export type ReconDocumentStatus = z.infer<typeof ReconDocumentStatus>;
export const RECON_DOCUMENT_STATUS_LABELS: Record<ReconDocumentStatus, string> = { draft: '草稿', issued: '已印发', void: '已作废' };

/** 送达方式: 直接送达 / 邮寄送达 / 电子送达 / 公告送达 / 留置送达. */
export const ReconServiceMethod = z.enum(['direct', 'mail', 'online', 'announcement', 'left']);
export type ReconServiceMethod = z.infer<typeof ReconServiceMethod>;
export const RECON_SERVICE_METHOD_LABELS: Record<ReconServiceMethod, string> = {
  direct: '直接送达',
  mail: '邮寄送达',
  online: '电子送达',
  announcement: '公告送达',
  left: '留置送达',
};

/**
 * The article each method rests on: 《行政复议法》第八十八条第一款 refers service to 《中华人民共和国民事诉讼法》
 * (2023): 直接送达 Art. 88, 留置送达 Art. 89, 电子送达 Art. 90 (with the addressee's consent), 邮寄送达 Art. 91,
 * 公告送达 Art. 95 (deemed served 30 days after the announcement).
 */
export const RECON_SERVICE_METHOD_BASIS: Record<ReconServiceMethod, string> = {
  direct: '《中华人民共和国民事诉讼法》第八十八条',
  mail: '《中华人民共和国民事诉讼法》第九十一条',
  online: '《中华人民共和国民事诉讼法》第九十条',
  announcement: '《中华人民共和国民事诉讼法》第九十五条',
  left: '《中华人民共和国民事诉讼法》第八十九条',
};

export const ReconDocumentServiceSchema = z.object({
  id: z.string(),
  method: ReconServiceMethod,
  methodLabel: z.string(),
  recipient: z.string(),
  servedOn: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type ReconDocumentService = z.infer<typeof ReconDocumentServiceSchema>;

export const ReconDocumentSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: ReconDocumentKind,
  kindLabel: z.string(),
  title: z.string(),
  /** null until issued */
  docNo: z.string().nullable(),
  status: ReconDocumentStatus,
  createdAt: z.string(),
  issuedAt: z.string().nullable(),
  /** 作废: the reason and when (null unless status is 'void'); the number of a voided document is never reused */
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  services: z.array(ReconDocumentServiceSchema),
});
export type ReconDocumentSummary = z.infer<typeof ReconDocumentSummary>;

export const ReconDocumentDetail = ReconDocumentSummary.extend({
  paragraphs: z.array(z.string()),
  /** the case number, for display */
  caseNo: z.string(),
  /** the document may be edited (draft) / issued (draft and the case status allows issuing it) */
  editable: z.boolean(),
  /** why it cannot be issued now (zh-CN), null when it can */
  issueBlockedReason: z.string().nullable(),
});
export type ReconDocumentDetail = z.infer<typeof ReconDocumentDetail>;

export const ReconDocumentList = z.object({ data: z.array(ReconDocumentSummary) });

export const ReconDocumentCreateBody = z.object({ kind: ReconDocumentKind });
/** 作废 a draft, or an issued document that has not been served: the reason is required and kept. */
export const ReconDocumentVoidBody = z.object({
  reason: z.string().trim().min(2, '请填写作废理由（至少 2 个字）').max(500, '作废理由最多 500 个字符'),
});
export const ReconDocumentUpdateBody = z.object({
  title: z.string().trim().min(1, '请填写文书标题').max(100, '标题最多 100 个字符'),
  paragraphs: z
    .array(z.string().trim().max(5000, '每段最多 5000 个字符'))
    .min(1, '文书正文不能为空')
    .max(200, '最多 200 段')
    .refine((ps) => ps.some((p) => p.length > 0), { message: '文书正文不能为空' }),
});
export const ReconDocumentServiceBody = z.object({
  method: ReconServiceMethod,
  /** 送达之日: not before the document was issued, not in the future */
  servedOn: IsoDate,
  recipient: z.string().trim().min(1, '请填写受送达人').max(100),
  note: z.string().trim().max(1000).optional(),
});

/** The .docx media type. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
