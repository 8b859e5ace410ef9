/** 社区矫正 module: public surface. */
export { correctionsRoutes } from './corrections.routes';
export { createCorrectionsService, SUBJECT_OBJECT } from './corrections.service';
export type { CorrectionsService } from './corrections.service';
