import { type ErrorBody, type ErrorCode, errorCatalog, type FieldIssue } from '@tongxin/common/errors.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, pgErrorCode } from './app-error.ts';

const where: Record<string, string> = {
  body: '',
  querystring: '查询参数 ',
  params: '路径参数 ',
  headers: '请求头 ',
};

/** Chinese first; English when the client asks for it. */
export function messageFor(code: ErrorCode, request: FastifyRequest): string {
  const lang = String(request.headers['accept-language'] ?? '');
  return /^en\b/i.test(lang) ? errorCatalog[code].en : errorCatalog[code].zh;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  const body: ErrorBody = {
    error: { code, message: messageFor(code, request), requestId: String(request.id) },
  };
  if (details !== undefined) body.error.details = details;
  return reply.code(errorCatalog[code].status).type('application/json; charset=utf-8').send(body);
}

/**
 * Maps everything that can go wrong to one error body shape. Unknown errors are logged and become 500.
 * `pageFallback` answers page requests (non-API GETs) that match no route: the web app's index.html.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => unknown,
) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return sendError(request, reply, err.code, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const prefix = where[err.validationContext ?? 'body'] ?? '';
      const issues: FieldIssue[] = err.validation.map((v) => ({
        path: prefix + (v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(整体)'),
        message: v.message ?? '格式不正确',
      }));
      return sendError(request, reply, 'VALIDATION_FAILED', issues);
    }
    const mapped = mapFrameworkError(err);
    if (mapped) return sendError(request, reply, mapped);
    const pg = pgErrorCode(err);
    if (pg === '23505') return sendError(request, reply, 'DUPLICATE');
    if (pg === '23503') return sendError(request, reply, 'IN_USE');
    if (pg === '40001' || pg === '40P01') return sendError(request, reply, 'VERSION_CONFLICT');
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the web app; a missing file (an old asset name) gets a real 404.
    const isFile = /\.[A-Za-z0-9]+$/.test(request.url.split('?')[0] ?? '');
    if (pageFallback && request.method === 'GET' && !request.url.startsWith('/api/') && !isFile) {
      return pageFallback(request, reply);
    }
    return sendError(request, reply, 'ROUTE_NOT_FOUND');
  });
}

function mapFrameworkError(err: FastifyError): ErrorCode | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'MALFORMED_JSON';
  }
  if (err.statusCode === 429) return 'RATE_LIMITED';
  if (err.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (err.statusCode === 400 && err instanceof SyntaxError) return 'MALFORMED_JSON';
  if (err.statusCode === 400 || err.statusCode === 415 || err.statusCode === 404) {
    return err.statusCode === 415
      ? 'UNSUPPORTED_MEDIA_TYPE'
      : err.statusCode === 404
        ? 'NOT_FOUND'
        : 'VALIDATION_FAILED';
  }
  return undefined;
}
