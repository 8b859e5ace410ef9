import { COMPLAINT_CSV_COLUMNS, DISCRETION_LEVELS, ENFORCEMENT_FIELDS, IMPORT_ROW_ERRORS, INSPECTION_CSV_COLUMNS, INSPECTION_KINDS, type ImportRowErrorCode, PENALTY_CSV_COLUMNS } from '../../../common/contracts/enforcement-columns';
import { isValidCreditCode, normalizeCreditCode } from '../../../common/validators';

/** Row-level validation of the import files: pure functions, every problem of a row reported with its code. */

export interface RowError {
  code: ImportRowErrorCode;
  message: string;
}

export interface AgencyInfo {
  code: string;
  /** field codes; empty = any field */
  fields: ReadonlySet<string>;
}

export interface InspectionRecord {
  id: string;
  agencyCode: string;
  officerId: string;
  targetCreditCode: string;
  targetName: string;
  field: string;
  kind: string;
  planId: string | null;
  jointId: string | null;
  inspectedOn: string;
  foundProblem: number;
  durationMinutes: number | null;
}

export interface PenaltyRecord {
  id: string;
  agencyCode: string;
  officerId: string | null;
  targetCreditCode: string;
  targetName: string;
  field: string;
  violationCode: string;
  discretionLevel: string;
  amount: number;
  filedOn: string;
  decidedOn: string | null;
  inspectionId: string | null;
}

export interface ComplaintRecord {
  id: string;
  receivedOn: string;
  targetCreditCode: string;
  targetName: string;
  agencyCode: string | null;
  category: string;
  summary: string;
  street: string | null;
}

const err = (code: ImportRowErrorCode, detail?: string): RowError => ({ code, message: detail ? `${IMPORT_ROW_ERRORS[code]}（${detail}）` : IMPORT_ROW_ERRORS[code] });

/** Record ids: printable ASCII without spaces or commas, at most 64 characters (stored and compared as Latin-1). */
const ID_RE = /^[\x21-\x2b\x2d-\x7e]{1,64}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD, years 1900–2999. */
export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const dim = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return d <= dim;
}

/** isValidDate memoised: an import file has few distinct days (bounded, cleared when full). */
const dateMemo = new Map<string, boolean>();
function isValidDateMemo(s: string): boolean {
  let ok = dateMemo.get(s);
  if (ok === undefined) {
    if (dateMemo.size >= 20_000) dateMemo.clear();
    ok = isValidDate(s);
    dateMemo.set(s, ok);
  }
  return ok;
}

function checkId(v: string, errors: RowError[]): void {
  if (!v) errors.push(err('ID_REQUIRED'));
  else if (v.length > 64) errors.push(err('ID_TOO_LONG'));
  else if (!ID_RE.test(v)) errors.push(err('ID_INVALID'));
}

function optionalRef(v: string, errors: RowError[], name: string): string | null {
  if (!v) return null;
  if (!ID_RE.test(v)) errors.push(err('ID_INVALID', name));
  return v;
}

