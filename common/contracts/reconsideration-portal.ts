/**
 * 行政复议 on the public portal (no login): online application (《中华人民共和国行政复议法》第二十二条) and the progress
 * query by receipt number + query code. Shared by the server and the web UI, so that both validate the same way.
 */
import { z } from 'zod';
import { IsoDate } from './shared';
import type { ReconStatus } from './reconsideration';
import { StepSchema } from './calendar';

/** Upload limits: the server enforces them, the web form explains and pre-checks them. */
export const PORTAL_UPLOAD_LIMITS = { fileBytes: 10 * 1024 * 1024, files: 5, totalBytes: 20 * 1024 * 1024 } as const;

/** Accepted attachment kinds and the file extensions each may carry (the content decides, the extension must agree). */
export const PORTAL_ATTACHMENT_KINDS = {
  pdf: { label: 'PDF', extensions: ['pdf'] },
  jpeg: { label: 'JPG 图片', extensions: ['jpg', 'jpeg'] },
  png: { label: 'PNG 图片', extensions: ['png'] },
  docx: { label: 'Word 文档（DOCX）', extensions: ['docx'] },
  ofd: { label: 'OFD 版式文件', extensions: ['ofd'] },
} as const;
export type PortalAttachmentKind = keyof typeof PORTAL_ATTACHMENT_KINDS;
export const PORTAL_ACCEPT = Object.values(PORTAL_ATTACHMENT_KINDS)
  .flatMap((k) => k.extensions.map((e) => `.${e}`))
  .join(',');

/** Why an attachment was refused: stable reason codes with the Chinese text shown to the applicant. */
export const PORTAL_ATTACHMENT_REASONS = {
  TOO_LARGE: '文件超过 10 MB',
  EMPTY: '文件为空',
  TYPE_NOT_ALLOWED: '文件类型不在允许范围内（仅接受 PDF、JPG、PNG、DOCX、OFD）',
  EXTENSION_MISMATCH: '文件扩展名与文件实际内容不符',
  EXECUTABLE: '文件是可执行程序，不予接收',
  ACTIVE_CONTENT: '文件是网页、脚本或 SVG 等可执行内容，不予接收',
  PDF_SCRIPT: 'PDF 文件内含脚本（JavaScript），不予接收',
  DOCX_INVALID: '不是有效的 Word（DOCX）文档：缺少 word/document.xml',
  DOCX_MACRO: 'Word 文档含有宏，不予接收',
  OFD_INVALID: '不是有效的 OFD 文件：缺少 OFD.xml',
  NAME_INVALID: '文件名为空或过长（最多 200 个字符）',
} as const;
export type PortalAttachmentReason = keyof typeof PORTAL_ATTACHMENT_REASONS;

/** Receipt number: WS + yyyymmdd + 6 characters; query code: 8 characters. Both from an alphabet without 0/O/1/I/L. */
export const PORTAL_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECEIPT_NO_RE = /^WS\d{8}[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;
export const QUERY_CODE_RE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;
/** Upper case, without spaces or dashes: what the applicant types may be spaced for readability. */
export const normalizePortalCode = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();

const Text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max, `最多 ${max} 个字符`);

/** 申请人: a natural person (name, 身份证号, mobile) or an organisation (name, 统一社会信用代码, legal representative); address. */
export const PortalApplicant = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    name: Text(40, '请填写申请人姓名'),
    idNumber: z.string().trim().min(1, '请填写居民身份证号码').max(18, '居民身份证号码应为 18 位'),
    mobile: z.string().trim().min(1, '请填写手机号码').max(20),
    address: Text(200, '请填写住所（送达地址）'),
    postalCode: z.string().trim().regex(/^\d{6}$/, '邮政编码应为 6 位数字').optional(),
  }),
  z.object({
    kind: z.literal('organization'),
    name: Text(100, '请填写法人或者其他组织名称'),
    creditCode: z.string().trim().length(18, '统一社会信用代码应为 18 位'),
    legalRepresentative: Text(40, '请填写法定代表人或者主要负责人姓名'),
    address: Text(200, '请填写住所（送达地址）'),
    postalCode: z.string().trim().regex(/^\d{6}$/, '邮政编码应为 6 位数字').optional(),
  }),
]);

/** A submission token: a UUID as crypto.randomUUID() makes it (any version accepted, 36 characters). */
export const SUBMISSION_TOKEN_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** How long after submitting a retry with the same token still gets the whole receipt (with the query code) back. */
export const PORTAL_RETRY_WINDOW_HOURS = 24;

/** The application (the `application` field of the multipart form, as JSON). Content per Art. 22. */
export const PortalApplicationInput = z.object({
  applicant: PortalApplicant,
  respondent: z.object({ name: Text(100, '请填写被申请人（作出行政行为的行政机关）名称') }),
  act: z
    .object({
      name: Text(200, '请填写申请行政复议的行政行为'),
      docNo: z.string().trim().max(100).optional(),
      /** 行政行为作出之日 (if known) */
      madeOn: IsoDate.optional(),
      /** 知道或者应当知道该行政行为之日: start of the 60-day period (Art. 20 ¶1) */
      knownOn: IsoDate,
      realEstate: z.boolean().optional(),
      notInformed: z.boolean().optional(),
      rightsKnownOn: IsoDate.optional(),
    })
    .refine((a) => !a.notInformed || !!a.rightsKnownOn, { message: '行政机关未告知申请权利的，请填写您知道申请权利、复议机关和申请期限之日（第二十条第三款）', path: ['rightsKnownOn'] }),
  request: Text(2000, '请填写行政复议请求'),
  reasons: Text(10000, '请填写申请行政复议的主要事实和理由'),
  lateExplanation: z.string().trim().max(2000).optional(),
  /** the applicant confirms the content is true (in place of a signature, Art. 22) */
  declaration: z.literal(true, { message: '请确认所填内容真实' }),
  /**
   * Random token the form generates once per filled application (crypto.randomUUID in the browser): a retry of the
   * same form (timeout, double tap) gets the first receipt back instead of registering a second case. Optional for
   * older clients, which get no such protection.
   */
  submissionToken: z.string().trim().regex(SUBMISSION_TOKEN_RE, '提交标识格式不正确，请刷新页面后重新提交').optional(),
});
export type PortalApplicationInput = z.infer<typeof PortalApplicationInput>;

