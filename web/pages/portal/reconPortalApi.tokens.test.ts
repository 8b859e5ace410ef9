import { describe, expect, it } from 'vitest';
import { SUBMISSION_TOKEN_RE, type PortalApplicationInput } from '../../../common/contracts';
import { ApiError } from '../../app/api';
import { mayHaveArrived, newSubmissionToken, submissionTokens } from './reconPortalApi';

const app = (reasons = '认定事实不清。'): PortalApplicationInput => ({
  applicant: { kind: 'person', name: '样例', idNumber: '110102199001011234', mobile: '13900001111', address: '北京市西城区样例路 1 号' },
  respondent: { name: '北京市西城区某局' },
  act: { name: '行政处罚决定', knownOn: '2025-09-12' },
  request: '撤销',
  reasons,
  declaration: true,
});

describe('submission token of the 行政复议 form', () => {
  it('is a UUID the server accepts, also where crypto.randomUUID is missing (plain HTTP)', () => {
    expect(newSubmissionToken()).toMatch(SUBMISSION_TOKEN_RE);
    // randomUUID is a method of Crypto.prototype: an own property hides it, deleting that brings it back
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newSubmissionToken()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof globalThis.crypto.randomUUID).toBe('function');
  });

  it('the same content again (a retry) keeps the token; changed content or files get a new one', () => {
    const tokenFor = submissionTokens();
    const files = [new File(['%PDF-1.4'], 'a.pdf', { lastModified: 1 })];
    const t1 = tokenFor(app(), files);
    expect(tokenFor(app(), files)).toBe(t1);
    expect(tokenFor({ ...app(), submissionToken: 'ignored' } as PortalApplicationInput, files)).toBe(t1);
    const t2 = tokenFor(app('另一份理由。'), files);
    expect(t2).not.toBe(t1);
    const t3 = tokenFor(app('另一份理由。'), []);
    expect(t3).not.toBe(t2);
    // a separate form (a new page) has its own tokens
    expect(submissionTokens()(app(), files)).not.toBe(t1);
  });

  it('tells a failure after which the application may have arrived', () => {
    expect(mayHaveArrived(new ApiError({ status: 0, code: 'NETWORK', message: 'x' }))).toBe(true);
    expect(mayHaveArrived(new ApiError({ status: 504, code: 'HTTP_ERROR', message: 'x' }))).toBe(true);
    expect(mayHaveArrived(new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'x' }))).toBe(false);
  });
});
