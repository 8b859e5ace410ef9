import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditEntrySchema, AuditListQuery, AuditVerifyResult, listOf } from '../../../common/contracts';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { AuditService } from './audit.service';

export function auditRoutes(deps: { audit: AuditService }) {
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/v1/audit/logs', {
      config: { permission: 'audit.log.read' },
      schema: { tags: ['审计'], summary: '审计日志（只读，SM3 链式）', querystring: AuditListQuery, response: responses(listOf(AuditEntrySchema)) },
      handler: async (req) => deps.audit.list(req.query),
    });
    r.get('/api/v1/audit/verify', {
      config: { permission: 'audit.log.verify' },
      schema: { tags: ['审计'], summary: '校验审计日志 SM3 链，列出断点', response: responses(AuditVerifyResult) },
      handler: async (req) => {
        const res = await deps.audit.verify();
        const a = actorOf(req);
        await deps.audit.record({ actor: { id: a.userId, name: a.username }, ...meta(req), action: 'audit.verify', objectType: 'auditLog', outcome: res.ok ? 'success' : 'failure', extra: { checked: res.checked, breaks: res.breaks.length } });
        return res;
      },
    });
  };
}