export const PortalApplicationResult = z.object({
  receiptNo: z.string(),
  /** shown once; only its hash is kept, plus the encrypted receipt for a retry of the same form (PORTAL_RETRY_WINDOW_HOURS) */
  queryCode: z.string(),
  caseNo: z.string(),
  receivedOn: z.string(),
  /** R1, Art. 20: last day of the application period as computed from the dates given, and whether it was missed */
  applicationDue: z.string(),
  late: z.boolean(),
  attachments: z.array(z.object({ name: z.string(), size: z.number().int(), sha256: z.string() })),
});

export const PortalProgressBody = z.object({
  receiptNo: z.string().trim().min(1, '请填写受理回执编号').max(40),
  queryCode: z.string().trim().min(1, '请填写查询码').max(40),
});

export const PortalServedDocument = z.object({
  id: z.string(),
  title: z.string(),
  docNo: z.string().nullable(),
  servedOn: z.string().nullable(),
});

export const PortalProgress = z.object({
  receiptNo: z.string(),
  caseNo: z.string(),
  receivedOn: z.string(),
  applicantName: z.string(),
  respondentName: z.string(),
  actName: z.string(),
  status: z.string(),
  statusText: z.string(),
  statusExplanation: z.string(),
  nextDeadline: z
    .object({ title: z.string(), due: z.string().nullable(), basis: z.string(), explanation: z.string(), steps: z.array(StepSchema), note: z.string() })
    .nullable(),
  documents: z.array(PortalServedDocument),
});

/** Staff view of a case's attachments and online-application facts. */
export const ReconAttachment = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  source: z.string(),
  createdAt: z.string(),
});
export const ReconCaseAttachments = z.object({
  attachments: z.array(ReconAttachment),
  online: z
    // address: masked (maskAddress); the whole address through the audited reveal below (personal.viewFull)
    .object({ receiptNo: z.string(), submittedAt: z.string(), address: z.string(), postalCode: z.string().nullable(), legalRepresentative: z.string().nullable() })
    .nullable(),
});
/** The online application's whole address (送达地址), for a user holding personal.viewFull; every reveal is audited. */
export const ReconAddressReveal = z.object({ address: z.string() });

/** Status in plain words for the public, with what happens next and the article it rests on (else the staff label). */
export const PORTAL_STATUS_TEXT: Partial<Record<ReconStatus, { text: string; explanation: string }>> = {
  registered: { text: '已收到申请，正在审查是否受理', explanation: '行政复议机关收到申请后，在五个工作日内审查是否受理；期限届满未作出不予受理决定的，自期限届满之日起视为受理（《中华人民共和国行政复议法》第三十条）。' },
  correctionRequested: { text: '需要补正材料', explanation: '申请材料不齐全或者表述不清楚，请按补正通知书的要求，自收到补正通知之日起十日内提交补正材料；无正当理由逾期不补正的，视为放弃行政复议申请（《中华人民共和国行政复议法》第三十一条）。' },
  accepted: { text: '已受理', explanation: '申请已受理，行政复议机构将向被申请人发送申请书副本，被申请人应当提出书面答复（《中华人民共和国行政复议法》第四十八条、第五十四条）。' },
  rejected: { text: '不予受理', explanation: '申请不符合受理条件，已作出不予受理决定，请查看不予受理决定书，其中载明理由和救济途径（《中华人民共和国行政复议法》第三十条第二款）。' },
  underReview: { text: '正在审理', explanation: '行政复议机构正在审理，将在法定期限内作出行政复议决定（《中华人民共和国行政复议法》第六十二条）。' },
  mediation: { text: '调解中', explanation: '行政复议机构正在组织调解（《中华人民共和国行政复议法》第七十三条）。' },
  suspended: { text: '中止审理', explanation: '因法定事由中止审理，中止期间不计入审理期限；中止原因消除后恢复审理（《中华人民共和国行政复议法》第三十九条）。' },
  decided: { text: '已作出行政复议决定', explanation: '行政复议决定书送达后发生法律效力（《中华人民共和国行政复议法》第七十五条）。' },
  mediated: { text: '已调解结案', explanation: '行政复议调解书经各方当事人签字或者签章即具有法律效力（《中华人民共和国行政复议法》第七十三条）。' },
  terminated: { text: '行政复议已终止', explanation: '因法定事由终止行政复议（《中华人民共和国行政复议法》第四十一条）。' },
  abandoned: { text: '视为放弃申请', explanation: '未在补正期限内提交补正材料，视为放弃行政复议申请（《中华人民共和国行政复议法》第三十一条第二款）。' },
};
