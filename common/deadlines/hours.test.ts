import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../calendar';
import { HOUR_MS, addHours, beijingDateOf, beijingDayStart, computeDeadline, describeRule, dueDateOfInstant, getRule, parseInstant } from './index';
import { errorCode } from './testing';

const cal = createOfficialCalendar();

describe('addHours (民事诉讼法 Art. 85 ¶2: the start hour is not counted)', () => {
  it.each([
    // start 14:23 Beijing → counted from 15:00 → 48 h later
    ['2026-11-27T14:23:00+08:00', 48, '2026-11-29T07:00:00.000Z', '2026-11-29'],
    // the same instant written in UTC
    ['2026-11-27T06:23:00Z', 48, '2026-11-29T07:00:00.000Z', '2026-11-29'],
    // exactly on the hour: that hour is the start hour, not counted
    ['2026-11-27T14:00:00+08:00', 24, '2026-11-28T07:00:00.000Z', '2026-11-28'],
    // ends at 00:00 Beijing: the period's last day is the day before (24:00)
    ['2026-11-27T23:05:00+08:00', 24, '2026-11-28T16:00:00.000Z', '2026-11-28'],
    // runs through the 2025 National Day holiday without rolling forward
    ['2025-09-30T10:15:00+08:00', 48, '2025-10-02T03:00:00.000Z', '2025-10-02'],
  ] as const)('%s + %i h = %s (last day %s)', (from, hours, dueAt, due) => {
    const r = addHours({ fromInstant: from, hours });
    expect(r.dueAt).toBe(dueAt);
    expect(r.due).toBe(due);
    expect(r.flags).toEqual([]);
  });

  it('explains in zh-CN with Beijing times and the citations', () => {
    const r = addHours({ fromInstant: '2026-11-27T14:23:00+08:00', hours: 48 });
    expect(r.steps.map((s) => s.code)).toEqual(['START', 'COUNT', 'DUE']);
    expect(r.steps[0]?.text).toBe('起算时刻 2026-11-27 14:23（北京时间），开始的时不计入期间，自 2026-11-27 15:00 起算（《中华人民共和国民事诉讼法》第八十五条第二款、《中华人民共和国民法典》第二百条、第二百零一条第二款）');
    expect(r.steps[1]?.text).toContain('按小时计算 48 小时');
    expect(r.steps[1]?.text).toContain('不顺延');
    expect(r.steps[2]?.text).toBe('期限届满时刻为 2026-11-29 15:00（北京时间）');
    expect(addHours({ fromInstant: '2026-11-27T14:23:00+08:00', hours: 48, explain: false }).steps).toEqual([]);
  });

  it('rejects instants without a zone, impossible dates and bad lengths', () => {
    expect(errorCode(() => addHours({ fromInstant: '2026-11-27T14:23:00', hours: 24 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(() => addHours({ fromInstant: '2026-02-30T10:00:00+08:00', hours: 24 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(() => addHours({ fromInstant: '2026-11-27', hours: 24 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(() => addHours({ fromInstant: '2026-11-27T10:00:00Z', hours: -1 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(() => addHours({ fromInstant: '2026-11-27T10:00:00Z', hours: 1.5 }))).toBe('VALIDATION_FAILED');
    expect(parseInstant('2026-11-27T24:00:00Z')).toBeNull();
  });
});

describe('beijingDayStart (the inverse of beijingDateOf)', () => {
  it('gives the UTC instant at which a Beijing day begins, and a day later with plusDays', () => {
    expect(beijingDayStart('2026-11-28')).toBe('2026-11-27T16:00:00.000Z');
    expect(beijingDayStart('2026-11-28', 1)).toBe('2026-11-28T16:00:00.000Z');
    expect(beijingDayStart('2025-01-01')).toBe('2024-12-31T16:00:00.000Z');
  });
  it('property: the instant lies on that Beijing day and the instant before it on the day before', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
        const day = beijingDateOf(ms);
        const start = Date.parse(beijingDayStart(day));
        expect(beijingDateOf(start)).toBe(day);
        expect(beijingDateOf(start - 1)).not.toBe(day);
        expect(start <= ms && ms < Date.parse(beijingDayStart(day, 1))).toBe(true);
      }),
    );
  });
});

describe('addHours properties', () => {
  // instants 2000–2060, with millisecond precision
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) });
  const hours = fc.integer({ min: 0, max: 2000 });
  const iso = (ms: number) => new Date(ms).toISOString();
  const beijing = (ms: number) => `${new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 23)}+08:00`;

  it('the due instant is a full hour, more than N and at most N + 1 hours after the start', () => {
    fc.assert(
      fc.property(instant, hours, (t, n) => {
        const due = Date.parse(addHours({ fromInstant: iso(t), hours: n, explain: false }).dueAt);
        expect(due % HOUR_MS).toBe(0);
        expect(due - t).toBeGreaterThan(n * HOUR_MS);
        expect(due - t).toBeLessThanOrEqual((n + 1) * HOUR_MS);
      }),
    );
  });

  it('does not depend on the zone the start is written in (UTC or +08:00)', () => {
    fc.assert(
      fc.property(instant, hours, (t, n) => {
        expect(addHours({ fromInstant: beijing(t), hours: n }).dueAt).toBe(addHours({ fromInstant: iso(t), hours: n }).dueAt);
      }),
    );
  });

  it('is additive and monotonic', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 5 * HOUR_MS }), hours, hours, (t, dt, n, m) => {
        const a = Date.parse(addHours({ fromInstant: iso(t), hours: n, explain: false }).dueAt);
        expect(Date.parse(addHours({ fromInstant: iso(t), hours: n + m, explain: false }).dueAt)).toBe(a + m * HOUR_MS);
        expect(Date.parse(addHours({ fromInstant: iso(t + dt), hours: n, explain: false }).dueAt)).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it('the due date is the Beijing date of the last instant inside the period', () => {
    fc.assert(
      fc.property(instant, hours, (t, n) => {
        const r = addHours({ fromInstant: iso(t), hours: n, explain: false });
        const due = Date.parse(r.dueAt);
        expect(r.due).toBe(dueDateOfInstant(due));
        expect(r.due).toBe(beijingDateOf(due - 1));
        expect(r.due >= beijingDateOf(t)).toBe(true);
      }),
    );
  });
});

describe('hour rules through computeDeadline', () => {
  it('C7: 社区矫正法 Art. 47 ¶2, 48 hours, with the rule cited first', () => {
    const rule = getRule('corrections.arrestDecision');
    expect(rule).toMatchObject({ ref: 'C7', unit: 'H', length: 48, article: '第四十七条第二款' });
    const r = computeDeadline(cal, rule, { start: '2026-11-27', startAt: '2026-11-27T14:23:00+08:00' });
    expect(r.dueAt).toBe('2026-11-29T07:00:00.000Z');
    expect(r.due).toBe('2026-11-29');
    expect(r.steps[0]).toEqual({ code: 'RULE', text: '依据《中华人民共和国社区矫正法》第四十七条第二款，人民法院作出是否逮捕决定期限为 48 小时', citation: '《中华人民共和国社区矫正法》第四十七条第二款' });
    expect(r.steps.map((s) => s.code)).toEqual(['RULE', 'START', 'COUNT', 'DUE']);
  });

  it('L1: 法律援助法 Art. 39, 24 hours', () => {
    const rule = getRule('legalAid.detaineeForwarding');
    expect(describeRule(rule)).toBe('依据《中华人民共和国法律援助法》第三十九条，办案机关、监管场所或者值班律师转交法律援助申请期限为 24 小时');
    expect(computeDeadline(cal, rule, { start: '2026-11-27', startAt: '2026-11-27T09:40:00+08:00', explain: false }).dueAt).toBe('2026-11-28T02:00:00.000Z');
  });

  it('needs the start instant; refuses pauses and extensions', () => {
    const rule = getRule('corrections.arrestDecision');
    expect(errorCode(() => computeDeadline(cal, rule, { start: '2026-11-27' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(() => computeDeadline(cal, rule, { start: '2026-11-27', startAt: '2026-11-27T09:00:00Z', pauses: [{ from: '2026-11-28', to: '2026-11-28', reason: 'x' }] }))).toBe('VALIDATION_FAILED');
    expect(errorCode(() => computeDeadline(cal, rule, { start: '2026-11-27', startAt: '2026-11-27T09:00:00Z', extensions: [{ length: 1, unit: 'CAL', reason: 'x' }] }))).toBe('VALIDATION_FAILED');
  });

  it('C8 (Art. 44) is an event: due on the end of term, or the next working day', () => {
    const rule = getRule('corrections.termEnd');
    expect(computeDeadline(cal, rule, { start: '2025-09-30', explain: false }).due).toBe('2025-09-30');
    const r = computeDeadline(cal, rule, { start: '2025-10-01' });
    expect(r.due).toBe('2025-10-09');
    expect(r.steps[0]?.text).toBe('依据《中华人民共和国社区矫正法》第四十四条，矫正期满发放解除社区矫正证明书并通知应于社区矫正期满之日办理（遇休息日或法定休假日顺延至其后第一个工作日）');
  });
});
