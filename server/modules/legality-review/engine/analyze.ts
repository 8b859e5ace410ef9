/**
 * The analysis: split into clauses, run the rule base on each, attach the cited articles' text from the law corpus
 * and up to two related provisions found by BM25 retrieval, then (optionally) let a language model re-check and add.
 */
import type { Finding, FindingBasis, FindingType, ReviewDocKind } from '../../../../common/contracts/legality-review-engine';
import type { BasisRef } from './basis';
import type { LawIndex } from './law-corpus';
import { RULES, type Rule, ruleContext } from './rules';
import { type Clause, splitClauses } from './split';

export interface AnalyzeOptions {
  /** the imported law corpus: cited articles get their text, and related provisions are retrieved */
  law?: LawIndex | null;
  /** number of BM25-retrieved related provisions per finding (default 2; 0 = none) */
  related?: number;
  /** restrict to some rules (ids) */
  rules?: readonly Rule[];
}

/** Only laws and administrative regulations are offered as related provisions (the superior law of a district). */
const RELATED_CATEGORIES = /法$|条例$|法典$|规定$/u;

function basisOf(refs: readonly BasisRef[], law: LawIndex | null | undefined): FindingBasis[] {
  return refs.map((r) => {
    const hit = law?.lookup(r.instrument, r.article);
    const b: FindingBasis = { instrument: r.instrument, article: r.article };
    if (hit) b.text = hit.text;
    if (r.note) b.note = r.note;
    return b;
  });
}

/** Document-level facts the clause rules need: whether the document is 暂行 / 试行 (its title or a clause says so). */
function documentProvisional(text: string, clauses: Clause[]): boolean {
  const title = clauses.slice(0, 2).map((c) => c.text).find((t) => t.length <= 60 && !/^第/u.test(t));
  return Boolean(title && /暂行|试行/u.test(title)) || /本(?:暂行|试行)(?:办法|规定|细则)/u.test(text);
}

export function analyzeRules(text: string, docKind: ReviewDocKind, opts: AnalyzeOptions = {}): Finding[] {
  const clauses = splitClauses(text);
  const provisional = documentProvisional(text, clauses);
  const rules = opts.rules ?? RULES;
  const related = opts.related ?? 2;
  let findings: Finding[] = [];
  // items under a negative lead-in (不得含有下列内容：（一）…) restate prohibitions, they do not impose them
  let negativeLead = false;
  for (const c of clauses) {
    const isItem = c.label !== null && !/^第/u.test(c.label);
    // …下列情形之一的：the items describe conduct (conditions of liability), not measures the document imposes
    if (!isItem) negativeLead = /(?:不得|禁止|严禁|不应|不含|不包括|下列(?:情形|行为)之一)[^。；]*[：:]$/u.test(c.text);
    if (isItem && negativeLead) continue;
    const ctx = ruleContext(c.text, docKind, provisional);
    const seen = new Set<string>();
    for (const rule of rules) {
      for (const h of rule.check(ctx)) {
        const key = `${rule.id}@${h.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const start = c.start + h.start;
        const end = c.start + h.end;
        const basis = basisOf(rule.basis, opts.law);
        const types: FindingType[] = [...new Set(h.types ?? rule.types)];
        findings.push({ start, end, excerpt: text.slice(start, end), types, basis, explanation: h.explanation ?? rule.explanation, confidence: h.confidence ?? rule.confidence, ruleId: rule.id, source: 'rule' });
      }
    }
  }
  // two rules of the same family on the same sentence (取得许可证 + 方可…) are one problem: keep the most confident
  findings.sort((a, b) => a.start - b.start || a.end - b.end || b.confidence - a.confidence);
  findings = findings.filter((f, i) => !findings.slice(0, i).some((g) => g.start === f.start && g.end === f.end && f.types.every((t) => g.types.includes(t))));
  if (opts.law && opts.law.size && related > 0) {
    // several rules often flag the same sentence: retrieve once per excerpt
    const memo = new Map<string, ReturnType<LawIndex['search']>>();
    for (const f of findings) {
      const cited = new Set(f.basis.map((b) => `${b.instrument.replace(/^中华人民共和国/u, '')}|${b.article}`));
      let hits = memo.get(f.excerpt);
      if (!hits) memo.set(f.excerpt, (hits = opts.law.search(f.excerpt, related + 3, (name) => RELATED_CATEGORIES.test(name))));
      let added = 0;
      for (const h of hits) {
        if (added >= related) break;
        if (cited.has(`${h.instrument}|${h.article}`)) continue;
        f.basis.push({ instrument: h.title, article: h.article, text: h.text, retrieved: true });
        added++;
      }
    }
  }
  findings.sort((a, b) => a.start - b.start || b.confidence - a.confidence);
  return findings;
}
