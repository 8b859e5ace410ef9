/** 行政应诉 module: public surface. */
export { litigationRoutes } from './litigation.routes';
export { createLitigationService, statusOf, DEFENCE_RULE, APPEAL_RULES } from './litigation.service';
export type { LitigationService } from './litigation.service';
