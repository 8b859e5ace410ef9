import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { ResponseSerializationError, serializerCompiler as encodingSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

// Schema kinds whose parse and encode give the same value: no transforms, codecs (pipes), defaults or catches.
const SAME_BOTH_WAYS = new Set([
  'string', 'number', 'boolean', 'null', 'undefined', 'any', 'unknown', 'object', 'record', 'array', 'tuple',
  'union', 'intersection', 'enum', 'literal', 'nullable', 'optional', 'readonly', 'lazy', 'template_literal',
]);

/** True when every node of the schema is of a kind that parses and encodes alike (see SAME_BOTH_WAYS). */
export function parsesLikeItEncodes(schema: z.ZodType): boolean {
  const seen = new Set<unknown>();
  const visit = (s: z.ZodType): boolean => {
    if (seen.has(s)) return true;
    seen.add(s);
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (!SAME_BOTH_WAYS.has(def.type)) return false;
    if (def.type === 'lazy') return visit((def.getter as () => z.ZodType)());
    for (const [key, value] of Object.entries(def)) {
      if (key === 'type' || key === 'checks' || key === 'getter') continue;
      for (const child of children(value)) if (!visit(child)) return false;
    }
    return true;
  };
  return visit(schema);
}

function children(value: unknown): z.ZodType[] {
  if (value instanceof z.ZodType) return [value];
  if (Array.isArray(value)) return value.filter((v): v is z.ZodType => v instanceof z.ZodType);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).filter((v): v is z.ZodType => v instanceof z.ZodType);
  }
  return [];
}

/**
 * Response serialization: the body is checked against the route's Zod response schema (a body that does not
 * match it is a 500, never sent), then JSON.stringify'd — as fastify-type-provider-zod's own compiler does.
 * That compiler checks with `safeEncode`, which in Zod 4 misses the compiled fast path of `safeParse` and costs
 * about five times as much on a 20-row list; for schemas without transforms, codecs or defaults the two give the
 * same value, so those are checked with `safeParse`. Any other schema keeps the library's compiler.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType | { properties: z.ZodType }> = (route) => {
  const schema = route.schema instanceof z.ZodType ? route.schema : route.schema.properties;
  if (!(schema instanceof z.ZodType) || !parsesLikeItEncodes(schema)) return encodingSerializerCompiler(route as never);
  return (data) => {
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(route.method, route.url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
