import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOfficialCalendar, formatDate, parseDate, yearOf } from '../calendar';
import { AppError } from '../errors';
import { addPeriod } from './index';
import type { AddPeriodInput, PeriodResult, Unit } from './types';
import { errorCode } from './testing';

const cal = createOfficialCalendar();
const PUBLISHED = new Set([2024, 2025, 2026]);

const due = (input: AddPeriodInput) => addPeriod(cal, { explain: false, ...input }).due;

describe('worked examples (law-rules.md §11.4)', () => {
  it.each([
    ['2025-09-26', 5, 'WD', '2025-10-10', '09-28 Sun works; holiday 10-01..08'],
    ['2026-02-12', 3, 'WD', '2026-02-24', '02-14 Sat works; holiday 02-15..23'],
    ['2025-08-02', 60, 'CAL', '2025-10-09', 'raw end 10-01 is a holiday → next working day'],
  ] as const)('%s + %i %s = %s (%s)', (from, length, unit, expected, _why) => {
    expect(due({ from, length, unit })).toBe(expected);
    expect(addPeriod(cal, { from, length, unit }).due).toBe(expected);
  });

  it('WD(2026-12-28, 5) runs into unpublished 2027: throws by default', () => {
    expect(errorCode(() => addPeriod(cal, { from: '2026-12-28', length: 5, unit: 'WD' }))).toBe('CALENDAR_YEAR_UNPUBLISHED');
    try {
      addPeriod(cal, { from: '2026-12-28', length: 5, unit: 'WD', onUnpublished: 'throw' });
    } catch (e) {
      expect((e as AppError).details).toEqual({ year: 2027 });
      expect((e as AppError).status).toBe(422);
    }
  });

  it("WD(2026-12-28, 5) with 'flag' assumes Mon–Fri for 2027 and says so", () => {
    const r = addPeriod(cal, { from: '2026-12-28', length: 5, unit: 'WD', onUnpublished: 'flag' });
    expect(r.due).toBe('2027-01-04');
    expect(r.flags).toEqual(['CALENDAR_YEAR_UNPUBLISHED']);
    expect(r.unpublishedYears).toEqual([2027]);
    expect(r.steps.find((s) => s.code === 'UNPUBLISHED')?.text).toContain('2027 年的节假日安排尚未公布');
    expect(r.steps.at(-1)?.text).toContain('（暂定）');
  });
});

describe('table: more cases', () => {
  it.each([
    // CAL ending on an adjusted working Saturday: no roll (the 调休上班 day is a working day)
    ['2025-10-01', 10, 'CAL', '2025-10-11'],
    // CAL ending on an ordinary Saturday → Monday
    ['2025-06-01', 13, 'CAL', '2025-06-16'],
    // CAL ending on a weekend day inside a holiday → first working day after the holiday
    ['2025-05-01', 3, 'CAL', '2025-05-06'],
    // start inside a holiday
    ['2025-10-03', 1, 'WD', '2025-10-09'],
    ['2025-10-03', 1, 'CAL', '2025-10-09'],
    // start on an adjusted working day
    ['2025-09-28', 1, 'WD', '2025-09-29'],
    // length 0: the start day itself if it is a working day, else the next working day
    ['2025-09-26', 0, 'WD', '2025-09-26'],
    ['2025-10-01', 0, 'WD', '2025-10-09'],
    ['2025-10-01', 0, 'CAL', '2025-10-09'],
    // across a year boundary between two published years
    ['2024-12-30', 3, 'WD', '2025-01-03'],
    ['2024-12-20', 15, 'CAL', '2025-01-06'],
    // 2024: 春节 with two working Sundays
    ['2024-02-02', 2, 'WD', '2024-02-05'],
    ['2024-02-08', 2, 'WD', '2024-02-18'],
    // long periods
    ['2025-01-01', 248, 'WD', '2025-12-31'],
    ['2024-03-15', 90, 'CAL', '2024-06-13'],
  ] as const)('%s + %i %s = %s', (from, length, unit, expected) => {
    expect(due({ from, length, unit })).toBe(expected);
  });

  it.each([
    [{ from: '2025-02-30', length: 5, unit: 'WD' }, 'CALENDAR_DATE_INVALID'],
    [{ from: '2025-9-26', length: 5, unit: 'WD' }, 'CALENDAR_DATE_INVALID'],
    [{ from: '2025-09-26', length: -1, unit: 'WD' }, 'VALIDATION_FAILED'],
    [{ from: '2025-09-26', length: 1.5, unit: 'CAL' }, 'VALIDATION_FAILED'],
    [{ from: '2025-09-26', length: 5, unit: 'DAYS' }, 'VALIDATION_FAILED'],
    [{ from: '2025-09-26', length: 5, unit: 'WD', pauses: [{ from: '2025-09-27', reason: '中止' }] }, 'VALIDATION_FAILED'],
    [{ from: '2025-09-26', length: 5, unit: 'WD', pauses: [{ from: '2025-09-27', to: '2025-09-26', reason: '中止' }] }, 'VALIDATION_FAILED'],
    [{ from: '2025-09-26', length: 5, unit: 'WD', direction: 'before', pauses: [{ from: '2025-09-20', to: '2025-09-21', reason: 'x' }] }, 'VALIDATION_FAILED'],
    [{ from: '2025-09-26', length: 5, unit: 'WD', extensions: [{ length: -3, unit: 'WD', reason: 'x' }] }, 'VALIDATION_FAILED'],
    [{ from: '2023-12-25', length: 5, unit: 'WD' }, 'CALENDAR_YEAR_UNPUBLISHED'],
    [{ from: '2026-12-01', length: 40, unit: 'CAL' }, 'CALENDAR_YEAR_UNPUBLISHED'],
  ])('%j → %s', (input, code) => {
    expect(errorCode(() => addPeriod(cal, input as AddPeriodInput))).toBe(code);
  });
});

