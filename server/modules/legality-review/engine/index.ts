/**
 * 合法性审查 review engine: public surface (issue 4 §4–6).
 *
 * COORDINATION NOTE for the legality-review workflow: reviewers' accept/reject decisions on findings go into the
 * table `legality_finding_decisions` (migration 020; Kysely name `legalityFindingDecisions`), columns id, review_id,
 * finding_rule_id (= Finding.ruleId), finding_types (JSON array text), decision 'accepted' | 'rejected',
 * reviewer_user_id, reason, decided_at (ISO). The workflow writes the rows (in its own transaction, audited);
 * `ruleAcceptanceRates(db)` reads them for the per-rule report (also served at GET /api/v1/legality-review/rules/acceptance).
 *
 * Usage:
 *   const { findings } = await analyzeText(text, 'normative_document', { law: await loadLawIndex(db) });
 *   const text = extractDocxText(buffer); // null when not a readable .docx
 * Findings carry start/end offsets into `text`, types, basis (instrument, article, the article text from the
 * imported corpus; retrieved related provisions are marked retrieved: true), a zh-CN explanation, confidence, ruleId.
 */
import type { Finding, ReviewDocKind } from '../../../../common/contracts/legality-review-engine';
import { type AnalyzeOptions, analyzeRules } from './analyze';
import type { LawIndex } from './law-corpus';
import { type LlmClient, llmReview } from './llm';

export interface AnalyzeTextOptions extends AnalyzeOptions {
  law?: LawIndex | null;
  /** when given, the model re-checks the rule findings and suggests missed ones; failures are ignored */
  llm?: LlmClient | null;
  userId?: string | null;
}

export async function analyzeText(text: string, docKind: ReviewDocKind, opts: AnalyzeTextOptions = {}): Promise<{ findings: Finding[]; llm?: 'ok' | 'failed' }> {
  const findings = analyzeRules(text, docKind, opts);
  if (!opts.llm) return { findings };
  try {
    return { findings: await llmReview(opts.llm, text, docKind, findings, opts.law ?? null, opts.userId ?? null), llm: 'ok' };
  } catch {
    return { findings, llm: 'failed' };
  }
}

export { analyzeRules, type AnalyzeOptions } from './analyze';
export { splitClauses, sentences, type Clause } from './split';
export { extractDocxText } from './docx';
export { RULES, ENGINE_LIMITS, ENGINE_LIMIT_INFO, configureEngineLimits, type Rule } from './rules';
export { LAW as LAW_BASIS, type BasisRef } from './basis';
export { LawIndex, loadLawIndex, importLawFiles, importLawDir, readLawDir, parseLawMarkdown, normaliseInstrument, tokenizeLaw, type ImportReport, type LawArticleHit } from './law-corpus';
export { createLlmClient, completionsUrl, llmReview, type LlmClient, type LlmConfig } from './llm';
export { ruleAcceptanceRates, type RuleAcceptance } from './acceptance';
export { legalityEngineRoutes } from './engine.routes';
export { createLegalityEngineService, type LegalityEngineService } from './engine.service';
