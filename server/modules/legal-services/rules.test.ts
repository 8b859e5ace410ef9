import { describe, expect, it } from 'vitest';
import { type LawyerFacts, conflictsOf, gradeCeiling, haversineMetres, meansTest, MeansInputError, nearest, rankLawyers, urgencyOf, walk } from './rules';

const M = { item: null, monthlyIncomePerCapita: null, householdSize: null, method: null, proof: null };

describe('means test (法律援助法第三十二条、第四十一条、第四十二条)', () => {
  it.each([
    [{ ...M, basis: 'exempt' as const, item: 4 }, 'window', true, '第三十二条第（四）项'],
    [{ ...M, basis: 'waived' as const, item: 3, proof: '劳动合同' }, 'window', true, '第四十二条第（三）项'],
    [{ ...M, basis: 'checked' as const, monthlyIncomePerCapita: 2540, method: 'pledge' as const }, 'window', true, '第四十一条'],
    [{ ...M, basis: 'checked' as const, monthlyIncomePerCapita: 2541, method: 'dataSharing' as const }, 'online', false, '第四十一条'],
    [{ ...M, basis: 'notApplicable' as const }, 'notified', true, '第二十五条'],
  ])('%o via %s → passed %s', (input, channel, passed, cite) => {
    const r = meansTest(input, 2540, channel);
    expect(r.passed).toBe(passed);
    expect(r.citation).toContain(cite);
  });

  it.each([
    [{ ...M, basis: 'exempt' as const }, 'window', 'means.item'],
    [{ ...M, basis: 'exempt' as const, item: 6 }, 'window', 'means.item'],
    [{ ...M, basis: 'waived' as const, item: 1 }, 'window', 'means.proof'],
    [{ ...M, basis: 'checked' as const, method: 'pledge' as const }, 'window', 'means.monthlyIncomePerCapita'],
    [{ ...M, basis: 'checked' as const, monthlyIncomePerCapita: 100 }, 'window', 'means.method'],
    [{ ...M, basis: 'notApplicable' as const }, 'window', 'means.basis'],
  ])('%o via %s is refused at %s', (input, channel, field) => {
    try {
      meansTest(input, 2540, channel);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MeansInputError);
      expect((e as MeansInputError).field).toBe(field);
    }
  });
});

describe('Art. 44 urgency', () => {
  it.each([
    ['2025-09-26', '2025-10-02', false, true], // 6 days left → urgent
    ['2025-09-26', '2025-10-03', false, false], // 7 days left → not
    ['2025-09-26', null, true, true], // preservation
    ['2025-09-26', null, false, false],
    ['2025-09-26', '2025-09-20', false, true], // already expired: flagged for checking
  ])('received %s, limitation %s, preservation %s → urgent %s', (recv, lim, pres, urgent) => {
    const u = urgencyOf(recv, lim, pres);
    expect(u.urgent).toBe(urgent);
    if (urgent) expect(u.reasons.join('')).toMatch(/第四十四条|届满/);
  });
});

