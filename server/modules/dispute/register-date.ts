/**
 * The message of a too-early 接报日期 / 受理日期; the bound itself is earliestRegisterDate (common/contracts/dispute.ts),
 * shared with the form's field check.
 */
import { officialDate } from '../../platform/documents';

export { earliestRegisterDate } from '../../../common/contracts/dispute';

/** The Chinese message naming the field, the date given and the bound (dates as 2025年1月1日). */
export const tooEarlyMessage = (fieldLabel: string, date: string, notBefore: string, codeExample: string) =>
  `${fieldLabel}（${officialDate(date)}）不能早于上一年1月1日（${officialDate(notBefore)}）：登记簿按${fieldLabel.replace(/日期$/, '')}年度编号（${codeExample}），请核对日期`;
