/**
 * 法治建设工作记录 module: public surface. Tables of migration 065-rule-of-law (rol_*).
 *
 * For the dashboard and the annual 法治政府建设 report (parts 1 and 3 and the assessment):
 *   const summary = await ruleOfLaw.yearSummary(actor, { year: 2026 });
 * returns RuleOfLawYearSummaryT (common/contracts/rule-of-law.ts) limited to the actor's data scope, like the other
 * modules' stats(actor, q): trainings { sessions, attendances, hours }; leadershipStudySessions { sessions, preMeeting,
 * centralGroup, list[{ heldOn, kind, meetingName, topic, … }] }; lawReportings { count, list[{ reporterName, position,
 * departmentName, reportedOn, grade }] }; inspections { count, findings, internalControlFindings, rectified, verified,
 * overdue, rectificationRate }; assessment { schemeName, units, averageScore, top }; publicity { plan, campaigns,
 * events, audienceReached, educationBases, byKind }; basis (the instruments cited, with their verified flag).
 * The same figures are served at GET /api/v1/rule-of-law/summary?year=YYYY (permission ruleOfLaw.read).
 */
export { ruleOfLawRoutes } from './rule-of-law.routes';
export { createRuleOfLawService, type RuleOfLawService } from './rule-of-law.service';
export type { RuleOfLawYearSummaryT } from '../../../common/contracts/rule-of-law';