describe('lawyer ranking: conflicts and balanced load', () => {
  const base: LawyerFacts = { id: 'a', name: '甲', firmName: 'F', practiceYears: 5, criminalYears: 5, specialties: ['labour'], conflictParties: [], maxLoad: 3, active: true, openCases: 0, clients: [], adversaries: [] };
  const c = { applicantName: '张三', opposingParty: '示例公司', matter: 'labour' as const, severeCriminal: false };

  it('finds declared conflicts, former clients on the other side and former adversaries of the applicant', () => {
    expect(conflictsOf({ ...base, conflictParties: ['示例 公司'] }, c)).toHaveLength(1);
    expect(conflictsOf({ ...base, clients: ['示例公司'] }, c)).toHaveLength(1);
    expect(conflictsOf({ ...base, adversaries: ['张三'] }, c)).toHaveLength(1);
    expect(conflictsOf(base, c)).toEqual([]);
  });

  it('orders eligible lawyers by open cases, then specialty, and excludes conflicts, full load, Art. 26', () => {
    const lawyers: LawyerFacts[] = [
      { ...base, id: 'busy', name: '乙', openCases: 2 },
      { ...base, id: 'free-nospec', name: '丙', openCases: 1, specialties: [] },
      { ...base, id: 'free-spec', name: '丁', openCases: 1 },
      { ...base, id: 'conflict', name: '戊', openCases: 0, conflictParties: ['示例公司'] },
      { ...base, id: 'full', name: '己', openCases: 3 },
      { ...base, id: 'junior', name: '庚', openCases: 0, criminalYears: 2 },
    ];
    const ranked = rankLawyers(lawyers, c);
    expect(ranked.filter((r) => r.eligible).map((r) => r.lawyer.id)).toEqual(['junior', 'free-spec', 'free-nospec', 'busy']);
    expect(ranked.find((r) => r.lawyer.id === 'conflict')).toMatchObject({ eligible: false, rank: null });
    expect(ranked.find((r) => r.lawyer.id === 'full')?.eligible).toBe(false);
    const grave = rankLawyers(lawyers, { ...c, severeCriminal: true });
    expect(grave.find((r) => r.lawyer.id === 'junior')?.conflicts.join('')).toContain('第二十六条');
    expect(grave[0]?.lawyer.id).toBe('free-spec');
  });
});

describe('walking distance', () => {
  it('one degree of latitude is about 111.2 km; distance is symmetric and zero on the spot', () => {
    expect(haversineMetres(39, 116, 40, 116)).toBeGreaterThan(111_150);
    expect(haversineMetres(39, 116, 40, 116)).toBeLessThan(111_250);
    expect(haversineMetres(39.9, 116.3, 39.91, 116.31)).toBeCloseTo(haversineMetres(39.91, 116.31, 39.9, 116.3), 6);
    expect(haversineMetres(39.9, 116.3, 39.9, 116.3)).toBe(0);
  });

  it('applies the detour factor and the walking speed, and picks the nearest point', () => {
    const w = walk({ lat: 39.9, lng: 116.35 }, { lat: 39.909, lng: 116.35 }, 75, 1.3);
    expect(w.metres).toBeCloseTo(w.straight * 1.3, 6);
    expect(w.minutes).toBeCloseTo(w.metres / 75, 6);
    const n = nearest({ lat: 39.9, lng: 116.35 }, [{ id: 'far', lat: 39.95, lng: 116.35 }, { id: 'near', lat: 39.901, lng: 116.351 }], 75, 1.3);
    expect(n?.point.id).toBe('near');
    expect(nearest({ lat: 39.9, lng: 116.35 }, [], 75, 1.3)).toBeNull();
  });
});

describe('integrity grade ceiling (本局评定规则，待核实)', () => {
  it.each([
    [{ assessment: 'excellent', inspections: ['compliant'], substantiatedComplaints: 0 }, 'A'],
    [{ assessment: 'basicPass', inspections: [], substantiatedComplaints: 0 }, 'B'],
    [{ assessment: 'fail', inspections: [], substantiatedComplaints: 0 }, 'C'],
    [{ assessment: 'pass', inspections: ['rectify'], substantiatedComplaints: 0 }, 'B'],
    [{ assessment: null, inspections: ['rectify', 'referred'], substantiatedComplaints: 0 }, 'C'],
    [{ assessment: 'pass', inspections: [], substantiatedComplaints: 2 }, 'B'],
    [{ assessment: 'fail', inspections: ['rectify'], substantiatedComplaints: 1 }, 'C'],
  ])('%o → at most %s', (facts, ceiling) => {
    expect(gradeCeiling(facts).ceiling).toBe(ceiling);
    expect(gradeCeiling(facts).reasons.length > 0).toBe(ceiling !== 'A');
  });
});
