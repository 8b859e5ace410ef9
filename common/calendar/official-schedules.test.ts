import { describe, expect, it } from 'vitest';
import { parseDate, weekdayOf } from './dates';
import { OFFICIAL_SCHEDULES, SCHEDULE_2024, SCHEDULE_2025, SCHEDULE_2026 } from './official-schedules';
import { validateYearSchedule } from './validate-schedule';
import { WorkCalendar } from './work-calendar';

/**
 * Independent copy of the keys of chinese-days@1.5.7 dist/years/{2024,2025,2026}.json (MIT), used only to
 * cross-check the vendored data: `holidays` = days off, `workdays` = adjusted working days.
 */
const CHINESE_DAYS_1_5_7: Record<number, { off: string; work: string }> = {
  2024: {
    off: '01-01 02-10 02-11 02-12 02-13 02-14 02-15 02-16 02-17 04-04 04-05 04-06 05-01 05-02 05-03 05-04 05-05 06-10 09-15 09-16 09-17 10-01 10-02 10-03 10-04 10-05 10-06 10-07',
    work: '02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12',
  },
  2025: {
    off: '01-01 01-28 01-29 01-30 01-31 02-01 02-02 02-03 02-04 04-04 04-05 04-06 05-01 05-02 05-03 05-04 05-05 05-31 06-01 06-02 10-01 10-02 10-03 10-04 10-05 10-06 10-07 10-08',
    work: '01-26 02-08 04-27 09-28 10-11',
  },
  2026: {
    off: '01-01 01-02 01-03 02-15 02-16 02-17 02-18 02-19 02-20 02-21 02-22 02-23 04-04 04-05 04-06 05-01 05-02 05-03 05-04 05-05 06-19 06-20 06-21 09-25 09-26 09-27 10-01 10-02 10-03 10-04 10-05 10-06 10-07',
    work: '01-04 02-14 02-28 05-09 09-20 10-10',
  },
};

describe('official schedules', () => {
  it.each(OFFICIAL_SCHEDULES.map((s) => [s.year, s] as const))('%i matches chinese-days@1.5.7', (year, s) => {
    const ref = CHINESE_DAYS_1_5_7[year];
    expect(ref).toBeDefined();
    const off = s.days.filter((d) => d.kind === 'off').map((d) => d.date).sort();
    const work = s.days.filter((d) => d.kind === 'work').map((d) => d.date).sort();
    expect(off).toEqual(ref!.off.split(' ').map((md) => `${year}-${md}`));
    expect(work).toEqual(ref!.work.split(' ').map((md) => `${year}-${md}`));
  });

  it.each(OFFICIAL_SCHEDULES.map((s) => [s.year, s] as const))('%i is internally consistent', (_y, s) => {
    expect(validateYearSchedule(s)).toEqual([]);
    for (const d of s.days) {
      expect(d.date.startsWith(String(s.year))).toBe(true);
      if (d.kind === 'work') expect(weekdayOf(parseDate(d.date))).toBeGreaterThanOrEqual(6);
    }
  });

  // law-rules.md §11.3 “Computed from these tables: 2025 and 2026 each have 248 working days”; 2024 computed.
  it.each([
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i has %i working days', (year, n) => {
    const cal = new WorkCalendar(OFFICIAL_SCHEDULES);
    expect(cal.countWorkdays(`${year}-01-01`, `${year}-12-31`)).toBe(n);
  });

  it('metadata: document numbers and verification status', () => {
    expect(SCHEDULE_2024).toMatchObject({ docNo: '国办发明电〔2023〕7号', docNoVerified: true, publishedOn: '2023-10-25' });
    expect(SCHEDULE_2025).toMatchObject({ docNo: '国办发明电〔2024〕12号', docNoVerified: true, publishedOn: '2024-11-12' });
    expect(SCHEDULE_2026).toMatchObject({ docNo: null, docNoVerified: false, publishedOn: '2025-11-04' });
    for (const s of OFFICIAL_SCHEDULES) expect(s.notice).toBe(`国务院办公厅关于${s.year}年部分节假日安排的通知`);
  });

  // Holiday ranges as announced (law-rules.md §11.2, §11.3; 国办发明电〔2023〕7号 for 2024).
  it.each([
    ['2024-02-10', '2024-02-17', '春节'],
    ['2024-10-01', '2024-10-07', '国庆节'],
    ['2025-01-28', '2025-02-04', '春节'],
    ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
    ['2026-02-15', '2026-02-23', '春节'],
    ['2026-01-01', '2026-01-03', '元旦'],
  ])('%s – %s is %s', (a, b, name) => {
    const cal = new WorkCalendar(OFFICIAL_SCHEDULES);
    for (let d = parseDate(a); d <= parseDate(b); d++) {
      const info = cal.dayInfo(d);
      expect(info).toMatchObject({ kind: 'off', workday: false, holiday: name, published: true });
    }
  });
});
