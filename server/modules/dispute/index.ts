/** 矛盾纠纷排查化解 and 人民调解 module: public surface. */
export { disputeRoutes } from './dispute.routes';
export { createDisputeService } from './dispute.service';
// DisputeService.intakeWithin(trx, …): the intake inside another module's transaction (the 12348 referral)
export type { DisputeService, IntakeOutcome as DisputeIntakeOutcome } from './dispute.service';
export { createMediationService, CONFIRMATION_RULE, MEDIATION_OBJECT } from './mediation.service';
export type { MediationService } from './mediation.service';
