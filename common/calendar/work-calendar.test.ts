import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { formatDate, parseDate, weekdayOf, yearOf } from './dates';
import { createOfficialCalendar } from './index';
import { OFFICIAL_SCHEDULES, SCHEDULE_2025 } from './official-schedules';
import type { YearSchedule } from './types';
import { validateYearSchedule } from './validate-schedule';
import { DAY_UNPUBLISHED, WorkCalendar } from './work-calendar';

const cal = createOfficialCalendar();

function codeOfError(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not AppError';
  }
  return undefined;
}

describe('WorkCalendar.dayInfo', () => {
  it.each([
    ['2025-09-26', { weekday: 5, workday: true, kind: 'weekday', published: true }],
    ['2025-09-27', { weekday: 6, workday: false, kind: 'weekend', published: true }],
    ['2025-09-28', { weekday: 7, workday: true, kind: 'work', holiday: '国庆节、中秋节', published: true }],
    ['2025-10-01', { weekday: 3, workday: false, kind: 'off', holiday: '国庆节、中秋节', published: true }],
    ['2025-10-04', { weekday: 6, workday: false, kind: 'off', published: true }],
    ['2026-02-14', { weekday: 6, workday: true, kind: 'work', holiday: '春节' }],
    ['2024-05-11', { weekday: 6, workday: true, kind: 'work', holiday: '劳动节' }],
    ['2027-01-04', { weekday: 1, workday: true, kind: 'weekday', published: false }],
    ['2027-01-02', { weekday: 6, workday: false, kind: 'weekend', published: false }],
    ['2023-10-02', { workday: true, kind: 'weekday', published: false }],
  ] as const)('%s', (date, expected) => {
    expect(cal.dayInfo(date)).toMatchObject({ date, ...expected });
  });

  it('accepts a day number and omits holiday on ordinary days', () => {
    const info = cal.dayInfo(parseDate('2025-09-26'));
    expect(info.date).toBe('2025-09-26');
    expect('holiday' in info).toBe(false);
  });

  it('rejects a malformed date', () => {
    expect(codeOfError(() => cal.dayInfo('2025-02-30'))).toBe('CALENDAR_DATE_INVALID');
  });
});

describe('WorkCalendar publication', () => {
  it('knows which years are published', () => {
    expect(cal.publishedYears()).toEqual([2024, 2025, 2026]);
    expect(cal.isPublished(2025)).toBe(true);
    expect(cal.isPublished(2027)).toBe(false);
    expect(cal.isPublished(2023)).toBe(false);
    expect(cal.schedule(2025)?.docNo).toBe('国办发明电〔2024〕12号');
  });

  it('flags days of unpublished years, also in a gap between published years', () => {
    const gap = new WorkCalendar([OFFICIAL_SCHEDULES[0]!, OFFICIAL_SCHEDULES[2]!]); // 2024 and 2026
    expect(gap.isDayPublished(parseDate('2025-06-03'))).toBe(false);
    expect(gap.codeOf(parseDate('2025-06-03')) & DAY_UNPUBLISHED).toBe(DAY_UNPUBLISHED);
    expect(gap.isDayPublished(parseDate('2026-06-03'))).toBe(true);
  });

  it('an empty calendar publishes nothing', () => {
    const empty = new WorkCalendar([]);
    expect(empty.isPublished(2025)).toBe(false);
    expect(empty.dayInfo('2025-10-01')).toMatchObject({ published: false, kind: 'weekday' });
    expect(codeOfError(() => empty.nextWorkday('2025-10-01'))).toBe('CALENDAR_YEAR_UNPUBLISHED');
  });

  it('rejects conflicting or malformed data', () => {
    const bad: YearSchedule = { ...SCHEDULE_2025, days: [...SCHEDULE_2025.days, { date: '2025-10-01', kind: 'work', holiday: 'x' }] };
    expect(codeOfError(() => new WorkCalendar([bad]))).toBe('CALENDAR_DATE_INVALID');
    expect(codeOfError(() => new WorkCalendar([SCHEDULE_2025, SCHEDULE_2025]))).toBe('CALENDAR_DATE_INVALID');
    const malformed: YearSchedule = { ...SCHEDULE_2025, days: [{ date: '2025-02-30', kind: 'off', holiday: '春节' }] };
    expect(codeOfError(() => new WorkCalendar([malformed]))).toBe('CALENDAR_DATE_INVALID');
    expect(validateYearSchedule(malformed)).toEqual(['日期 2025-02-30 格式不正确，应为 YYYY-MM-DD']);
  });

  it('applies a day listed by a neighbouring year’s notice, without publishing that year', () => {
    const s: YearSchedule = {
      year: 2023, notice: '国务院办公厅关于2023年部分节假日安排的通知', docNo: null, docNoVerified: false, publishedOn: '2022-12-08',
      days: [{ date: '2022-12-31', kind: 'off', holiday: '元旦' }, { date: '2023-01-02', kind: 'off', holiday: '元旦' }],
    };
    const c = new WorkCalendar([s]);
    expect(c.dayInfo('2022-12-31')).toMatchObject({ kind: 'off', published: false });
    expect(c.dayInfo('2023-01-02')).toMatchObject({ kind: 'off', published: true, workday: false });
  });
});

describe('WorkCalendar.nextWorkday / countWorkdays', () => {
  it.each([
    ['2025-09-26', '2025-09-28'],
    ['2025-09-30', '2025-10-09'],
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'],
    ['2024-12-31', '2025-01-02'],
  ])('nextWorkday(%s) = %s', (d, next) => expect(cal.nextWorkday(d)).toBe(next));

  it('nextWorkday refuses to enter an unpublished year', () => {
    expect(codeOfError(() => cal.nextWorkday('2026-12-31'))).toBe('CALENDAR_YEAR_UNPUBLISHED');
  });

  it('countWorkdays refuses an unpublished range', () => {
    expect(codeOfError(() => cal.countWorkdays('2026-12-01', '2027-01-31'))).toBe('CALENDAR_YEAR_UNPUBLISHED');
  });
});

describe('WorkCalendar properties', () => {
  // Reference model: a plain Map of the schedule rows and Date#getUTCDay.
  const rows = new Map(OFFICIAL_SCHEDULES.flatMap((s) => s.days.map((d) => [d.date, d.kind] as const)));
  const model = (dn: number) => {
    const kind = rows.get(formatDate(dn));
    if (kind) return kind === 'work';
    const js = new Date(dn * 86_400_000).getUTCDay();
    return js !== 0 && js !== 6;
  };

  it('isWorkday agrees with the reference model; published iff the year has a schedule', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDate('2022-01-01'), max: parseDate('2028-12-31') }), (dn) => {
        expect(cal.isWorkday(dn)).toBe(model(dn));
        expect(cal.isDayPublished(dn)).toBe([2024, 2025, 2026].includes(yearOf(dn)));
        const info = cal.dayInfo(dn);
        expect(info.workday).toBe(model(dn));
        expect(info.weekday).toBe(weekdayOf(dn));
      }),
      { numRuns: 3000 },
    );
  });

  it('nextWorkday is the first working day strictly after the date', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDate('2024-01-01'), max: parseDate('2026-12-20') }), (dn) => {
        const next = parseDate(cal.nextWorkday(dn));
        expect(next).toBeGreaterThan(dn);
        expect(cal.isWorkday(next)).toBe(true);
        for (let d = dn + 1; d < next; d++) expect(cal.isWorkday(d)).toBe(false);
      }),
    );
  });
});
