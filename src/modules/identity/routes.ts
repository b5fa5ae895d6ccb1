// HTTP for identity: sign-up, sign-in (rate-limited per IP and per account), sign-out.
// GET /api/me lives in the sellers routes, because it lists the shops the user belongs to and
// identity may not call the sellers module.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/http.ts';
import { LocaleSchema, UserSchema } from './schemas.ts';
import {
  changePassword,
  listSessions,
  parseLogin,
  revokeOtherSessions,
  revokeSession,
  signIn,
  signOut,
  signUp,
  SESSION_COOKIE,
  PASSWORD_MAX_LENGTH,
  type Session,
} from './service.ts';

const SignUpBody = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 254, description: 'An email, a Thai mobile number, or both' })),
    phone: Type.Optional(
      Type.String({ maxLength: 32, description: 'Thai mobile, e.g. 081-234-5678; stored as +66812345678' }),
    ),
    password: Type.String({ maxLength: PASSWORD_MAX_LENGTH * 4, description: 'At least 8 characters' }),
    displayName: Type.String({ maxLength: 200 }),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

const SignInBody = Type.Object(
  {
    identifier: Type.String({ minLength: 1, maxLength: 254, description: 'Email or Thai mobile number' }),
    password: Type.String({ maxLength: PASSWORD_MAX_LENGTH * 4 }),
  },
  { additionalProperties: false },
);

/** Sets the new session's cookie; the session the browser had before (if any) ends. */
async function replaceSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  session: Session,
): Promise<void> {
  await signOut(app.db, request.cookies[SESSION_COOKIE]);
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
}

export async function identityRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const perMinute = { max: app.config.signInRateLimitPerMinute, timeWindow: '1 minute' };
  // The route's own limit counts per IP; this one counts per account, whatever IP guesses at it.
  const perIdentifier = app.createRateLimit({
    ...perMinute,
    keyGenerator: (req: FastifyRequest) => {
      const identifier = String((req.body as { identifier?: unknown } | undefined)?.identifier ?? '');
      const login = parseLogin(identifier);
      return `sign-in:${login ? Object.values(login)[0] : identifier.trim().toLowerCase()}`;
    },
  });

  // Sign-up says plainly when an address is taken (409), so it is limited per IP too: nobody
  // walks the phone number space through it.
  app.post(
    '/auth/sign-up',
    {
      config: { rateLimit: perMinute },
      schema: {
        tags: ['identity'],
        summary: 'Create an account with an email or a Thai mobile number and sign in',
        body: SignUpBody,
        response: { 201: UserSchema, 429: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { user, session } = await signUp(app.db, request.actor, {
        ...request.body,
        locale: request.body.locale ?? request.locale,
        sessionTtlDays: app.config.sessionTtlDays,
        userAgent: request.headers['user-agent'],
      });
      await replaceSession(app, request, reply, session);
      return reply.code(201).send(user);
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: { rateLimit: perMinute },
      preHandler: async (request) => {
        const limit = await perIdentifier(request);
        if (!limit.isAllowed && limit.isExceeded) throw new AppError(429, 'rate_limited');
      },
      schema: {
        tags: ['identity'],
        summary: 'Sign in; sets the httpOnly session cookie',
        body: SignInBody,
        response: { 200: UserSchema, 429: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { user, session } = await signIn(app.db, request.actor, {
        ...request.body,
        sessionTtlDays: app.config.sessionTtlDays,
        userAgent: request.headers['user-agent'],
      });
      await replaceSession(app, request, reply, session);
      return user;
    },
  );

  app.post(
    '/auth/sign-out',
    {
      schema: { tags: ['identity'], summary: 'End the current session', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await signOut(app.db, request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  // The account's own sessions: listed without their secrets, each revocable; a password change
  // ends every session but the one that made it.
  app.get(
    '/auth/sessions',
    {
      schema: {
        tags: ['identity'],
        summary: "The signed-in account's sessions",
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String({ description: 'A public id of the session (never its secret)' }),
              userAgent: Type.Union([Type.String(), Type.Null()], {
                description: 'The User-Agent of the browser that signed in',
              }),
              createdAt: Type.String({ format: 'date-time' }),
              lastSeenAt: Type.String({ format: 'date-time', description: 'Last used, to within five minutes' }),
              expiresAt: Type.String({ format: 'date-time' }),
              current: Type.Boolean({ description: 'The session making this request' }),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => listSessions(app.db, request.actor, request.cookies[SESSION_COOKIE]),
  );
  app.delete(
    '/auth/sessions',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign out everywhere else: end every session of the account but this one',
        response: { 200: Type.Object({ ended: Type.Integer({ minimum: 0 }) }), ...problemResponses },
      },
    },
    async (request) => ({
      ended: await revokeOtherSessions(app.db, request.actor, request.cookies[SESSION_COOKIE]),
    }),
  );
  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'End one of your own sessions',
        params: Type.Object({ id: Type.String({ minLength: 24, maxLength: 24 }) }),
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await revokeSession(app.db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/auth/password',
    {
      config: { rateLimit: perMinute },
      schema: {
        tags: ['identity'],
        summary: 'Change the password; every other session of the account ends',
        body: Type.Object(
          {
            currentPassword: Type.String({ maxLength: PASSWORD_MAX_LENGTH * 4 }),
            newPassword: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 429: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      await changePassword(app.db, request.actor, { ...request.body, keepToken: request.cookies[SESSION_COOKIE] });
      return reply.code(204).send(null);
    },
  );
}