describe('explanation steps', () => {
  it('WD example: start excluded, holidays skipped, 调休 counted, Nth working day', () => {
    const r = addPeriod(cal, { from: '2025-09-26', length: 5, unit: 'WD' });
    expect(r.steps.map((s) => s.code)).toEqual(['START', 'COUNT', 'DUE']);
    expect(r.steps[0]?.text).toBe(
      '起算日 2025-09-26（星期五）不计入期间（《中华人民共和国民事诉讼法》第八十五条、《中华人民共和国民法典》第二百零一条）',
    );
    expect(r.steps[1]?.text).toContain('按工作日计算 5 日');
    expect(r.steps[1]?.text).toContain('跳过 2025-10-01 至 2025-10-08 国庆节、中秋节假期');
    expect(r.steps[1]?.text).toContain('2025-09-28（星期日）为调休上班日，计入');
    expect(r.steps[2]?.text).toBe('第 5 个工作日为 2025-10-10（星期五），即期限届满日');
  });

  it('a due date on a weekend made a working day says so (调休上班日), in calendar and in working days', () => {
    // 2025-01-26 (Sunday) is a 春节 make-up working day
    const cal10 = addPeriod(cal, { from: '2025-01-16', length: 10, unit: 'CAL' });
    expect(cal10.due).toBe('2025-01-26');
    expect(cal10.steps.at(-1)?.text).toBe('期限届满日为 2025-01-26（星期日）（该日为调休上班日，不是休假日，不顺延）');
    const wd = addPeriod(cal, { from: '2025-01-24', length: 1, unit: 'WD' });
    expect(wd.due).toBe('2025-01-26');
    expect(wd.steps.at(-1)?.text).toBe('第 1 个工作日为 2025-01-26（星期日），即期限届满日（该日为调休上班日）');
    // an ordinary weekday has no such note
    expect(addPeriod(cal, { from: '2025-01-16', length: 11, unit: 'CAL' }).steps.at(-1)?.text).toBe('期限届满日为 2025-01-27（星期一）');
  });

  it('CAL example: roll-forward cites 民事诉讼法 Art. 85 and 民法典 Art. 203', () => {
    const r = addPeriod(cal, { from: '2025-08-02', length: 60, unit: 'CAL' });
    expect(r.rawEnd).toBe('2025-10-01');
    expect(r.steps.map((s) => s.code)).toEqual(['START', 'COUNT', 'ROLL', 'DUE']);
    expect(r.steps[1]?.text).toBe('按自然日计算 60 日：自 2025-08-03 起算，第 60 日为 2025-10-01（星期三）');
    expect(r.steps[2]?.text).toBe(
      '期间届满日 2025-10-01 为法定休假日（国庆节、中秋节），顺延至 2025-10-09（民事诉讼法第八十五条、民法典第二百零三条）',
    );
    expect(r.steps[3]?.text).toBe('期限届满日为 2025-10-09（星期四）');
  });

  it('weekend roll-forward names the weekday', () => {
    const r = addPeriod(cal, { from: '2025-06-01', length: 13, unit: 'CAL' });
    expect(r.steps.find((s) => s.code === 'ROLL')?.text).toBe(
      '期间届满日 2025-06-14 为星期六（休息日），顺延至 2025-06-16（民事诉讼法第八十五条、民法典第二百零三条）',
    );
  });

  it('explain:false does no string work', () => {
    expect(addPeriod(cal, { from: '2025-08-02', length: 60, unit: 'CAL', explain: false }).steps).toEqual([]);
  });

  it('stays short (≤ 10 steps) even for 60-day periods with pauses and extensions', () => {
    const r = addPeriod(cal, {
      from: '2025-01-02',
      length: 60,
      unit: 'WD',
      pauses: [
        { from: '2025-01-10', to: '2025-01-12', reason: '中止' },
        { from: '2025-02-10', to: '2025-02-12', reason: '中止' },
        { from: '2025-03-03', to: '2025-03-04', reason: '中止' },
        { from: '2025-03-10', to: '2025-03-11', reason: '中止' },
      ],
      extensions: [{ length: 20, unit: 'WD', reason: '经负责人同意延长', article: '政府信息公开条例第三十三条第二款' }],
    });
    expect(r.steps.length).toBeLessThanOrEqual(10);
    expect(r.steps.filter((s) => s.code === 'PAUSE')).toHaveLength(4); // 3 in detail + 1 summary
  });
});

