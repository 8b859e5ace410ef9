/**
 * 公共法律服务 module: public surface. Tables of migration 040-legal-services (legal_aid_*, legal_service_*).
 * 法律援助 (legal-aid.service), 12348 / consultations (hotline.service), service points and the 15-minute circle
 * (points.service), pure rules (rules.ts: means test, urgency, lawyer ranking, walking distance); enterprise services
 * (enterprise.service), institution registers and approvals (registers.service), 12348 quality sampling, knowledge
 * base and referral (hotline-quality.service); routes of the second part in enterprise.routes (migration 042).
 */
export { legalServicesRoutes } from './legal-services.routes';
export { createLegalAidService, type LegalAidService } from './legal-aid.service';
export { createHotlineService, type HotlineService } from './hotline.service';
export { createPointsService, type PointsService } from './points.service';
export { createInspectionsService, type InspectionsService } from './inspections.service';
// issue 6, second part: enterprise services, institution registers and approvals, 12348 quality / knowledge base / referral
export { createEnterpriseService, type EnterpriseService } from './enterprise.service';
export { createRegistersService as createLegalServiceRegistersService, type RegistersService as LegalServiceRegistersService } from './registers.service';
export { createHotlineQualityService, type HotlineQualityService } from './hotline-quality.service';
export { legalServicesMoreRoutes } from './enterprise.routes';
// the headline figures of GET /api/v1/legal-services/figures, for the dashboard and the annual report
export { headlineFigures } from './stats-export';
// integrity grades bounded by the year's assessment, inspections and complaints (the demo seed keeps its data consistent)
export { gradeFacts } from './grade-ceiling';
export { GRADE_CEILING_RULE, gradeCeiling, worseGrade, type IntegrityGrade } from './rules';
