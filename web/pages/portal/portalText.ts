/**
 * Wording helpers of the public portal: dates as citizens write them (2026年12月1日, never 2026-12-01), the
 * calculator's input and fallback texts, the query lock. Pure functions (unit-tested in portalText.test.ts).
 */
import { isValidYmd, tryParseDate } from '../../../common/calendar/dates';
import { isValidIdNumber, isValidMobile, normalizeMobile } from '../../../common/validators';
import type { Step } from '../../components/StepsList';
import { addDays, dateZh, formatInstant } from '../../components/format';

export { dateZh } from '../../components/format';

/** Every real 'YYYY-MM-DD' date inside a sentence (e.g. a computation step from the server) → '2026年12月1日'. */
export function isoDatesToZh(text: string): string {
  return text.replace(/(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g, (m) => dateZh(m));
}

/** The computation steps with their dates in Chinese (code and citation unchanged). */
export function zhSteps<S extends Step>(steps: S[]): S[] {
  return steps.map((s) => ({ ...s, text: isoDatesToZh(s.text) }));
}

/** What the calculator's 天数 box holds: an integer (full-width digits accepted) or null when it is not one. */
export function parseDaysInput(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^\d{1,12}$/.test(s) ? Number(s) : null;
}

/**
 * When the holiday arrangements of a year are not yet published, a count of calendar days still gives a tentative
 * last day (《中华人民共和国民事诉讼法》第八十五条第三款, 《中华人民共和国民法典》第二百零三条: only a last day falling on a
 * statutory holiday moves). Working days
 * cannot be counted at all: null.
 */
export function calcFailureHint(p: { from: string; days: number; unit: 'WD' | 'CAL' }): string | null {
  if (p.unit !== 'CAL' || tryParseDate(p.from) === null) return null;
  return `按自然日推算，期间最后一日为 ${dateZh(addDays(p.from, p.days))}；如该日为法定休假日，以法定休假日后的第一日为届满日（《中华人民共和国民事诉讼法》第八十五条第三款、《中华人民共和国民法典》第二百零三条），因此暂无法确定最终届满日。`;
}

/** The end of a query lock in Beijing time, rounded up to the minute (so nobody retries a few seconds early). */
export function lockedUntilText(details: unknown): string {
  const iso = (details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return '';
  const up = new Date(Math.ceil(Date.parse(iso) / 60_000) * 60_000).toISOString();
  const [date = '', time = ''] = formatInstant(up).split(' ');
  return `可于北京时间 ${dateZh(date)} ${time.slice(0, 5)} 后再次查询。`;
}

/**
 * Date formats a citizen may type into a date box (the first one is how the box shows the date). Fixed-width only:
 * a format such as 'YYYY-M-D' already matches '2026-11-2' while '2026-11-20' is being typed and picks the wrong day.
 */
export const DATE_INPUT_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYYMMDD'];

const toHalfWidth = (s: string) => s.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** An ID number as typed on a phone (spaces, full-width digits, lower-case x) → the 18 characters to check and send. */
export function cleanIdNumberInput(raw: string): string {
  return toHalfWidth(raw).replace(/[\s-]/g, '').toUpperCase();
}

/** What is wrong with a typed 居民身份证号码, in words that say what to check; '' when it is valid. */
export function idNumberProblem(raw: string): string {
  const id = cleanIdNumberInput(raw);
  if (isValidIdNumber(id)) return '';
  if (id.length !== 18) return `身份证号码应为 18 位，您填写了 ${id.length} 位，请核对`;
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码前 17 位应为数字，最后一位为数字或字母 X';
  const y = Number(id.slice(6, 10));
  if (id[0] === '0' || y < 1900 || !isValidYmd(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return '身份证号码中的地区码或出生日期（第 7 至 14 位）有误，请核对';
  return '身份证号码有误：最后一位校验码与前 17 位不符，可能有数字输错，请对照身份证逐位核对';
}

/** A mobile number as typed (spaces, dashes, +86, full-width digits) → the 11 digits to check and send. */
export function cleanMobileInput(raw: string): string {
  return normalizeMobile(toHalfWidth(raw).trim());
}

/** What is wrong with a typed mobile number; '' when it is valid. */
export function mobileProblem(raw: string): string {
  const m = cleanMobileInput(raw);
  if (isValidMobile(m)) return '';
  if (!/^\d+$/.test(m)) return '手机号码只能填写数字，例如 13812345678';
  if (m.length !== 11) return `手机号码应为 11 位，您填写了 ${m.length} 位，请核对`;
  return '手机号码应以 13 至 19 开头，请核对';
}

/**
 * The form fields a refusal of the application names (details.field, or details.issues[].path of VALIDATION_FAILED),
 * as form name paths without the 'application.' prefix: ['applicant', 'idNumber'].
 */
export function refusedFields(details: unknown, message: string): { name: string[]; message: string }[] {
  const d = details as { field?: unknown; issues?: unknown } | undefined;
  const out: { name: string[]; message: string }[] = [];
  const add = (path: unknown, msg: string) => {
    if (typeof path === 'string' && path.startsWith('application.') && path.length > 12) out.push({ name: path.slice(12).split('.'), message: msg });
  };
  add(d?.field, message);
  if (Array.isArray(d?.issues)) for (const i of d.issues as { path?: unknown; message?: unknown }[]) add(i?.path, typeof i?.message === 'string' ? i.message : message);
  return out;
}

/** The first step (index) whose fields include one of the names; null when none does. */
export function stepOfFields(names: string[][], stepFields: (string | number)[][][]): number | null {
  const key = (n: (string | number)[]) => n.join('.');
  for (let s = 0; s < stepFields.length; s++) if (names.some((n) => stepFields[s]!.some((f) => key(f) === key(n)))) return s;
  return null;
}