describe('pauses', () => {
  it('a closed pause inside a CAL period moves the raw end by its length', () => {
    const r = addPeriod(cal, {
      from: '2025-08-02', length: 60, unit: 'CAL',
      pauses: [{ from: '2025-08-10', to: '2025-08-19', reason: '申请人因不可抗力不能参加行政复议', article: '行政复议法第三十九条第一款第五项' }],
    });
    expect(r.rawEnd).toBe('2025-10-11'); // 10-01 + 10 days; 10-11 is an adjusted working Saturday
    expect(r.due).toBe('2025-10-11');
    expect(r.pausedDays).toBe(10);
    expect(r.steps.find((s) => s.code === 'PAUSE')?.text).toBe(
      '2025-08-10 至 2025-08-19 中止，共 10 日不计入期间（申请人因不可抗力不能参加行政复议，行政复议法第三十九条第一款第五项）',
    );
  });

  it('paused days are not counted in WD either', () => {
    // 09-28 (1) | 09-29, 09-30 paused | holiday | 10-09 (2) 10-10 (3) 10-11 Sat 调休 (4) 10-13 (5)
    const r = addPeriod(cal, { from: '2025-09-26', length: 5, unit: 'WD', pauses: [{ from: '2025-09-29', to: '2025-09-30', reason: '补正' }] });
    expect(r.due).toBe('2025-10-13');
  });

  it('an open pause runs to asOf inclusive and raises PAUSED', () => {
    const r = addPeriod(cal, { from: '2025-03-03', length: 30, unit: 'CAL', pauses: [{ from: '2025-03-10', to: null, reason: '中止' }], asOf: '2025-03-19' });
    expect(r.pausedDays).toBe(10);
    expect(r.rawEnd).toBe('2025-04-12');
    expect(r.due).toBe('2025-04-14');
    expect(r.flags).toEqual(['PAUSED']);
    expect(r.steps.at(-1)?.text).toContain('期限届满日暂为');
  });

  it('overlapping pauses are merged, pauses before the start only count after it, pauses after the end are ignored', () => {
    const r = addPeriod(cal, {
      from: '2025-03-03', length: 30, unit: 'CAL',
      pauses: [
        { from: '2025-02-25', to: '2025-03-05', reason: 'a' }, // 2 days after the start (03-04, 03-05)
        { from: '2025-03-10', to: '2025-03-15', reason: 'b' },
        { from: '2025-03-12', to: '2025-03-19', reason: 'c' }, // merged with b → 03-10..03-19 = 10 days
        { from: '2025-06-01', to: '2025-06-30', reason: 'd' }, // after the end
      ],
    });
    expect(r.pausedDays).toBe(12);
    expect(r.rawEnd).toBe(formatDate(parseDate('2025-04-02') + 12));
  });

  it('a pause may start on the day after the raw end without effect', () => {
    const base = addPeriod(cal, { from: '2025-03-03', length: 30, unit: 'CAL', explain: false });
    const r = addPeriod(cal, { from: '2025-03-03', length: 30, unit: 'CAL', explain: false, pauses: [{ from: formatDate(parseDate(base.rawEnd) + 1), to: '2025-12-31', reason: 'x' }] });
    expect(r.rawEnd).toBe(base.rawEnd);
  });
});

