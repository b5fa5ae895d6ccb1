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
function fieldErrorsFromValidation(err: FastifyError): FieldError[] {
  const ctx = (err as any).validationContext as string | undefined;
  return (err.validation ?? []).map((v: any) => {
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
    const p: Record<string, unknown> = {};
    if ('limit' in params) {
      p.min = params.limit;
      p.max = params.limit;
    }
    return { field: field || 'body', code, params: p };
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: AppError) {
  return reply
    .code(err.status)
    .type('application/problem+json')
    .send(toProblem(err, request.locale ?? 'th', request.url));
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
      return sendProblem(request, reply, new AppError(422, 'validation_failed', {}, fieldErrorsFromValidation(error)));
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(request, reply, new AppError(413, 'payload_too_large'));
    if (status === 415) return sendProblem(request, reply, new AppError(415, 'unsupported_media_type'));
    if (status === 429) return sendProblem(request, reply, new AppError(429, 'rate_limited'));
    if (status >= 400 && status < 500) return sendProblem(request, reply, new AppError(status, 'bad_request'));
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new AppError(500, 'internal_error'));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new AppError(404, 'not_found', { what: request.url })),
  );
}
