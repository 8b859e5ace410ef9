import { describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../calendar';
import { AppError } from '../errors';
import { MONTH_RULES, RULES, computeDeadline, computeMonthDeadline, findRule, getMonthRule, getRule, ruleCitation } from './index';

const cal = createOfficialCalendar();

describe('rule catalogue', () => {
  it('has unique, well-formed ids', () => {
    const ids = [...RULES, ...MONTH_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(reconsideration|litigation|enforcement|legalAid|mediation|corrections|normativeDocument|majorDecision|disclosure|licensing)\.[a-z][A-Za-z]+$/);
  });

  it('covers the rows required from law-rules.md “What a system must compute”', () => {
    const refs = new Set([...RULES, ...MONTH_RULES].map((r) => r.ref));
    const required = [
      ...Array.from({ length: 22 }, (_, i) => `R${i + 1}`),
      'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'L1', 'L2', 'L3', 'L6', 'P2', 'C1', 'C2', 'C3', 'C4', 'C5', 'C7', 'C8', 'N1', 'N3', 'N4', 'M1', 'M3', 'G1', 'G2',
    ];
    for (const ref of required) expect(refs, ref).toContain(ref);
  });

  it('keeps the ids the server already uses', () => {
    for (const id of ['reconsideration.acceptanceReview', 'reconsideration.copyToRespondent', 'reconsideration.respondentReply', 'reconsideration.decision']) {
      expect(getRule(id).id).toBe(id);
    }
  });

  // Counting rules §2: the unit is decided by the instrument's working-day clause.
  it.each(RULES.map((r) => [r.id, r] as const))('%s has the unit its instrument prescribes', (_id, r) => {
    expect(Number.isInteger(r.length) && (r.length > 0 || r.event === true)).toBe(true);
    expect(r.article).toMatch(/^(第|关于)/);
    switch (r.instrument) {
      case '中华人民共和国行政复议法': // Art. 88 ¶2: 三日、五日、七日、十日 are working days
        expect(r.unit).toBe([3, 5, 7, 10].includes(r.length) ? 'WD' : 'CAL');
        break;
      case '中华人民共和国行政处罚法': // Art. 85: 二日、三日、五日、七日
        expect(r.unit).toBe([2, 3, 5, 7].includes(r.length) ? 'WD' : 'CAL');
        break;
      case '中华人民共和国行政强制法': // Art. 69: ten days or less
        expect(r.unit).toBe(r.length <= 10 ? 'WD' : 'CAL');
        break;
      case '中华人民共和国法律援助法':
      case '中华人民共和国人民调解法':
      case '中华人民共和国社区矫正法': // no working-day clause; the articles that say 小时 are hour periods
        expect(r.unit).toBe(({ 'legalAid.detaineeForwarding': 'H', 'corrections.arrestDecision': 'H' } as Record<string, string>)[r.id] ?? 'CAL');
        break;
      case '中华人民共和国政府信息公开条例': // “个工作日” in the text
        expect(r.unit).toBe('WD');
        break;
      default:
        break;
    }
    if (r.unit === 'WD') expect(r.unitBasis, 'a WD rule says why it is WD').toBeTruthy();
  });

  it.each([
    ['reconsideration.acceptanceReview', 5, 'WD', '第三十条'],
    ['reconsideration.correctionSubmission', 10, 'WD', '第三十一条第二款'],
    ['reconsideration.decision', 60, 'CAL', '第六十二条第一款'],
    ['reconsideration.decisionSimplified', 30, 'CAL', '第六十二条第二款'],
    ['reconsideration.litigationAfterReconsideration', 15, 'CAL', '第三十四条'],
    ['enforcement.penaltyDecision', 90, 'CAL', '第六十条'],
    ['enforcement.penaltyServiceAbsent', 7, 'WD', '第六十一条第一款'],
    ['enforcement.publishOtherDecision', 20, 'WD', '关于行政执法公示的规定'],
    ['legalAid.applicationDecision', 7, 'CAL', '第四十三条第一款'],
    ['legalAid.objectionDecision', 5, 'CAL', '第四十九条第二款'],
    ['mediation.judicialConfirmationApplication', 30, 'CAL', '第三十三条第一款'],
    ['corrections.offenderReport', 10, 'CAL', '第二十一条第一款'],
    ['majorDecision.legalityReview', 7, 'WD', '第二十六条第二款'],
    ['disclosure.reply', 20, 'WD', '第三十三条第二款'],
  ] as const)('%s = %i %s, %s', (id, length, unit, article) => {
    expect(getRule(id)).toMatchObject({ length, unit, article });
  });

  it('marks unverified rules', () => {
    expect(getRule('normativeDocument.legalityReview')).toMatchObject({ unverified: true, length: 15, minLength: 5, unit: 'WD' });
    expect(getRule('reconsideration.redoAfterRevocation').unverified).toBe(true);
    expect(getRule('reconsideration.acceptanceReview').unverified).toBeUndefined();
  });

  it('getRule / getMonthRule throw NOT_FOUND for unknown ids; findRule returns undefined', () => {
    expect(() => getRule('nope')).toThrowError(AppError);
    expect(() => getMonthRule('nope')).toThrowError(AppError);
    expect(findRule('nope')).toBeUndefined();
  });

  it('formats citations', () => {
    expect(ruleCitation(getRule('reconsideration.acceptanceReview'))).toBe('《中华人民共和国行政复议法》第三十条');
    expect(ruleCitation(getRule('majorDecision.publicComment'))).toBe('《重大行政决策程序暂行条例》（国务院令第713号）第十五条');
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s computes with a cited first step', (_id, r) => {
    // an hour rule needs the start instant (other rules ignore it)
    const res = computeDeadline(cal, r, { start: '2025-03-14', startAt: '2025-03-14T10:20:00+08:00' });
    expect(res.rule).toBe(r);
    expect(res.steps[0]?.code).toBe('RULE');
    expect(res.steps[0]?.text.startsWith(`依据${ruleCitation(r)}，${r.title}${r.event ? '应于' : '为'}`)).toBe(true);
    if (r.unverified) expect(res.steps[0]?.text).toContain('尚待核实');
    expect(res.steps.length).toBeLessThanOrEqual(10);
  });

  it.each(MONTH_RULES.map((r) => [r.id, r] as const))('%s (months) computes with flag', (_id, r) => {
    const res = computeMonthDeadline(cal, r, { start: '2025-03-14', onUnpublished: 'flag' });
    expect(res.steps[0]?.text.startsWith(`依据${ruleCitation(r)}`)).toBe(true);
  });
});
