/**
 * Clause-level quality on a labelled set (../shared/eval/legality-dev.jsonl): precision, recall and F1 over violating
 * clauses, per type, and the share of compliant clauses flagged. Used by the benchmark and the quality-floor test.
 * Held-out discipline: clauses whose id number is divisible by 3 are the held-out part (not used to develop rules).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FindingType, type ReviewDocKind } from '../../../../common/contracts/legality-review-engine';
import { analyzeRules } from './analyze';

export interface LabelledClause {
  id: string;
  text: string;
  doc_kind: ReviewDocKind;
  violation: boolean;
  types: FindingType[];
}

export const DEV_SET_PATH = path.resolve('..', 'shared', 'eval', 'legality-dev.jsonl');

export function loadLabelled(file = DEV_SET_PATH): LabelledClause[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledClause);
}

export const isHeldOut = (c: LabelledClause) => Number(c.id.replace(/\D/gu, '')) % 3 === 0;

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}
const prf = (tp: number, fp: number, fn: number): Prf => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

export interface Quality {
  clauses: number;
  violating: number;
  compliant: number;
  overall: Prf;
  perType: Record<string, Prf>;
  compliantFlagged: number;
  compliantFlaggedShare: number;
  errors: { id: string; expected: string[]; got: string[]; text: string }[];
}

export function evaluate(items: LabelledClause[]): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let compliantFlagged = 0;
  const per = new Map<string, { tp: number; fp: number; fn: number }>(FindingType.options.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const errors: Quality['errors'] = [];
  for (const c of items) {
    const findings = analyzeRules(c.text, c.doc_kind);
    const got = new Set(findings.flatMap((f) => f.types));
    const flagged = findings.length > 0;
    if (c.violation && flagged) tp++;
    else if (c.violation) fn++;
    else if (flagged) {
      fp++;
      compliantFlagged++;
    }
    for (const t of FindingType.options) {
      const e = c.types.includes(t);
      const g = got.has(t);
      const p = per.get(t)!;
      if (e && g) p.tp++;
      else if (g) p.fp++;
      else if (e) p.fn++;
    }
    const exp = [...c.types].sort();
    const gs = [...got].sort();
    if (exp.join() !== gs.join()) errors.push({ id: c.id, expected: exp, got: gs, text: c.text });
  }
  const compliant = items.filter((c) => !c.violation).length;
  return {
    clauses: items.length,
    violating: items.length - compliant,
    compliant,
    overall: prf(tp, fp, fn),
    perType: Object.fromEntries([...per].map(([t, p]) => [t, prf(p.tp, p.fp, p.fn)])),
    compliantFlagged,
    compliantFlaggedShare: compliant ? compliantFlagged / compliant : 0,
    errors,
  };
}
