/**
 * The State Council (国务院办公厅) holiday schedules, vendored as data.
 *
 * Legal basis: 《全国年节及纪念日放假办法》 (revised by State Council decision of 2024-11-10, in force 2025-01-01):
 * Art. 2 lists the holidays (13 days a year from 2025), Art. 6 moves a holiday falling on a weekend to a
 * working day, Art. 7 allows 统一放假调休. Each year's exact days off and 调休 working weekend days are set by
 * that year's 国务院办公厅关于 YYYY 年部分节假日安排的通知, reproduced below.
 *
 * Rows: every day of every holiday range (kind 'off', weekends included, so the range reads as in the
 * notice) and every 调休 working weekend day (kind 'work'). Any other date follows Monday–Friday.
 *
 * Sources and cross-checks (see also docs law-rules.md §11):
 * - 2024: 国办发明电〔2023〕7号, 2023-10-25 (gov.cn content_6911527; text checked against the 国务院公报 2023
 *   No. 31 copy on Wikisource and 人民日报 2023-10-26 p. 6). Rows taken from npm chinese-days@1.5.7
 *   dist/years/2024.json (MIT, © 2024 Yawei Sun; NOT a dependency) and match the notice text exactly.
 * - 2025: 国办发明电〔2024〕12号, 2024-11-12 (gov.cn content_6986383); law-rules.md §11.2; identical to
 *   chinese-days@1.5.7 except that chinese-days labels 2025-10-06 '中秋' and the other days '国庆节'; the
 *   notice names the whole range “国庆节、中秋节”, which is used here.
 * - 2026: notice dated 2025-11-04 (gov.cn content_7047091; Xinhua release of 2025-11-04); law-rules.md §11.3;
 *   identical to chinese-days@1.5.7. Document number UNVERIFIED → docNo null.
 *
 * Add a year: append a YearSchedule (or load it from the database) when the notice is published, usually in
 * November of the preceding year. Until then every deadline computation that reaches that year is blocked
 * or flagged (CALENDAR_YEAR_UNPUBLISHED); the calendar never silently assumes Monday–Friday.
 */
import type { YearSchedule } from './types';

export const SCHEDULE_2024: YearSchedule = {
  year: 2024,
  notice: '国务院办公厅关于2024年部分节假日安排的通知',
  docNo: '国办发明电〔2023〕7号',
  docNoVerified: true,
  publishedOn: '2023-10-25',
  source: 'gov.cn content_6911527；国务院公报2023年第31号；数据取自 chinese-days@1.5.7 dist/years/2024.json 并与通知原文核对一致',
  days: [
    { date: '2024-01-01', kind: 'off', holiday: '元旦' }, // 星期一
    { date: '2024-02-04', kind: 'work', holiday: '春节' }, // 星期日 调休上班
    { date: '2024-02-10', kind: 'off', holiday: '春节' }, // 星期六
    { date: '2024-02-11', kind: 'off', holiday: '春节' }, // 星期日
    { date: '2024-02-12', kind: 'off', holiday: '春节' }, // 星期一
    { date: '2024-02-13', kind: 'off', holiday: '春节' }, // 星期二
    { date: '2024-02-14', kind: 'off', holiday: '春节' }, // 星期三
    { date: '2024-02-15', kind: 'off', holiday: '春节' }, // 星期四
    { date: '2024-02-16', kind: 'off', holiday: '春节' }, // 星期五
    { date: '2024-02-17', kind: 'off', holiday: '春节' }, // 星期六
    { date: '2024-02-18', kind: 'work', holiday: '春节' }, // 星期日 调休上班
    { date: '2024-04-04', kind: 'off', holiday: '清明节' }, // 星期四
    { date: '2024-04-05', kind: 'off', holiday: '清明节' }, // 星期五
    { date: '2024-04-06', kind: 'off', holiday: '清明节' }, // 星期六
    { date: '2024-04-07', kind: 'work', holiday: '清明节' }, // 星期日 调休上班
    { date: '2024-04-28', kind: 'work', holiday: '劳动节' }, // 星期日 调休上班
    { date: '2024-05-01', kind: 'off', holiday: '劳动节' }, // 星期三
    { date: '2024-05-02', kind: 'off', holiday: '劳动节' }, // 星期四
    { date: '2024-05-03', kind: 'off', holiday: '劳动节' }, // 星期五
    { date: '2024-05-04', kind: 'off', holiday: '劳动节' }, // 星期六
    { date: '2024-05-05', kind: 'off', holiday: '劳动节' }, // 星期日
    { date: '2024-05-11', kind: 'work', holiday: '劳动节' }, // 星期六 调休上班
    { date: '2024-06-10', kind: 'off', holiday: '端午节' }, // 星期一
    { date: '2024-09-14', kind: 'work', holiday: '中秋节' }, // 星期六 调休上班
    { date: '2024-09-15', kind: 'off', holiday: '中秋节' }, // 星期日
    { date: '2024-09-16', kind: 'off', holiday: '中秋节' }, // 星期一
    { date: '2024-09-17', kind: 'off', holiday: '中秋节' }, // 星期二
    { date: '2024-09-29', kind: 'work', holiday: '国庆节' }, // 星期日 调休上班
    { date: '2024-10-01', kind: 'off', holiday: '国庆节' }, // 星期二
    { date: '2024-10-02', kind: 'off', holiday: '国庆节' }, // 星期三
    { date: '2024-10-03', kind: 'off', holiday: '国庆节' }, // 星期四
    { date: '2024-10-04', kind: 'off', holiday: '国庆节' }, // 星期五
    { date: '2024-10-05', kind: 'off', holiday: '国庆节' }, // 星期六
    { date: '2024-10-06', kind: 'off', holiday: '国庆节' }, // 星期日
    { date: '2024-10-07', kind: 'off', holiday: '国庆节' }, // 星期一
    { date: '2024-10-12', kind: 'work', holiday: '国庆节' }, // 星期六 调休上班
  ],
};

