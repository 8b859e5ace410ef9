/**
 * Duplicate detection across sources (全口径): the same matter reported through 12345, 110, 信访, a 司法所 visit,
 * a grid worker or a screening campaign is one dispute with one code. Pure functions; the service feeds them.
 */

/** Address key: no spaces or punctuation, full-width digits and letters folded, the city/district prefix dropped. */
export function addressKey(address: string): string {
  return address
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(北京市)?(西城区)?/, '')
    .replace(/[，,。.、;；:：()（）【】[\]\-—_#/\\]/g, '')
    .replace(/号院/g, '号')
    .toLowerCase();
}

export const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '');

export interface MatchSubject {
  addressKey: string;
  matterType: string;
  partyBidx: string[];
  partyNames: string[];
}
export interface MatchCandidate extends MatchSubject {
  id: string;
}
export type MatchReason = 'sameParty' | 'samePartyName' | 'sameAddress' | 'sameMatterType';
export const MATCH_REASON_LABELS: Record<MatchReason, string> = { sameParty: '当事人身份证号相同', samePartyName: '当事人姓名相同', sameAddress: '纠纷地址相同', sameMatterType: '纠纷类型相同' };

export interface Match {
  id: string;
  reasons: MatchReason[];
  /** strong: treated as the same matter and merged; weak: shown to the registrar as similar */
  strong: boolean;
}

/**
 * Strong (the same matter): the same party by ID number with the same type of dispute; or the same address with a
 * party in common (by ID number or name). Weak (similar): the same party; or the same address, or a party name in
 * common, with the same type of dispute.
 */
export function matchDispute(subject: MatchSubject, candidate: MatchCandidate): Match | null {
  const reasons: MatchReason[] = [];
  const sameParty = subject.partyBidx.some((b) => candidate.partyBidx.includes(b));
  const sameName = subject.partyNames.some((n) => candidate.partyNames.includes(n));
  const sameAddress = subject.addressKey.length > 0 && subject.addressKey === candidate.addressKey;
  const sameType = subject.matterType === candidate.matterType;
  if (sameParty) reasons.push('sameParty');
  if (sameName) reasons.push('samePartyName');
  if (sameAddress) reasons.push('sameAddress');
  if (sameType) reasons.push('sameMatterType');
  const strong = (sameParty && sameType) || (sameAddress && (sameParty || sameName));
  const weak = sameParty || (sameAddress && sameType) || (sameName && sameType);
  if (!strong && !weak) return null;
  return { id: candidate.id, reasons, strong };
}

/** Best match first: strong before weak, then by number of reasons. */
export function rankMatches(subject: MatchSubject, candidates: MatchCandidate[]): Match[] {
  return candidates
    .map((c) => matchDispute(subject, c))
    .filter((m): m is Match => m !== null)
    .sort((a, b) => Number(b.strong) - Number(a.strong) || b.reasons.length - a.reasons.length);
}
