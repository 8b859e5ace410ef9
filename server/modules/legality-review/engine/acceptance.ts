import type { Db } from '../../../db';

export interface RuleAcceptance {
  ruleId: string;
  accepted: number;
  rejected: number;
  /** accepted / (accepted + rejected); null before any decision */
  rate: number | null;
}

/**
 * Per-rule acceptance rates from reviewers' decisions (legality_finding_decisions, written by the legality-review
 * workflow), lowest rate first so that the rules that over-flag come to the top. Optional period on decided_at.
 */
export async function ruleAcceptanceRates(db: Db, period: { from?: string; to?: string } = {}): Promise<RuleAcceptance[]> {
  let q = db.selectFrom('legalityFindingDecisions').select(['findingRuleId', 'decision', (eb) => eb.fn.countAll<string>().as('n')]);
  if (period.from) q = q.where('decidedAt', '>=', period.from);
  if (period.to) q = q.where('decidedAt', '<=', period.to);
  const rows = await q.groupBy(['findingRuleId', 'decision']).execute();
  const by = new Map<string, RuleAcceptance>();
  for (const r of rows) {
    const a = by.get(r.findingRuleId) ?? { ruleId: r.findingRuleId, accepted: 0, rejected: 0, rate: null };
    if (r.decision === 'accepted') a.accepted += Number(r.n);
    else a.rejected += Number(r.n);
    by.set(r.findingRuleId, a);
  }
  for (const a of by.values()) a.rate = a.accepted + a.rejected ? Math.round((a.accepted / (a.accepted + a.rejected)) * 1000) / 1000 : null;
  return [...by.values()].sort((x, y) => (x.rate ?? 1) - (y.rate ?? 1) || x.ruleId.localeCompare(y.ruleId));
}