describe('extensions', () => {
  it('are counted from the raw (unrolled) end; the roll-forward happens once at the end', () => {
    // base raw end 2025-10-01 (holiday, would roll to 10-09); +30 CAL from 10-01 → 10-31
    const r = addPeriod(cal, { from: '2025-08-02', length: 60, unit: 'CAL', extensions: [{ length: 30, unit: 'CAL', reason: '情况复杂', approvedOn: '2025-09-20', article: '行政复议法第六十二条第一款' }] });
    expect(r.due).toBe('2025-10-31');
    expect(r.steps.find((s) => s.code === 'EXTENSION')?.text).toBe(
      '经批准延长 30 日（自然日）（情况复杂，行政复议法第六十二条第一款，2025-09-20 批准）：自原届满日 2025-10-01 的次日起算，第 30 日为 2025-10-31（星期五）',
    );
  });

  it('in their own unit: a WD extension after a CAL period', () => {
    // raw end 2025-10-01, then 2 working days: 10-09, 10-10
    expect(due({ from: '2025-08-02', length: 60, unit: 'CAL', extensions: [{ length: 2, unit: 'WD', reason: 'x' }] })).toBe('2025-10-10');
  });
});

describe('backward counting', () => {
  it('WD before: the Nth working day before the base day', () => {
    expect(due({ from: '2025-10-10', length: 5, unit: 'WD', direction: 'before' })).toBe('2025-09-26');
    expect(due({ from: '2026-02-24', length: 3, unit: 'WD', direction: 'before' })).toBe('2026-02-12');
  });
  it('CAL before: rolls back to the previous working day', () => {
    expect(due({ from: '2025-10-08', length: 7, unit: 'CAL', direction: 'before' })).toBe('2025-09-30');
  });
});

// ── property tests ─────────────────────────────────────────────────────────────────────────────
const day = (a: string, b: string) => fc.integer({ min: parseDate(a), max: parseDate(b) });
const inPublished = day('2024-01-01', '2026-06-30');

