import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Agency, AgencyBody, AgencyList, Complaint, ComplaintBody, ComplaintLinkBody, ComplaintList, Officer, OfficerBody, OfficerList, OfficerListQuery, PageQuery, Penalty, PenaltyBody, PenaltyDecideBody, PenaltyExtendBody, PenaltyList, PenaltyListQuery, Plan, PlanBody, PlanList,
} from '../../../common/contracts/enforcement-supervision';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { RegistersService } from './registers.service';

const TAG = ['行政执法监督台账'];
const READ: Permission = 'enforcement.register.read';
const MANAGE: Permission[] = ['enforcement.register.read', 'enforcement.register.manage'];
const Key = z.object({ key: z.string().min(1).max(64) });
const Version = z.object({ version: z.number().int().min(1) });

/**
 * Registers: 执法主体, 执法人员/执法证, 检查计划, 行政处罚 (行政处罚法第六十条 90-day clock, due dates from the deadline
 * engine), 12345 投诉. Data scope (scope.ts) in the service's queries: penalties and complaints of the viewer's streets'
 * firms or liaison agencies, officers of the liaison's agencies; agencies and plans are reference data; writes need
 * the district scope.
 */
export function registersRoutes(deps: { registers: RegistersService }) {
  const svc = deps.registers;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/v1/enforcement/agencies', { config: { permission: READ }, schema: { tags: TAG, summary: '执法主体台账', response: responses(AgencyList) }, handler: async () => svc.listAgencies() });
    r.post('/api/v1/enforcement/agencies', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记执法主体', body: AgencyBody, response: responses(Agency) }, handler: async (req) => svc.saveAgency(actorOf(req), req.body, null, meta(req)) });
    r.put('/api/v1/enforcement/agencies/:key', {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '修改执法主体', params: Key, body: AgencyBody.extend(Version.shape), response: responses(Agency) },
      handler: async (req) => svc.saveAgency(actorOf(req), { ...req.body, code: req.params.key }, req.body.version, meta(req)),
    });

    r.get('/api/v1/enforcement/officers', { config: { permission: READ }, schema: { tags: TAG, summary: '执法人员及执法证有效期', querystring: OfficerListQuery, response: responses(OfficerList) }, handler: async (req) => svc.listOfficers(actorOf(req), req.query) });
    r.post('/api/v1/enforcement/officers', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记执法人员及执法证', body: OfficerBody, response: responses(Officer) }, handler: async (req) => svc.saveOfficer(actorOf(req), req.body, null, meta(req)) });
    r.put('/api/v1/enforcement/officers/:key', {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '修改执法人员及执法证', params: Key, body: OfficerBody.extend(Version.shape), response: responses(Officer) },
      handler: async (req) => svc.saveOfficer(actorOf(req), { ...req.body, id: req.params.key }, req.body.version, meta(req)),
    });

    r.get('/api/v1/enforcement/plans', { config: { permission: READ }, schema: { tags: TAG, summary: '年度行政检查计划及单企年度检查上限', querystring: PageQuery, response: responses(PlanList) }, handler: async (req) => svc.listPlans(req.query) });
    r.post('/api/v1/enforcement/plans', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记年度检查计划（《北京市优化营商环境条例》第六十七条）', body: PlanBody, response: responses(Plan) }, handler: async (req) => svc.savePlan(actorOf(req), req.body, null, meta(req)) });
    r.put('/api/v1/enforcement/plans/:key', {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '修改年度检查计划', params: Key, body: PlanBody.extend(Version.shape), response: responses(Plan) },
      handler: async (req) => svc.savePlan(actorOf(req), { ...req.body, id: req.params.key }, req.body.version, meta(req)),
    });

    r.get('/api/v1/enforcement/penalties', { config: { permission: READ }, schema: { tags: TAG, summary: '行政处罚案件（立案之日起九十日内作出决定，行政处罚法第六十条）', querystring: PenaltyListQuery, response: responses(PenaltyList) }, handler: async (req) => svc.listPenalties(actorOf(req), req.query) });
    r.post('/api/v1/enforcement/penalties', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记行政处罚案件立案（期限登记于期限台账）', body: PenaltyBody, response: responses(Penalty) }, handler: async (req) => svc.filePenalty(actorOf(req), req.body, meta(req)) });
    r.post('/api/v1/enforcement/penalties/:key/extend', {
      config: { permission: MANAGE },
      schema: { tags: TAG, summary: '登记批准延长作出行政处罚决定期限（行政处罚法第六十条“另有规定的，从其规定”；须在原期限届满前批准）', params: Key, body: PenaltyExtendBody, response: responses(Penalty) },
      handler: async (req) => svc.extendPenalty(actorOf(req), req.params.key, req.body, meta(req)),
    });
    r.post('/api/v1/enforcement/penalties/:key/decide', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记行政处罚决定', params: Key, body: PenaltyDecideBody, response: responses(Penalty) }, handler: async (req) => svc.decidePenalty(actorOf(req), req.params.key, req.body, meta(req)) });

    r.get('/api/v1/enforcement/complaints', { config: { permission: READ }, schema: { tags: TAG, summary: '12345 热线涉企执法投诉', querystring: PageQuery, response: responses(ComplaintList) }, handler: async (req) => svc.listComplaints(actorOf(req), req.query) });
    r.post('/api/v1/enforcement/complaints/:key/link-clue', {
      config: { permission: [...MANAGE, 'enforcement.supervision.manage'] },
      schema: { tags: TAG, summary: '将 12345 投诉关联到已有问题线索', params: Key, body: ComplaintLinkBody, response: responses(Complaint) },
      handler: async (req) => svc.linkComplaint(actorOf(req), req.params.key, req.body, meta(req)),
    });
    r.post('/api/v1/enforcement/complaints', { config: { permission: MANAGE }, schema: { tags: TAG, summary: '登记 12345 热线投诉', body: ComplaintBody, response: responses(Complaint) }, handler: async (req) => svc.addComplaint(actorOf(req), req.body, meta(req)) });
  };
}
