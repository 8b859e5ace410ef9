/** 合法性审查 module: public surface. The review engine lives in ./engine (its own index.ts). */
export { legalityReviewRoutes } from './legality-review.routes';
export { createLegalityReviewService, type LegalityReviewService, type ReviewEngine } from './legality-review.service';
export { createRegistersService, type RegistersService } from './registers.service';
export { TRANSITIONS as LEGALITY_TRANSITIONS, allowedActions as legalityAllowedActions } from './status';
// The review engine's wiring, re-exported so that app.ts imports the module through this index (lint boundary).
export { createLegalityEngineService, legalityEngineRoutes, type LegalityEngineService } from './engine';
