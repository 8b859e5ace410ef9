/**
 * 公共法律服务 module: public surface. Tables of migration 040-legal-services (legal_aid_*, legal_service_*).
 * 法律援助 (legal-aid.service), 12348 / consultations (hotline.service), service points and the 15-minute circle
 * (points.service), pure rules (rules.ts: means test, urgency, lawyer ranking, walking distance).
 */
export { legalServicesRoutes } from './legal-services.routes';
export { createLegalAidService, type LegalAidService } from './legal-aid.service';
export { createHotlineService, type HotlineService } from './hotline.service';
export { createPointsService, type PointsService } from './points.service';
export { createInspectionsService, type InspectionsService } from './inspections.service';
