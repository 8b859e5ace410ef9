import { z } from 'zod';
import { ERRORS, type ErrorCode } from '../errors';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const IsoInstant = z.string();
export const Id = z.string().min(1).max(64);

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});

export const OkSchema = z.object({ ok: z.literal(true) });

export const Paging = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ data: z.array(item), total: z.number().int() });
}