export const SCHEDULE_2025: YearSchedule = {
  year: 2025,
  notice: '国务院办公厅关于2025年部分节假日安排的通知',
  docNo: '国办发明电〔2024〕12号',
  docNoVerified: true,
  publishedOn: '2024-11-12',
  source: 'gov.cn content_6986383；law-rules.md §11.2；与 chinese-days@1.5.7 一致',
  days: [
    { date: '2025-01-01', kind: 'off', holiday: '元旦' }, // 星期三
    { date: '2025-01-26', kind: 'work', holiday: '春节' }, // 星期日 调休上班
    { date: '2025-01-28', kind: 'off', holiday: '春节' }, // 星期二
    { date: '2025-01-29', kind: 'off', holiday: '春节' }, // 星期三
    { date: '2025-01-30', kind: 'off', holiday: '春节' }, // 星期四
    { date: '2025-01-31', kind: 'off', holiday: '春节' }, // 星期五
    { date: '2025-02-01', kind: 'off', holiday: '春节' }, // 星期六
    { date: '2025-02-02', kind: 'off', holiday: '春节' }, // 星期日
    { date: '2025-02-03', kind: 'off', holiday: '春节' }, // 星期一
    { date: '2025-02-04', kind: 'off', holiday: '春节' }, // 星期二
    { date: '2025-02-08', kind: 'work', holiday: '春节' }, // 星期六 调休上班
    { date: '2025-04-04', kind: 'off', holiday: '清明节' }, // 星期五
    { date: '2025-04-05', kind: 'off', holiday: '清明节' }, // 星期六
    { date: '2025-04-06', kind: 'off', holiday: '清明节' }, // 星期日
    { date: '2025-04-27', kind: 'work', holiday: '劳动节' }, // 星期日 调休上班
    { date: '2025-05-01', kind: 'off', holiday: '劳动节' }, // 星期四
    { date: '2025-05-02', kind: 'off', holiday: '劳动节' }, // 星期五
    { date: '2025-05-03', kind: 'off', holiday: '劳动节' }, // 星期六
    { date: '2025-05-04', kind: 'off', holiday: '劳动节' }, // 星期日
    { date: '2025-05-05', kind: 'off', holiday: '劳动节' }, // 星期一
    { date: '2025-05-31', kind: 'off', holiday: '端午节' }, // 星期六
    { date: '2025-06-01', kind: 'off', holiday: '端午节' }, // 星期日
    { date: '2025-06-02', kind: 'off', holiday: '端午节' }, // 星期一
    { date: '2025-09-28', kind: 'work', holiday: '国庆节、中秋节' }, // 星期日 调休上班
    { date: '2025-10-01', kind: 'off', holiday: '国庆节、中秋节' }, // 星期三
    { date: '2025-10-02', kind: 'off', holiday: '国庆节、中秋节' }, // 星期四
    { date: '2025-10-03', kind: 'off', holiday: '国庆节、中秋节' }, // 星期五
    { date: '2025-10-04', kind: 'off', holiday: '国庆节、中秋节' }, // 星期六
    { date: '2025-10-05', kind: 'off', holiday: '国庆节、中秋节' }, // 星期日
    { date: '2025-10-06', kind: 'off', holiday: '国庆节、中秋节' }, // 星期一
    { date: '2025-10-07', kind: 'off', holiday: '国庆节、中秋节' }, // 星期二
    { date: '2025-10-08', kind: 'off', holiday: '国庆节、中秋节' }, // 星期三
    { date: '2025-10-11', kind: 'work', holiday: '国庆节、中秋节' }, // 星期六 调休上班
  ],
};