function checkHeader(header: string[], expected: readonly string[]): boolean {
  if (header.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (header[i]!.trim().toLowerCase() !== expected[i]) return false;
  return true;
}

export const isInspectionHeader = (h: string[]) => checkHeader(h, INSPECTION_CSV_COLUMNS);
export const isPenaltyHeader = (h: string[]) => checkHeader(h, PENALTY_CSV_COLUMNS);
export const isComplaintHeader = (h: string[]) => checkHeader(h, COMPLAINT_CSV_COLUMNS);

function checkAgencyField(agencies: ReadonlyMap<string, AgencyInfo>, agencyCode: string, field: string, errors: RowError[]): void {
  const agency = agencies.get(agencyCode);
  if (!agency) errors.push(err('AGENCY_UNKNOWN', agencyCode.slice(0, 32)));
  if (!(field in ENFORCEMENT_FIELDS)) errors.push(err('FIELD_UNKNOWN', field.slice(0, 32)));
  else if (agency && agency.fields.size > 0 && !agency.fields.has(field)) errors.push(err('FIELD_NOT_OF_AGENCY', field));
}

/** One inspection CSV record → the record, or every problem found in it. `today` (Beijing date): no inspection lies in the future. */
export function validateInspection(f: string[], agencies: ReadonlyMap<string, AgencyInfo>, today: string): { record: InspectionRecord } | { errors: RowError[] } {
  if (f.length !== INSPECTION_CSV_COLUMNS.length) return { errors: [err('COLUMN_COUNT', `应为 ${INSPECTION_CSV_COLUMNS.length} 列，实为 ${f.length} 列`)] };
  const errors: RowError[] = [];
  const id = f[0]!.trim();
  checkId(id, errors);
  const agencyCode = f[1]!.trim();
  const officerId = f[3]!.trim();
  if (!officerId) errors.push(err('OFFICER_REQUIRED'));
  else if (!ID_RE.test(officerId)) errors.push(err('ID_INVALID', 'officer_id'));
  const credit = normalizeCreditCode(f[4]!);
  if (!isValidCreditCode(credit)) errors.push(err('CREDIT_CODE_INVALID', credit.slice(0, 24)));
  const targetName = f[5]!.trim();
  if (!targetName) errors.push(err('TARGET_NAME_REQUIRED'));
  else if (targetName.length > 200) errors.push(err('TEXT_TOO_LONG', 'target_name'));
  const field = f[6]!.trim();
  checkAgencyField(agencies, agencyCode, field, errors);
  const kind = f[7]!.trim();
  if (!(kind in INSPECTION_KINDS)) errors.push(err('KIND_INVALID', kind.slice(0, 16)));
  const planId = optionalRef(f[8]!.trim(), errors, 'plan_id');
  const jointId = optionalRef(f[9]!.trim(), errors, 'joint_id');
  const inspectedOn = f[10]!.trim();
  if (!isValidDateMemo(inspectedOn)) errors.push(err('DATE_INVALID', `inspected_on: ${inspectedOn.slice(0, 16)}`));
  else if (inspectedOn > today) errors.push(err('DATE_FUTURE', `inspected_on: ${inspectedOn}`));
  const fp = f[11]!.trim();
  if (fp !== '0' && fp !== '1') errors.push(err('FOUND_PROBLEM_INVALID'));
  const dm = f[12]!.trim();
  let durationMinutes: number | null = null;
  if (dm) {
    if (!/^\d{1,4}$/.test(dm) || +dm > 1440) errors.push(err('DURATION_INVALID'));
    else durationMinutes = +dm;
  }
  if (errors.length) return { errors };
  return { record: { id, agencyCode, officerId, targetCreditCode: credit, targetName, field, kind, planId, jointId, inspectedOn, foundProblem: fp === '1' ? 1 : 0, durationMinutes } };
}

/** One penalty CSV record → the record, or every problem found in it. `today` (Beijing date): no filing or decision lies in the future. */
export function validatePenalty(f: string[], agencies: ReadonlyMap<string, AgencyInfo>, today: string): { record: PenaltyRecord } | { errors: RowError[] } {
  if (f.length !== PENALTY_CSV_COLUMNS.length) return { errors: [err('COLUMN_COUNT', `应为 ${PENALTY_CSV_COLUMNS.length} 列，实为 ${f.length} 列`)] };
  const errors: RowError[] = [];
  const id = f[0]!.trim();
  checkId(id, errors);
  const agencyCode = f[1]!.trim();
  const officerId = optionalRef(f[2]!.trim(), errors, 'officer_id');
  const credit = normalizeCreditCode(f[3]!);
  if (!isValidCreditCode(credit)) errors.push(err('CREDIT_CODE_INVALID', credit.slice(0, 24)));
  const targetName = f[4]!.trim();
  if (!targetName) errors.push(err('TARGET_NAME_REQUIRED'));
  else if (targetName.length > 200) errors.push(err('TEXT_TOO_LONG', 'target_name'));
  const field = f[5]!.trim();
  checkAgencyField(agencies, agencyCode, field, errors);
  const violationCode = f[6]!.trim();
  if (!violationCode) errors.push(err('VIOLATION_CODE_REQUIRED'));
  else if (violationCode.length > 64) errors.push(err('TEXT_TOO_LONG', 'violation_code'));
  const discretionLevel = f[7]!.trim();
  if (!(discretionLevel in DISCRETION_LEVELS)) errors.push(err('DISCRETION_INVALID'));
  const amountText = f[8]!.trim();
  const amount = /^\d{1,12}$/.test(amountText) ? Number(amountText) : Number.NaN;
  if (!Number.isSafeInteger(amount)) errors.push(err('AMOUNT_INVALID'));
  const filedOn = f[9]!.trim();
  if (!isValidDate(filedOn)) errors.push(err('DATE_INVALID', `filed_on: ${filedOn.slice(0, 16)}`));
  else if (filedOn > today) errors.push(err('DATE_FUTURE', `filed_on: ${filedOn}`));
  const decidedOn = f[10]!.trim() || null;
  if (decidedOn && !isValidDate(decidedOn)) errors.push(err('DATE_INVALID', `decided_on: ${decidedOn.slice(0, 16)}`));
  else if (decidedOn && decidedOn > today) errors.push(err('DATE_FUTURE', `decided_on: ${decidedOn}`));
  else if (decidedOn && isValidDate(filedOn) && decidedOn < filedOn) errors.push(err('DATE_ORDER'));
  const inspectionId = optionalRef(f[11]!.trim(), errors, 'inspection_id');
  if (errors.length) return { errors };
  return { record: { id, agencyCode, officerId, targetCreditCode: credit, targetName, field, violationCode, discretionLevel, amount, filedOn, decidedOn, inspectionId } };
}

/**
 * One 12345 complaint CSV record → the record, or every problem found in it. `today` (Beijing date): a complaint
 * cannot be received in the future.
 */
export function validateComplaint(f: string[], agencies: ReadonlyMap<string, AgencyInfo>, today: string): { record: ComplaintRecord } | { errors: RowError[] } {
  if (f.length !== COMPLAINT_CSV_COLUMNS.length) return { errors: [err('COLUMN_COUNT', `应为 ${COMPLAINT_CSV_COLUMNS.length} 列，实为 ${f.length} 列`)] };
  const errors: RowError[] = [];
  const id = f[0]!.trim();
  checkId(id, errors);
  const receivedOn = f[1]!.trim();
  if (!isValidDate(receivedOn)) errors.push(err('DATE_INVALID', `received_on: ${receivedOn.slice(0, 16)}`));
  else if (receivedOn > today) errors.push(err('DATE_FUTURE', `received_on: ${receivedOn}`));
  const credit = normalizeCreditCode(f[2]!);
  if (!isValidCreditCode(credit)) errors.push(err('CREDIT_CODE_INVALID', credit.slice(0, 24)));
  const targetName = f[3]!.trim();
  if (!targetName) errors.push(err('TARGET_NAME_REQUIRED'));
  else if (targetName.length > 200) errors.push(err('TEXT_TOO_LONG', 'target_name'));
  const agencyCode = f[4]!.trim() || null;
  if (agencyCode && !agencies.has(agencyCode)) errors.push(err('AGENCY_UNKNOWN', agencyCode.slice(0, 32)));
  const category = f[5]!.trim();
  if (!category) errors.push(err('CATEGORY_REQUIRED'));
  else if (category.length > 50) errors.push(err('TEXT_TOO_LONG', 'category'));
  const summary = f[6]!.trim();
  if (!summary) errors.push(err('SUMMARY_REQUIRED'));
  else if (summary.length > 2000) errors.push(err('TEXT_TOO_LONG', 'summary'));
  const street = f[7]!.trim() || null;
  if (street && street.length > 50) errors.push(err('TEXT_TOO_LONG', 'street'));
  if (errors.length) return { errors };
  return { record: { id, receivedOn, targetCreditCode: credit, targetName, agencyCode, category, summary, street } };
}
