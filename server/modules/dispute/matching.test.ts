import { describe, expect, it } from 'vitest';
import { addressKey, matchDispute, rankMatches } from './matching';

const base = { addressKey: addressKey('北京市西城区府右街 12 号院 3 号楼'), matterType: 'neighbour', partyBidx: ['b1'], partyNames: ['张三'] };

describe('duplicate detection across sources', () => {
  it('normalises addresses: city and district prefix, spaces, punctuation, full-width digits, 号院', () => {
    expect(addressKey('北京市西城区府右街 12 号院 3 号楼')).toBe(addressKey('府右街１２号3号楼'));
    expect(addressKey('西城区府右街12号院，3号楼')).toBe(addressKey('府右街12号3号楼'));
    expect(addressKey('府右街12号3号楼')).not.toBe(addressKey('府右街13号3号楼'));
  });

  it('the same party by ID number with the same type of dispute is the same matter', () => {
    const m = matchDispute(base, { id: 'x', addressKey: 'elsewhere', matterType: 'neighbour', partyBidx: ['b1', 'b2'], partyNames: ['李四'] });
    expect(m).toEqual({ id: 'x', reasons: ['sameParty', 'sameMatterType'], strong: true });
  });

  it('the same address with a party name in common is the same matter, even reported as another type', () => {
    const m = matchDispute(base, { id: 'x', addressKey: base.addressKey, matterType: 'property', partyBidx: [], partyNames: ['张三'] });
    expect(m?.strong).toBe(true);
    expect(m?.reasons).toEqual(['samePartyName', 'sameAddress']);
  });

  it('weak matches are similar only; unrelated disputes do not match', () => {
    expect(matchDispute(base, { id: 'x', addressKey: base.addressKey, matterType: 'neighbour', partyBidx: [], partyNames: ['王五'] })).toEqual({ id: 'x', reasons: ['sameAddress', 'sameMatterType'], strong: false });
    expect(matchDispute(base, { id: 'x', addressKey: 'other', matterType: 'neighbour', partyBidx: [], partyNames: ['张三'] })?.strong).toBe(false);
    expect(matchDispute(base, { id: 'x', addressKey: 'other', matterType: 'family', partyBidx: [], partyNames: ['张三'] })).toBeNull();
    expect(matchDispute(base, { id: 'x', addressKey: base.addressKey, matterType: 'family', partyBidx: [], partyNames: ['王五'] })).toBeNull();
  });

  it('ranks strong matches first, then by the number of reasons', () => {
    const ranked = rankMatches(base, [
      { id: 'weak', addressKey: base.addressKey, matterType: 'neighbour', partyBidx: [], partyNames: [] },
      { id: 'strong', addressKey: 'x', matterType: 'neighbour', partyBidx: ['b1'], partyNames: [] },
      { id: 'strongest', addressKey: base.addressKey, matterType: 'neighbour', partyBidx: ['b1'], partyNames: ['张三'] },
    ]);
    expect(ranked.map((m) => m.id)).toEqual(['strongest', 'strong', 'weak']);
  });
});
