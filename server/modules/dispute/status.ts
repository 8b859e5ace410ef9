import type { DisputeStatus, MediationStatus } from '../../../common/contracts/dispute';
import { AppError } from '../../../common/errors';

/** Which action is allowed in which status of a dispute (全周期: intake → triage/transfer → closure → follow-up/reopen). */
export const DISPUTE_ACTIONS: Record<DisputeStatus, readonly string[]> = {
  registered: ['transfer', 'risk', 'close'],
  handling: ['transfer', 'risk', 'close'],
  closed: ['followUp', 'reopen'],
};
export function assertDisputeAction(status: string, action: string): void {
  if (!(DISPUTE_ACTIONS[status as DisputeStatus] ?? []).includes(action)) throw new AppError('DISPUTE_TRANSITION_NOT_ALLOWED', { status, action });
}

/** Mediation case: accepted → agreed (Arts. 28–31) or failed (Art. 26); an agreed case gets confirmation and follow-up. */
export const MEDIATION_ACTIONS: Record<MediationStatus, readonly string[]> = {
  accepted: ['session', 'agreement', 'failure'],
  agreed: ['confirmation', 'followUp'],
  failed: [],
};
export function assertMediationAction(status: string, action: string): void {
  if (!(MEDIATION_ACTIONS[status as MediationStatus] ?? []).includes(action)) throw new AppError('MEDIATION_TRANSITION_NOT_ALLOWED', { status, action });
}
