import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERRORS, type ErrorBody, type ErrorCode } from '../../common/errors';

function send(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, details?: unknown, message?: string) {
  const body: ErrorBody = { error: { code, message: message ?? ERRORS[code].message, requestId: req.id } };
  if (details !== undefined) body.error.details = details;
  return reply.code(ERRORS[code].status).type('application/json; charset=utf-8').send(body);
}

/**
 * The one error handler: AppError → its catalogued status; Zod validation → 400 VALIDATION_FAILED with the issues;
 * Fastify's own client errors → stable codes; anything else → 500 INTERNAL (logged without request bodies).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, 'app error');
      return send(reply, req, err.code, err.details, err.message);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
        message: v.message,
      }));
      return send(reply, req, 'VALIDATION_FAILED', { issues });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ route: req.routeOptions.url, issues: err.cause.issues }, 'response does not match its schema');
      return send(reply, req, 'INTERNAL');
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return send(reply, req, 'RATE_LIMITED');
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, req, 'PAYLOAD_TOO_LARGE');
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, req, 'UNSUPPORTED_MEDIA_TYPE');
    if (fe.validation) {
      return send(reply, req, 'VALIDATION_FAILED', { issues: fe.validation.map((v) => ({ path: v.instancePath, message: v.message })) });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return send(reply, req, 'BAD_REQUEST');
    req.log.error({ err: { message: err.message, stack: err.stack, code: fe.code } }, 'unhandled error');
    return send(reply, req, 'INTERNAL');
  });
  app.setNotFoundHandler((req, reply) => send(reply, req, 'ROUTE_NOT_FOUND'));
}
