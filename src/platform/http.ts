// HTTP foundations shared by every module's routes: the problem+json error handler, the
// request's language and actor, and common schemas for the OpenAPI document.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, toProblem, type FieldError } from './errors.ts';
import { negotiateLocale, type Locale } from './i18n.ts';
import type { Actor } from './actor.ts';
import type { Db } from './db.ts';
import type { Config } from './config.ts';
import type { Platform } from './module.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** The modules of this app, their runtimes, hooks and outbox handlers. */
    platform: Platform;
    /** Every route registered, as Fastify saw it (method, URL pattern, and the body types of an upload route). */
    routeTable: readonly { method: string; url: string; consumes?: readonly string[] }[];
  }
  interface FastifyRequest {
    locale: Locale;
    actor: Actor;
  }
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), code: Type.String(), detail: Type.String() })),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
);

export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
};

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const Localized = Type.Object({
  th: Type.String(),
  zh: Type.Union([Type.String(), Type.Null()]),
  en: Type.Union([Type.String(), Type.Null()]),
});
export type LocalizedText = Static<typeof Localized>;
export const Pagination = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  perPage: Type.Integer({ minimum: 1, maximum: 100, default: 24 }),
});

/** Maps Ajv's keywords to the stable field codes that have messages in three languages. */
/** The value at an Ajv instance path ("/address/phone") in what was sent. */
function valueAt(data: unknown, pointer: string): unknown {
  let at: any = data;
  for (const key of pointer.split('/').slice(1)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = at[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}

/** What a validation error's context ("body", "querystring", "params", "headers") was checked against. */
const validated = (request: FastifyRequest, ctx: string | undefined): unknown =>
  ctx === 'querystring'
    ? request.query
    : ctx === 'params'
      ? request.params
      : ctx === 'headers'
        ? request.headers
        : request.body;

function fieldErrorsFromValidation(err: FastifyError, sent: unknown): FieldError[] {
  const ctx = (err as any).validationContext as string | undefined;
  const seen = new Set<string>();
  return (err.validation ?? []).flatMap((v: any) => {
    const base = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
    const params = v.params ?? {};
    let field = base;
    if (v.keyword === 'required') field = base ? `${base}.${params.missingProperty}` : params.missingProperty;
    if (v.keyword === 'additionalProperties')
      field = base ? `${base}.${params.additionalProperty}` : params.additionalProperty;
    if (ctx && ctx !== 'body') field = field || ctx;
    let code =
      (
        {
          required: 'required',
          minLength: 'too_short',
          maxLength: 'too_long',
          minimum: 'too_small',
          maximum: 'too_large',
          minItems: 'too_short',
          maxItems: 'too_long',
          exclusiveMinimum: 'too_small',
          format: 'bad_format',
          pattern: 'bad_format',
          type: 'bad_type',
          enum: 'not_allowed',
          const: 'not_allowed',
          anyOf: 'invalid',
          additionalProperties: 'unknown',
        } as Record<string, string>
      )[v.keyword] ?? 'invalid';
    // An empty text where something is needed reads "required", not "too short (at least 1)".
    if (code === 'too_short' && v.keyword === 'minLength' && params.limit === 1) code = 'required';
    // So does an empty text that fails a pattern, a format or a list ("格式不正确" for a field left blank).
    if ((code === 'bad_format' || code === 'too_short' || code === 'not_allowed') && v.keyword !== 'minItems') {
      const value = valueAt(sent, v.instancePath || '');
      if (typeof value === 'string' && value.trim() === '') code = 'required';
    }
    const key = `${field}\u0000${code}`;
    if (seen.has(key)) return []; // one message per field and reason
    seen.add(key);
    const p: Record<string, unknown> = {};
    if ('limit' in params) {
      p.min = params.limit;
      p.max = params.limit;
    }
    return [{ field: field || 'body', code, params: p }];
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: AppError) {
  return reply
    .code(err.status)
    .type('application/problem+json')
    .send(toProblem(err, request.locale ?? 'th', request.url));
}

/** The SQLSTATE of a database error (postgres.js and PGlite put it on the error or on drizzle's `cause`). */
export function sqlState(err: unknown): string | undefined {
  for (let e: any = err, i = 0; e && i < 4; e = e.cause, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Whether the database could not be reached (connection cut, server restarting, pool closed). */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: any = err, i = 0; e && i < 4; e = e.cause, i++) {
    const code = String(e.code ?? '');
    if (/^(08|57P0|53)/.test(code)) return true;
    if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|CONNECTION_(CLOSED|ENDED|DESTROYED)|CONNECT_TIMEOUT)$/.test(code))
      return true;
  }
  return false;
}

/**
 * What a database error means to the caller when a service did not turn it into an AppError first:
 * bad input the schema could not catch (22xxx: a value out of range, a NUL byte, a malformed enum),
 * a reference to something that does not exist (23503), a duplicate (23505), a broken rule (23514),
 * contention (40001/40P01) or an unreachable database — the last two retryable with a 503.
 */
export function problemFromDatabase(err: unknown): AppError | null {
  if (isDatabaseUnavailable(err)) return new AppError(503, 'service_unavailable');
  const state = sqlState(err);
  if (!state) return null;
  if (state.startsWith('22')) return new AppError(422, 'validation_failed', {}, [{ field: 'body', code: 'invalid' }]);
  if (state === '23503') return new AppError(422, 'unknown_reference');
  if (state === '23505') return new AppError(409, 'conflict');
  if (state === '23514' || state === '23502')
    return new AppError(422, 'validation_failed', {}, [{ field: 'body', code: 'invalid' }]);
  if (state === '40001' || state === '40P01' || state === '55P03') return new AppError(503, 'service_unavailable');
  return null;
}

/** Answers the router's own refusals (a malformed URL, a path parameter too long) as problems too. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode === 414 ? 414 : 400;
  request.locale = negotiateLocale(request.headers['accept-language']);
  return sendProblem(request, reply, new AppError(status, status === 414 ? 'uri_too_long' : 'bad_request'));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.addSchema(ProblemSchema);
  app.decorateRequest('locale', 'th');
  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error);
    if (error.validation)
      return sendProblem(
        request,
        reply,
        new AppError(
          422,
          'validation_failed',
          {},
          fieldErrorsFromValidation(error, validated(request, (error as any).validationContext)),
        ),
      );
    const fromDb = problemFromDatabase(error);
    if (fromDb) {
      if (fromDb.status === 503) reply.header('retry-after', '2');
      else request.log.warn({ err: error }, 'database refused the input');
      return sendProblem(request, reply, fromDb);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(request, reply, new AppError(413, 'payload_too_large'));
    if (status === 415) return sendProblem(request, reply, new AppError(415, 'unsupported_media_type'));
    if (status === 414) return sendProblem(request, reply, new AppError(414, 'uri_too_long'));
    if (status === 431) return sendProblem(request, reply, new AppError(431, 'headers_too_large'));
    if (status === 503) {
      reply.header('retry-after', '2');
      return sendProblem(request, reply, new AppError(503, 'service_unavailable'));
    }
    if (status === 429) return sendProblem(request, reply, new AppError(429, 'rate_limited'));
    if (status >= 400 && status < 500) return sendProblem(request, reply, new AppError(status, 'bad_request'));
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new AppError(500, 'internal_error'));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new AppError(404, 'not_found', { what: request.url })),
  );
}
