import type { z } from 'zod';
import { ErrorBodySchema } from '../../common/contracts';

const errorResponses = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  413: ErrorBodySchema,
  422: ErrorBodySchema,
  423: ErrorBodySchema,
  429: ErrorBodySchema,
  500: ErrorBodySchema,
} as const;

/** A route's response schemas: its success body plus the shared error body for every error status. */
export function responses<T extends z.ZodTypeAny>(ok: T): { 200: T } & typeof errorResponses {
  return { 200: ok, ...errorResponses };
}
