import type { AnalyzeResponse, LawArticle, LawImportResponse, ReviewDocKind } from '../../../../common/contracts/legality-review-engine';
import { AppError } from '../../../../common/errors';
import type { Db } from '../../../db';
import type { AuditService } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import type { Actor } from '../../../platform/identity';
import { ruleAcceptanceRates } from './acceptance';
import { analyzeRules } from './analyze';
import { extractDocxText } from './docx';
import { type ImportReport, importLawFiles, loadLawIndex } from './law-corpus';
import { type LlmClient, type LlmConfig, createLlmClient, llmReview } from './llm';
import { ENGINE_LIMITS, ENGINE_LIMIT_INFO, RULES, configureEngineLimits } from './rules';

export interface LegalityEngineService {
  analyze(actor: Actor, body: { text: string; docKind: ReviewDocKind; useLlm?: boolean }): Promise<AnalyzeResponse>;
  /** text of an uploaded .docx (size and type checked by the caller's route) */
  docxText(buffer: Buffer): string;
  importLaw(actor: Actor, files: { name: string; content: string; category?: string | null }[], meta: { ip?: string; requestId?: string }): Promise<LawImportResponse>;
  article(instrument: string, article: string): Promise<LawArticle>;
  search(q: string, limit: number): Promise<(LawArticle & { score: number })[]>;
  rules(): { id: string; title: string; types: string[]; basis: { instrument: string; article: string; note?: string }[] }[];
  acceptance(): ReturnType<typeof ruleAcceptanceRates>;
  limits(): { key: string; label: string; value: number; basis: string; unverified: boolean; env?: string }[];
  readonly llmEnabled: boolean;
}

export function createLegalityEngineService(deps: { db: Db; audit: AuditService; clock: Clock; llm?: LlmConfig | null; limits?: Parameters<typeof configureEngineLimits>[0] }): LegalityEngineService {
  const { db, audit, clock } = deps;
  if (deps.limits) configureEngineLimits(deps.limits);
  const llm: LlmClient | null = deps.llm ? createLlmClient(deps.llm, { db, now: () => clock.nowIso() }) : null;
  return {
    llmEnabled: Boolean(llm),
    async analyze(actor, body) {
      const law = await loadLawIndex(db);
      const findings = analyzeRules(body.text, body.docKind, { law });
      if (!llm || body.useLlm === false) return { findings };
      try {
        return { findings: await llmReview(llm, body.text, body.docKind, findings, law, actor.userId) };
      } catch {
        // the call and its error are in legality_llm_calls; the rule findings stand on their own
        return { findings };
      }
    },
    docxText(buffer) {
      const text = extractDocxText(buffer);
      if (text === null || !text.trim()) throw new AppError('LEGALITY_DOCX_UNREADABLE');
      return text;
    },
    async importLaw(actor, files, meta) {
      const report: ImportReport = await importLawFiles(db, files, clock.nowIso(), actor.userId);
      if (!report.instruments) throw new AppError('LEGALITY_LAW_IMPORT_EMPTY', { rejected: report.rejected });
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action: 'legalityReview.law.import', objectType: 'lawCorpus', extra: { instruments: report.instruments, articles: report.articles, rejected: report.rejected.length } });
      return report;
    },
    async article(instrument, article) {
      const law = await loadLawIndex(db);
      const hit = law.lookup(instrument, article);
      if (!hit) throw new AppError('LEGALITY_LAW_ARTICLE_NOT_FOUND', { instrument, article });
      return { instrument: hit.title, article: hit.article, text: hit.text, instrumentVersion: hit.instrumentVersion };
    },
    async search(q, limit) {
      const law = await loadLawIndex(db);
      return law.search(q, limit).map((h) => ({ instrument: h.title, article: h.article, text: h.text, instrumentVersion: h.instrumentVersion, score: Math.round(h.score * 1000) / 1000 }));
    },
    rules() {
      return RULES.map((r) => ({ id: r.id, title: r.title, types: r.types, basis: r.basis.map((b) => ({ ...b })) }));
    },
    acceptance() {
      return ruleAcceptanceRates(db);
    },
    limits() {
      return (Object.keys(ENGINE_LIMITS) as (keyof typeof ENGINE_LIMITS)[]).map((key) => ({ key, value: ENGINE_LIMITS[key], ...ENGINE_LIMIT_INFO[key] }));
    },
  };
}
