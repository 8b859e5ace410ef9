/** Public surface: identity-number, credit-code and mobile validators, masks, demo-data generators. */
export {
  ID_NUMBER_WEIGHTS,
  idNumberCheckChar,
  normalizeIdNumber,
  parseIdNumber,
  isValidIdNumber,
  type IdNumberOptions,
  type IdNumberInfo,
} from './id-number';
export {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_WEIGHTS,
  REGISTRATION_AUTHORITIES,
  creditCodeCheckChar,
  normalizeCreditCode,
  isValidCreditCode,
  organizationCodeCheckChar,
} from './credit-code';
export { isValidMobile, normalizeMobile } from './mobile';
export { maskAddress, maskIdNumber, maskMobile, maskName } from './mask';
export { createRng, type Rng } from './rng';
export {
  DEMO_REGION_CODE,
  generateIdNumber,
  generateCreditCode,
  generateMobile,
  type GenerateIdNumberOptions,
  type GenerateCreditCodeOptions,
} from './generators';
