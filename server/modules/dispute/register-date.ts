/**
 * The earliest date the dispute register and the mediation register accept for a new entry (接报日期, 受理日期):
 * 1 January of the year before the current one. Both registers number an entry by the year of that date
 * (西纠〔YYYY〕N号, 西人调〔YYYY〕N号), so a mistyped year (e.g. 1990) would open a counter for that year and issue a
 * code like 西纠〔1990〕1号. An entry from late last year registered in January is still accepted. Not a statutory
 * rule: a plausibility bound of the register.
 */
import { officialDate } from '../../platform/documents';

export const earliestRegisterDate = (today: string) => `${Number(today.slice(0, 4)) - 1}-01-01`;

/** The Chinese message naming the field, the date given and the bound (dates as 2025年1月1日). */
export const tooEarlyMessage = (fieldLabel: string, date: string, notBefore: string, codeExample: string) =>
  `${fieldLabel}（${officialDate(date)}）不能早于上一年1月1日（${officialDate(notBefore)}）：登记簿按${fieldLabel.replace(/日期$/, '')}年度编号（${codeExample}），请核对日期`;
