/**
 * The supervision workflow as tables: which action is allowed in which status.
 * 问题线索: open → ordered (制发督办单) | dismissed (不予督办).
 * 督办单: issued → reported (整改报告) → closed (核查通过) | returned (退回重新整改) → reported → …
 * An extension (延期) is allowed while the agency still owes a report (issued, returned).
 * An opinion letter (执法监督意见书) is issued on a serious clue's order that is not closed, or after a return.
 */
import type { ClueStatus, OrderStatus } from '../../../common/contracts/enforcement-supervision';

export type ClueAction = 'issueOrder' | 'dismiss';
export type OrderAction = 'report' | 'verifyPass' | 'verifyReturn' | 'extend' | 'opinion';

export const CLUE_TRANSITIONS: Record<ClueAction, { from: ClueStatus[]; to: ClueStatus }> = {
  issueOrder: { from: ['open'], to: 'ordered' },
  dismiss: { from: ['open'], to: 'dismissed' },
};

export const ORDER_TRANSITIONS: Record<OrderAction, { from: OrderStatus[]; to: OrderStatus | null }> = {
  report: { from: ['issued', 'returned'], to: 'reported' },
  verifyPass: { from: ['reported'], to: 'closed' },
  verifyReturn: { from: ['reported'], to: 'returned' },
  extend: { from: ['issued', 'returned'], to: null },
  opinion: { from: ['issued', 'reported', 'returned'], to: null },
};

export function clueAllowed(action: ClueAction, status: string): boolean {
  return (CLUE_TRANSITIONS[action].from as string[]).includes(status);
}
export function orderAllowed(action: OrderAction, status: string): boolean {
  return (ORDER_TRANSITIONS[action].from as string[]).includes(status);
}
/** Actions open on an order in a status (the UI shows these buttons). */
export function orderActions(status: string): OrderAction[] {
  return (Object.keys(ORDER_TRANSITIONS) as OrderAction[]).filter((a) => orderAllowed(a, status));
}

/**
 * Whether an opinion letter may be issued on an order: the workflow allows it (not closed) and the case is serious — its
 * clue is marked serious, the order was sent back at least once (a second round), or the agency is late with its report.
 */
export function opinionEligible(o: { status: string; severity: string; rounds: number; dueDate: string | null }, today: string): boolean {
  if (!orderAllowed('opinion', o.status)) return false;
  const overdue = o.dueDate !== null && o.dueDate < today && o.status !== 'reported';
  return o.severity === 'serious' || o.rounds >= 2 || overdue;
}

/** The actions open on one order: the status table, with the opinion letter only where the case is serious. */
export function orderActionsFor(o: { status: string; severity: string; rounds: number; dueDate: string | null }, today: string): OrderAction[] {
  return orderActions(o.status).filter((a) => a !== 'opinion' || opinionEligible(o, today));
}