export const SCHEDULE_2026: YearSchedule = {
  year: 2026,
  notice: '国务院办公厅关于2026年部分节假日安排的通知',
  docNo: null,
  docNoVerified: false,
  publishedOn: '2025-11-04',
  source: 'gov.cn content_7047091；新华社 2025-11-04 电；law-rules.md §11.3；与 chinese-days@1.5.7 一致；文号未核实',
  days: [
    { date: '2026-01-01', kind: 'off', holiday: '元旦' }, // 星期四
    { date: '2026-01-02', kind: 'off', holiday: '元旦' }, // 星期五
    { date: '2026-01-03', kind: 'off', holiday: '元旦' }, // 星期六
    { date: '2026-01-04', kind: 'work', holiday: '元旦' }, // 星期日 调休上班
    { date: '2026-02-14', kind: 'work', holiday: '春节' }, // 星期六 调休上班
    { date: '2026-02-15', kind: 'off', holiday: '春节' }, // 星期日
    { date: '2026-02-16', kind: 'off', holiday: '春节' }, // 星期一
    { date: '2026-02-17', kind: 'off', holiday: '春节' }, // 星期二
    { date: '2026-02-18', kind: 'off', holiday: '春节' }, // 星期三
    { date: '2026-02-19', kind: 'off', holiday: '春节' }, // 星期四
    { date: '2026-02-20', kind: 'off', holiday: '春节' }, // 星期五
    { date: '2026-02-21', kind: 'off', holiday: '春节' }, // 星期六
    { date: '2026-02-22', kind: 'off', holiday: '春节' }, // 星期日
    { date: '2026-02-23', kind: 'off', holiday: '春节' }, // 星期一
    { date: '2026-02-28', kind: 'work', holiday: '春节' }, // 星期六 调休上班
    { date: '2026-04-04', kind: 'off', holiday: '清明节' }, // 星期六
    { date: '2026-04-05', kind: 'off', holiday: '清明节' }, // 星期日
    { date: '2026-04-06', kind: 'off', holiday: '清明节' }, // 星期一
    { date: '2026-05-01', kind: 'off', holiday: '劳动节' }, // 星期五
    { date: '2026-05-02', kind: 'off', holiday: '劳动节' }, // 星期六
    { date: '2026-05-03', kind: 'off', holiday: '劳动节' }, // 星期日
    { date: '2026-05-04', kind: 'off', holiday: '劳动节' }, // 星期一
    { date: '2026-05-05', kind: 'off', holiday: '劳动节' }, // 星期二
    { date: '2026-05-09', kind: 'work', holiday: '劳动节' }, // 星期六 调休上班
    { date: '2026-06-19', kind: 'off', holiday: '端午节' }, // 星期五
    { date: '2026-06-20', kind: 'off', holiday: '端午节' }, // 星期六
    { date: '2026-06-21', kind: 'off', holiday: '端午节' }, // 星期日
    { date: '2026-09-25', kind: 'off', holiday: '中秋节' }, // 星期五
    { date: '2026-09-26', kind: 'off', holiday: '中秋节' }, // 星期六
    { date: '2026-09-27', kind: 'off', holiday: '中秋节' }, // 星期日
    { date: '2026-09-20', kind: 'work', holiday: '国庆节' }, // 星期日 调休上班
    { date: '2026-10-01', kind: 'off', holiday: '国庆节' }, // 星期四
    { date: '2026-10-02', kind: 'off', holiday: '国庆节' }, // 星期五
    { date: '2026-10-03', kind: 'off', holiday: '国庆节' }, // 星期六
    { date: '2026-10-04', kind: 'off', holiday: '国庆节' }, // 星期日
    { date: '2026-10-05', kind: 'off', holiday: '国庆节' }, // 星期一
    { date: '2026-10-06', kind: 'off', holiday: '国庆节' }, // 星期二
    { date: '2026-10-07', kind: 'off', holiday: '国庆节' }, // 星期三
    { date: '2026-10-10', kind: 'work', holiday: '国庆节' }, // 星期六 调休上班
  ],
};

/** All vendored schedules, oldest first. */
export const OFFICIAL_SCHEDULES: YearSchedule[] = [SCHEDULE_2024, SCHEDULE_2025, SCHEDULE_2026];
