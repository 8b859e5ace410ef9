/**
 * Optional language model (an on-premises Qwen or DeepSeek behind an OpenAI-compatible /v1/chat/completions
 * endpoint): re-checks and explains the rule findings and suggests what the rules missed. Every prompt and answer is
 * logged to legality_llm_calls (never the key). The engine works fully without it; any failure leaves the rule
 * findings as they are.
 */
import { randomUUID } from 'node:crypto';
import { FindingType, type Finding, type ReviewDocKind } from '../../../../common/contracts/legality-review-engine';
import type { Db } from '../../../db';
import type { LawIndex } from './law-corpus';

export interface LlmConfig {
  url: string;
  model: string;
  /** bearer key; never logged */
  key: string | null;
  timeoutMs?: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmClient {
  readonly model: string;
  chat(messages: ChatMessage[], purpose: string, userId?: string | null): Promise<string>;
}

/** …/v1/chat/completions from a base URL (http://host:8000, …/v1) or the full endpoint. */
export function completionsUrl(url: string): string {
  const u = url.replace(/\/+$/u, '');
  if (/\/chat\/completions$/u.test(u)) return u;
  return /\/v1$/u.test(u) ? `${u}/chat/completions` : `${u}/v1/chat/completions`;
}

export function createLlmClient(cfg: LlmConfig, deps: { db: Db; now?: () => string }): LlmClient {
  const endpoint = completionsUrl(cfg.url);
  const now = deps.now ?? (() => new Date().toISOString());
  return {
    model: cfg.model,
    async chat(messages, purpose, userId = null) {
      const started = Date.now();
      const prompt = JSON.stringify(messages);
      let response: string | null = null;
      try {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cfg.key ? { authorization: `Bearer ${cfg.key}` } : {}) },
          body: JSON.stringify({ model: cfg.model, messages, temperature: 0, stream: false }),
          signal: AbortSignal.timeout(cfg.timeoutMs ?? 60_000),
        });
        response = await res.text();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const body = JSON.parse(response) as { choices?: { message?: { content?: string } }[] };
        const content = body.choices?.[0]?.message?.content;
        if (typeof content !== 'string') throw new Error('响应缺少 choices[0].message.content');
        await log('ok', null);
        return content;
      } catch (e) {
        await log('error', e instanceof Error ? e.message : String(e));
        throw e;
      }
      async function log(status: string, error: string | null) {
        await deps.db
          .insertInto('legalityLlmCalls')
          .values({ id: randomUUID(), createdAt: now(), url: endpoint, model: cfg.model, purpose, prompt, response, status, error, durationMs: Date.now() - started, userId })
          .execute();
      }
    },
  };
}

const SYSTEM = [
  '你是区司法局行政规范性文件和重大行政决策合法性审查的辅助工具。审查假定：起草机关为区（县）、市人民政府或其部门，无权制定地方性法规和规章。',
  '任务一：逐条复核“候选问题”，判断是否确实违法（confirm）或不构成问题（reject），并用一两句中文说明理由，引用上位法名称和条款。',
  '任务二：指出候选问题遗漏的违法条款（设定许可、处罚、强制，增加义务或减损权利，循环或无谓证明，超越职权，排除限制竞争，有效期缺失或过长，缺少法定程序）。',
  `问题类型只能取：${FindingType.options.join('、')}。`,
  '只输出一个 JSON 对象，不要输出其他文字：{"checks":[{"id":数字,"verdict":"confirm"|"reject","explanation":"…"}],"additions":[{"excerpt":"原文中连续的一段文字","types":["…"],"explanation":"…","basis":[{"instrument":"…","article":"第X条"}],"confidence":0到1}]}',
].join('\n');

function parseJson(content: string): unknown {
  const m = /\{[\s\S]*\}/u.exec(content.replace(/```(?:json)?/gu, ''));
  if (!m) throw new Error('模型未返回 JSON');
  return JSON.parse(m[0]);
}

/**
 * Re-checks the findings with the model and adds its suggestions. Confirmed findings keep their confidence and
 * gain the model's note; findings the model rejects keep their place (the reviewer decides) with halved confidence;
 * suggestions are anchored to the text (an excerpt that is not found verbatim is dropped) and capped at 0.6.
 */
export async function llmReview(client: LlmClient, text: string, docKind: ReviewDocKind, findings: Finding[], law: LawIndex | null, userId: string | null = null): Promise<Finding[]> {
  const doc = text.length > 12_000 ? `${text.slice(0, 12_000)}…（以下略）` : text;
  const candidates = findings.map((f, i) => ({ id: i, excerpt: f.excerpt, types: f.types, rule: f.ruleId, basis: f.basis.filter((b) => !b.retrieved).map((b) => `${b.instrument}${b.article}`) }));
  const user = `文件类型：${docKind === 'major_decision' ? '重大行政决策' : '行政规范性文件'}\n\n【全文】\n${doc}\n\n【候选问题】\n${JSON.stringify(candidates)}`;
  const content = await client.chat(
    [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: user },
    ],
    'legality-review.recheck',
    userId,
  );
  const parsed = parseJson(content) as { checks?: unknown; additions?: unknown };
  const out = findings.map((f) => ({ ...f, basis: [...f.basis] }));
  if (Array.isArray(parsed.checks)) {
    for (const c of parsed.checks as { id?: unknown; verdict?: unknown; explanation?: unknown }[]) {
      const f = typeof c.id === 'number' ? out[c.id] : undefined;
      if (!f) continue;
      const note = typeof c.explanation === 'string' ? c.explanation.slice(0, 500) : '';
      if (c.verdict === 'reject') {
        f.confidence = Math.round(f.confidence * 50) / 100;
        f.explanation = `${f.explanation}【模型复核：可能不构成问题。${note}】`;
      } else if (c.verdict === 'confirm' && note) f.explanation = `${f.explanation}【模型复核：${note}】`;
    }
  }
  if (Array.isArray(parsed.additions)) {
    for (const a of parsed.additions as { excerpt?: unknown; types?: unknown; explanation?: unknown; basis?: unknown; confidence?: unknown }[]) {
      const excerpt = a.excerpt;
      if (typeof excerpt !== 'string' || excerpt.length < 4) continue;
      const start = text.indexOf(excerpt);
      if (start < 0) continue;
      const types = (Array.isArray(a.types) ? a.types : []).filter((t): t is FindingType => FindingType.safeParse(t).success);
      if (!types.length) continue;
      if (out.some((f) => f.start <= start && f.end >= start + excerpt.length && types.every((t) => f.types.includes(t)))) continue;
      const basis = (Array.isArray(a.basis) ? a.basis : [])
        .filter((b): b is { instrument: string; article: string } => typeof b?.instrument === 'string' && typeof b?.article === 'string')
        .slice(0, 4)
        .map((b) => {
          const hit = law?.lookup(b.instrument, b.article);
          return hit ? { instrument: b.instrument, article: b.article, text: hit.text } : { instrument: b.instrument, article: b.article };
        });
      const conf = typeof a.confidence === 'number' && a.confidence >= 0 ? Math.min(0.6, a.confidence) : 0.5;
      out.push({ start, end: start + excerpt.length, excerpt, types, basis, explanation: `【模型提示，需人工核实】${typeof a.explanation === 'string' ? a.explanation.slice(0, 800) : ''}`, confidence: conf, ruleId: 'llm.suggestion', source: 'llm' });
    }
  }
  out.sort((x, y) => x.start - y.start);
  return out;
}
