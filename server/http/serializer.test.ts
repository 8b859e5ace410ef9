import { isResponseSerializationError, serializerCompiler as libraryCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeadlineDetail, DeadlineSchema, ErrorBodySchema, listOf } from '../../common/contracts';
import { parsesLikeItEncodes, serializerCompiler } from './serializer';

const compile = (fn: typeof serializerCompiler, schema: z.ZodType) => fn({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (data: unknown) => string;

const item = {
  id: 'd1', module: 'reconsideration', objectType: 'case', objectId: '西复〔2025〕1号', title: '期限', ruleId: 'r', ruleTitle: '受理审查', citation: '《行政复议法》第三十条',
  startDate: '2025-09-01', dueDate: null, status: 'open', flags: ['PAUSED'], departmentId: 'dep', assigneeId: null, daysLeft: null, startAt: null, dueAt: null, hoursLeft: null, overdue: false,
};

describe('response serializer', () => {
  it('takes the safeParse path only for schemas that parse and encode alike', () => {
    for (const s of [DeadlineDetail, listOf(DeadlineSchema), ErrorBodySchema, z.object({ a: z.lazy(() => z.string()).optional(), b: z.union([z.literal(1), z.null()]) })]) expect(parsesLikeItEncodes(s)).toBe(true);
    for (const s of [z.object({ a: z.string().transform((x) => x.length) }), z.object({ a: z.codec(z.string(), z.number(), { decode: Number, encode: String }) }), z.object({ a: z.string().default('x') }), z.array(z.string().catch('x'))]) {
      expect(parsesLikeItEncodes(s)).toBe(false);
    }
  });

  it('writes what the library compiler writes, strips undeclared fields, and refuses a body that breaks its schema', () => {
    const schema = listOf(DeadlineSchema);
    const body = { data: [{ ...item, secret: 'never sent' }, { ...item, id: 'd2', dueDate: '2025-10-01', daysLeft: 5 }], total: 2 };
    const ours = compile(serializerCompiler, schema);
    expect(ours(body)).toBe(compile(libraryCompiler as never, schema)(body));
    expect(ours(body)).not.toContain('never sent');
    let err: unknown;
    try {
      ours({ data: [{ ...item, status: 'lost' }], total: 1 });
    } catch (e) {
      err = e;
    }
    expect(err && isResponseSerializationError(err as never)).toBe(true);
  });

  it('keeps the library compiler for a schema with a transform', () => {
    const schema = z.object({ n: z.number().transform(String) });
    expect(() => compile(serializerCompiler, schema)({ n: 1 })).toThrow();
  });
});
