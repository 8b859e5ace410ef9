/**
 * 合法性审查 review engine: the analyze contract (issue 4 §4), law-corpus import and article lookup, and per-rule
 * acceptance rates. Every finding cites the superior law and article it conflicts with.
 */
import { z } from 'zod';

export const FindingType = z.enum(['permit', 'penalty', 'coercion', 'obligation', 'certificate', 'authority', 'competition', 'validity', 'procedure']);
export type FindingType = z.infer<typeof FindingType>;
export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  permit: '违法设定行政许可',
  penalty: '违法设定行政处罚',
  coercion: '违法设定行政强制',
  obligation: '违法增加义务或减损权利',
  certificate: '循环、重复或无谓证明',
  authority: '超越职权',
  competition: '排除、限制竞争',
  validity: '有效期缺失或过长',
  procedure: '缺少法定程序',
};

export const ReviewDocKind = z.enum(['normative_document', 'major_decision']);
export type ReviewDocKind = z.infer<typeof ReviewDocKind>;

export const FindingBasis = z.object({
  instrument: z.string(),
  article: z.string(),
  /** the article's text from the imported law corpus; absent when the corpus does not hold the instrument */
  text: z.string().optional(),
  /** for instruments outside the statute corpus (国办发 notices, local rules): a summary; UNVERIFIED wording is marked */
  note: z.string().optional(),
  /** true for a provision found by BM25 retrieval (related, not the rule's own citation) */
  retrieved: z.boolean().optional(),
});
export type FindingBasis = z.infer<typeof FindingBasis>;

export const Finding = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  excerpt: z.string(),
  types: z.array(FindingType).min(1),
  basis: z.array(FindingBasis),
  explanation: z.string(),
  confidence: z.number().min(0).max(1),
  ruleId: z.string(),
  /** 'rule' from the rule base; 'llm' suggested by the language model (only when one is configured) */
  source: z.enum(['rule', 'llm']).optional(),
});
export type Finding = z.infer<typeof Finding>;

export const AnalyzeBody = z.object({
  text: z.string().min(1, '请输入待审查文本').max(200_000, '文本过长（最多 200,000 字）'),
  docKind: ReviewDocKind,
  /** ask the configured language model to re-check and add findings (ignored when none is configured) */
  useLlm: z.boolean().optional(),
});
export const AnalyzeResponse = z.object({ findings: z.array(Finding) });
export type AnalyzeResponse = z.infer<typeof AnalyzeResponse>;

export const LawArticle = z.object({
  instrument: z.string(),
  article: z.string(),
  text: z.string(),
  instrumentVersion: z.string().nullable(),
});
export type LawArticle = z.infer<typeof LawArticle>;

export const LawArticleQuery = z.object({ instrument: z.string().min(1).max(100), article: z.string().min(1).max(30) });
export const LawSearchQuery = z.object({ q: z.string().min(1).max(500), limit: z.coerce.number().int().min(1).max(50).default(10) });
export const LawSearchResponse = z.object({ items: z.array(LawArticle.extend({ score: z.number() })) });

export const LawImportBody = z.object({
  /** one Markdown file per instrument: name (e.g. 行政许可法(2019-04-23).md) and content */
  files: z.array(z.object({ name: z.string().min(1).max(200), content: z.string().max(2_000_000) })).min(1).max(500),
});
export const LawImportResponse = z.object({
  instruments: z.number().int(),
  articles: z.number().int(),
  rejected: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type LawImportResponse = z.infer<typeof LawImportResponse>;

export const RuleAcceptanceRate = z.object({
  ruleId: z.string(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  rate: z.number().nullable(),
});
export const RuleAcceptanceResponse = z.object({ items: z.array(RuleAcceptanceRate) });
