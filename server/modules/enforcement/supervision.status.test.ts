import { describe, expect, it } from 'vitest';
import { CLUE_TRANSITIONS, ORDER_TRANSITIONS, clueAllowed, opinionEligible, orderActions, orderActionsFor, orderAllowed } from './supervision.status';

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

  it('offers the opinion letter only on a serious case: serious clue, second round, or late report', () => {
    const today = '2026-03-01';
    const base = { status: 'issued', severity: 'ordinary', rounds: 1, dueDate: '2026-03-31' };
    expect(opinionEligible(base, today)).toBe(false);
    expect(orderActionsFor(base, today)).toEqual(['report', 'extend']);
    expect(opinionEligible({ ...base, severity: 'serious' }, today)).toBe(true);
    expect(opinionEligible({ ...base, status: 'returned', rounds: 2 }, today)).toBe(true);
    expect(orderActionsFor({ ...base, dueDate: '2026-02-28' }, today)).toEqual(['report', 'extend', 'opinion']);
    // a report is in: no longer late, whatever the due date
    expect(opinionEligible({ ...base, status: 'reported', dueDate: '2026-02-28' }, today)).toBe(false);
    // due today is not late yet; closed orders never
    expect(opinionEligible({ ...base, dueDate: today }, today)).toBe(false);
    expect(opinionEligible({ ...base, status: 'closed', severity: 'serious' }, today)).toBe(false);
  });
});
