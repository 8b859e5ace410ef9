import { describe, expect, it } from 'vitest';
import { DISPUTE_ACTIONS, MEDIATION_ACTIONS, assertDisputeAction, assertMediationAction } from './status';

describe('dispute and mediation state tables', () => {
  it.each([
    ['registered', 'transfer', true],
    ['handling', 'close', true],
    ['closed', 'transfer', false],
    ['closed', 'reopen', true],
    ['registered', 'reopen', false],
    ['handling', 'followUp', false],
  ] as const)('dispute %s → %s allowed: %s', (status, action, ok) => {
    expect(DISPUTE_ACTIONS[status].includes(action)).toBe(ok);
    if (ok) expect(() => assertDisputeAction(status, action)).not.toThrow();
    else expect(() => assertDisputeAction(status, action)).toThrow(expect.objectContaining({ code: 'DISPUTE_TRANSITION_NOT_ALLOWED' }));
  });

  it('a mediation case agrees or fails once; only an agreement leads to confirmation and follow-up (人民调解法 Arts. 26, 28–33)', () => {
    expect(MEDIATION_ACTIONS.failed).toEqual([]);
    expect(() => assertMediationAction('accepted', 'confirmation')).toThrow(expect.objectContaining({ code: 'MEDIATION_TRANSITION_NOT_ALLOWED' }));
    expect(() => assertMediationAction('agreed', 'agreement')).toThrow(expect.objectContaining({ code: 'MEDIATION_TRANSITION_NOT_ALLOWED' }));
    expect(() => assertMediationAction('agreed', 'confirmation')).not.toThrow();
    expect(() => assertMediationAction('unknown', 'session')).toThrow();
  });
});
