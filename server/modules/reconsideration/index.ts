/** 行政复议 module: public surface. */
export { reconsiderationRoutes } from './reconsideration.routes';
export { createReconsiderationService } from './reconsideration.service';
export type { ReconsiderationService } from './reconsideration.service';
export { TRANSITIONS, allowedActions, type ReconAction } from './status';
