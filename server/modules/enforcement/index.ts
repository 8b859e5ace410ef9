/**
 * 行政执法监督 module: public surface.
 *
 * Core (records, import, detections) — tables of migration 030-enforcement-core:
 *   enforcement_agencies, enforcement_officers, enforcement_inspection_plans, enforcement_firms,
 *   enforcement_inspections (PostgreSQL; on SQLite enforcement_inspection_segments, migration 070 — write inspections
 *   only through the importer or insertInspections), enforcement_penalties, enforcement_complaints, enforcement_detections (materialised flags
 *   with stable ids, status active | cleared).
 * After changing officers, plans, inspections or penalties call bumpDataVersion(db) so detections re-run.
 */
export { detectionRoutes } from './detections/detections.routes';
export {
  createDetectionService,
  runDetection,
  listDetections,
  getDetection,
  computeFlags,
  ensureDetectionRun,
  storedParams,
  defaultParams,
  parseParams,
  bumpDataVersion,
  dataVersion,
  storedInspectionRecords,
  type DetectionService,
  type DetectionRange,
} from './detections/detections.service';
export { insertInspections, segmentOf as inspectionSegment, SEGMENT_MAX_ROWS, type InspectionInput } from './detections/store';
export { importRoutes, IMPORT_MAX_BYTES } from './enforcement.import.routes';
export { createImportService, type ImportService, type ImportKind } from './enforcement.import.service';
export { INSPECTION_CSV_COLUMNS, PENALTY_CSV_COLUMNS } from '../../../common/contracts/enforcement';
// Supervision workflow (clues, orders, opinion letters), registers and analysis — migration 034-enforcement-supervision.
export { supervisionRoutes } from './supervision.routes';
export { createSupervisionService, type SupervisionService } from './supervision.service';
export { registersRoutes } from './registers.routes';
export { createRegistersService as createEnforcementRegistersService, type RegistersService as EnforcementRegistersService } from './registers.service';
export { analysisRoutes } from './analysis.routes';
export { createAnalysisService as createEnforcementAnalysisService, type AnalysisService as EnforcementAnalysisService } from './analysis.service';
