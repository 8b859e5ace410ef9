import { describe, expect, it } from 'vitest';
import { CLUE_TRANSITIONS, ORDER_TRANSITIONS, clueAllowed, orderActions, orderAllowed } from './supervision.status';

describe('supervision state machine', () => {
  it.each([
    ['issued', ['report', 'extend', 'opinion']],
    ['reported', ['verifyPass', 'verifyReturn', 'opinion']],
    ['returned', ['report', 'extend', 'opinion']],
    ['closed', []],
  ])('order %s allows %j', (status, actions) => {
    expect(orderActions(status)).toEqual(actions);
  });

  it('a clue is ordered or dismissed once, from open only', () => {
    for (const s of ['ordered', 'dismissed']) {
      expect(clueAllowed('issueOrder', s)).toBe(false);
      expect(clueAllowed('dismiss', s)).toBe(false);
    }
    expect(clueAllowed('issueOrder', 'open')).toBe(true);
  });

  it('every target status is reachable and closed is terminal', () => {
    const targets = new Set(Object.values(ORDER_TRANSITIONS).map((t) => t.to).filter(Boolean));
    expect([...targets].sort()).toEqual(['closed', 'reported', 'returned']);
    expect(Object.keys(ORDER_TRANSITIONS).some((a) => orderAllowed(a as keyof typeof ORDER_TRANSITIONS, 'closed'))).toBe(false);
    expect(Object.values(CLUE_TRANSITIONS).map((t) => t.to).sort()).toEqual(['dismissed', 'ordered']);
  });
});
