import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PersonCreateBody, PersonRevealResponse, PersonSchema, PersonSearchBody, listOf } from '../../../common/contracts';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { PeopleService } from './people.service';

const IdParams = z.object({ id: z.string().min(1).max(64) });

export function peopleRoutes(deps: { people: PeopleService }) {
  const { people } = deps;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post('/api/v1/people', {
      config: { permission: 'person.create' },
      schema: { tags: ['当事人'], summary: '登记当事人（身份证号 GB 11643 校验，SM4 加密存储）', body: PersonCreateBody, response: responses(PersonSchema) },
      handler: async (req) => people.create(actorOf(req), req.body, meta(req)),
    });
    // POST, not GET: the search terms are personal data and must not appear in URLs or access logs.
    r.post('/api/v1/people/search', {
      config: { permission: 'person.read' },
      schema: { tags: ['当事人'], summary: '按身份证号或手机号精确检索（盲索引），结果脱敏', body: PersonSearchBody, response: responses(listOf(PersonSchema)) },
      handler: async (req) => people.search(actorOf(req), req.body),
    });
    r.get('/api/v1/people/:id', {
      config: { permission: 'person.read' },
      schema: { tags: ['当事人'], summary: '当事人详情（脱敏）', params: IdParams, response: responses(PersonSchema) },
      handler: async (req) => people.get(actorOf(req), req.params.id),
    });
    r.post('/api/v1/people/:id/reveal', {
      config: { permission: ['person.read', 'personal.viewFull'] },
      schema: { tags: ['当事人'], summary: '查看完整身份证号与手机号（留痕）', params: IdParams, response: responses(PersonRevealResponse) },
      handler: async (req) => people.reveal(actorOf(req), req.params.id, meta(req)),
    });
  };
}
