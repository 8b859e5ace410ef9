/** 行政复议 module: public surface. */
export { reconsiderationRoutes } from './reconsideration.routes';
export { createReconsiderationService } from './reconsideration.service';
export type { ReconsiderationService } from './reconsideration.service';
export { portalRoutes } from './portal.routes';
export { createPortalService, type PortalService } from './portal.service';
export { TRANSITIONS, allowedActions, type ReconAction } from './status';
export { productivityRoutes } from './productivity.routes';
export { createProductivityService, type ProductivityService } from './productivity.service';
export { indexCases, tokenize } from './search';
export { consultationRoutes } from './consultation.routes';
// ConsultationService.createWithin(trx, …): a 咨询接待 record inside another module's transaction (the 12348 referral)
export { createConsultationService, settlementRate, type ConsultationService } from './consultation.service';
export { statsRoutes } from './stats.routes';
export { createStatsService, DEFAULT_CORRECTIVE_TYPES, type StatsService } from './stats.service';
// 行政复议文书: routes, and for the public portal renderDocumentDocx(docId) / listDocumentsServedOnline(caseId) on the service
export { reconDocumentRoutes } from './documents/documents.routes';
export { createDocumentsService, KIND_RULES as RECON_DOCUMENT_KIND_RULES, type DocumentsService } from './documents/documents.service';
