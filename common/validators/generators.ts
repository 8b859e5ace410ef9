/**
 * Fictional demo data with valid check characters (never real personal data — architecture guide, Tests).
 * Deterministic for a given Rng. Values are random, so a generated value may coincide with a real one by
 * chance; label demo records as demo data in the UI.
 */
import { AppError } from '../errors';
import { dayNumberFromYmd, formatDate, parseDate } from '../calendar/dates';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, organizationCodeCheckChar } from './credit-code';
import { idNumberCheckChar } from './id-number';
import type { Rng } from './rng';

/** 北京市西城区 — the default region for demo records. */
export const DEMO_REGION_CODE = '110102';

function checkRegion(regionCode: string): void {
  if (!/^[1-9]\d{5}$/.test(regionCode)) throw new AppError('VALIDATION_FAILED', { field: 'regionCode', value: regionCode });
}

export interface GenerateIdNumberOptions {
  /** 6 digits, first not 0; default '110102' */
  regionCode?: string;
  /** 'YYYY-MM-DD', default '1950-01-01' */
  birthFrom?: string;
  /** 'YYYY-MM-DD', default '2005-12-31' */
  birthTo?: string;
  sex?: 'male' | 'female';
}

/** A GB 11643 ID number that passes {@link isValidIdNumber}. */
export function generateIdNumber(rng: Rng, opts: GenerateIdNumberOptions = {}): string {
  const region = opts.regionCode ?? DEMO_REGION_CODE;
  checkRegion(region);
  const from = parseDate(opts.birthFrom ?? '1950-01-01');
  const to = parseDate(opts.birthTo ?? '2005-12-31');
  const min = Math.max(from, dayNumberFromYmd(1900, 1, 1));
  if (to < min) throw new AppError('VALIDATION_FAILED', { field: 'birthTo' });
  const birth = formatDate(rng.int(min, to)).replace(/-/g, '');
  const sex = opts.sex ?? (rng.next() < 0.5 ? 'male' : 'female');
  const seq = String(rng.int(0, 99)).padStart(2, '0') + String(rng.int(0, 4) * 2 + (sex === 'male' ? 1 : 0));
  const first17 = region + birth + seq;
  return first17 + (idNumberCheckChar(first17) as string);
}

export interface GenerateCreditCodeOptions {
  /** 6 digits, first not 0; default '110102' */
  regionCode?: string;
  /** registration authority + category, default '91' (市场监管登记的企业); e.g. '31' 律师事务所, '52' 民办非企业单位 */
  prefix?: string;
}

/** A GB 32100 credit code (with a GB 11714-valid organisation code inside) that passes {@link isValidCreditCode}. */
export function generateCreditCode(rng: Rng, opts: GenerateCreditCodeOptions = {}): string {
  const region = opts.regionCode ?? DEMO_REGION_CODE;
  checkRegion(region);
  const prefix = opts.prefix ?? '91';
  if (!/^[1-9ANY][1-9]$/.test(prefix)) throw new AppError('VALIDATION_FAILED', { field: 'prefix', value: prefix });
  let body = '';
  // Mostly digits, like most real organisation codes; letters only from the GB 32100 charset.
  for (let i = 0; i < 8; i++) body += rng.next() < 0.8 ? String(rng.int(0, 9)) : rng.pick([...CREDIT_CODE_CHARSET.slice(10)]);
  const first17 = prefix + region + body + (organizationCodeCheckChar(body) as string);
  return first17 + (creditCodeCheckChar(first17) as string);
}

/** An 11-digit mainland mobile number that passes {@link isValidMobile}. */
export function generateMobile(rng: Rng): string {
  let s = '1' + String(rng.int(3, 9));
  for (let i = 0; i < 9; i++) s += String(rng.int(0, 9));
  return s;
}