describe('properties', () => {
  it('WD: due is a working day strictly after the start, with exactly n working days in (start, due]', () => {
    fc.assert(
      fc.property(inPublished, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const d = parseDate(due({ from: formatDate(from), length: n, unit: 'WD' }));
        expect(d).toBeGreaterThan(from);
        expect(cal.isWorkday(d)).toBe(true);
        expect(cal.countWorkdays(from + 1, d)).toBe(n);
      }),
    );
  });

  it('WD(n+1) > WD(n) for n ≥ 1; WD(1) ≥ WD(0) (equal when the start day is a rest day)', () => {
    fc.assert(
      fc.property(inPublished, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const f = formatDate(from);
        expect(due({ from: f, length: n + 1, unit: 'WD' }) > due({ from: f, length: n, unit: 'WD' })).toBe(true);
        const wd0 = due({ from: f, length: 0, unit: 'WD' });
        const wd1 = due({ from: f, length: 1, unit: 'WD' });
        expect(cal.isWorkday(from) ? wd1 > wd0 : wd1 === wd0).toBe(true);
      }),
    );
  });

  it('CAL: due ≥ from + n, is a working day, and every day in [from + n, due) is a rest day', () => {
    fc.assert(
      fc.property(inPublished, fc.integer({ min: 0, max: 90 }), (from, n) => {
        const d = parseDate(due({ from: formatDate(from), length: n, unit: 'CAL' }));
        expect(d).toBeGreaterThanOrEqual(from + n);
        expect(cal.isWorkday(d)).toBe(true);
        for (let x = from + n; x < d; x++) expect(cal.isWorkday(x)).toBe(false);
      }),
    );
  });

  it('a pause of k days inside a CAL period pushes the raw end by exactly k days', () => {
    fc.assert(
      fc.property(inPublished, fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 40 }), (from, n, s, k) => {
        fc.pre(s <= n); // the pause starts on or before the unpaused raw end
        const f = formatDate(from);
        const base = addPeriod(cal, { from: f, length: n, unit: 'CAL', explain: false });
        const paused = addPeriod(cal, {
          from: f, length: n, unit: 'CAL', explain: false,
          pauses: [{ from: formatDate(from + s), to: formatDate(from + s + k - 1), reason: '中止' }],
        });
        expect(parseDate(paused.rawEnd) - parseDate(base.rawEnd)).toBe(k);
      }),
    );
  });

  it('extensions are additive: n + m (same unit) equals a single period of n + m', () => {
    fc.assert(
      fc.property(inPublished, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom<Unit>('WD', 'CAL'), (from, n, m, unit) => {
        const f = formatDate(from);
        const ext = addPeriod(cal, { from: f, length: n, unit, extensions: [{ length: m, unit, reason: 'x' }], explain: false });
        const one = addPeriod(cal, { from: f, length: n + m, unit, explain: false });
        expect(ext.rawEnd).toBe(one.rawEnd);
        expect(ext.due).toBe(one.due);
      }),
    );
  });

  it('agrees with a naive day-by-day reference implementation', () => {
    const ref = (from: number, n: number, unit: Unit, pause: [number, number] | null) => {
      const paused = (d: number) => pause !== null && d >= pause[0] && d <= pause[1];
      let d = from;
      let k = 0;
      while (k < n) {
        d++;
        if (paused(d)) continue;
        if (unit === 'CAL' || cal.isWorkday(d)) k++;
      }
      while (paused(d) || !cal.isWorkday(d)) d++;
      return formatDate(d);
    };
    fc.assert(
      fc.property(inPublished, fc.integer({ min: 0, max: 60 }), fc.constantFrom<Unit>('WD', 'CAL'), fc.option(fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: 0, max: 20 }))), (from, n, unit, p) => {
        const pause: [number, number] | null = p ? [from + p[0], from + p[0] + p[1]] : null;
        const r = addPeriod(cal, {
          from: formatDate(from), length: n, unit,
          pauses: pause ? [{ from: formatDate(pause[0]), to: formatDate(pause[1]), reason: 'x' }] : [],
        });
        expect(r.due).toBe(ref(from, n, unit, pause));
      }),
      { numRuns: 500 },
    );
  });

  it('explain true/false give the same result apart from the steps', () => {
    fc.assert(
      fc.property(inPublished, fc.integer({ min: 0, max: 60 }), fc.constantFrom<Unit>('WD', 'CAL'), (from, n, unit) => {
        const a = addPeriod(cal, { from: formatDate(from), length: n, unit });
        const b = addPeriod(cal, { from: formatDate(from), length: n, unit, explain: false });
        expect({ ...a, steps: [] }).toEqual(b);
        expect(a.steps.at(-1)?.date).toBe(a.due);
      }),
    );
  });

  it('never returns a date in an unpublished year without the flag; throw mode never returns one at all', () => {
    fc.assert(
      fc.property(day('2022-06-01', '2027-06-30'), fc.integer({ min: 0, max: 400 }), fc.constantFrom<Unit>('WD', 'CAL'), (from, n, unit) => {
        const input = { from: formatDate(from), length: n, unit, explain: false };
        const flagged: PeriodResult = addPeriod(cal, { ...input, onUnpublished: 'flag' });
        const y = yearOf(parseDate(flagged.due));
        if (!PUBLISHED.has(y)) {
          expect(flagged.flags).toContain('CALENDAR_YEAR_UNPUBLISHED');
          expect(flagged.unpublishedYears).toContain(y);
        }
        expect(flagged.flags.includes('CALENDAR_YEAR_UNPUBLISHED')).toBe(flagged.unpublishedYears.length > 0);
        let thrown: string | undefined;
        let r: PeriodResult | undefined;
        try {
          r = addPeriod(cal, input);
        } catch (e) {
          thrown = (e as AppError).code;
        }
        if (r) {
          expect(PUBLISHED.has(yearOf(parseDate(r.due)))).toBe(true);
          expect(r.due).toBe(flagged.due);
          expect(flagged.flags).toEqual([]); // nothing unpublished was touched
        } else {
          expect(thrown).toBe('CALENDAR_YEAR_UNPUBLISHED');
          expect(flagged.flags).toEqual(['CALENDAR_YEAR_UNPUBLISHED']);
        }
      }),
      { numRuns: 500 },
    );
  });
});
