// The OCTO supplier API under /octo (outside /api: resellers' clients expect OCTO's own paths and
// error shape). Resellers authenticate with `Authorization: Bearer <api key>`.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  availability,
  availabilityCalendar,
  cancelOctoBooking,
  confirmBooking,
  extendBooking,
  getBooking,
  listBookings,
  OctoError,
  product,
  products,
  reserveBooking,
  updateBooking,
} from './octo.ts';
import { resellerOf } from './resellers.ts';
import { type TicketKeys, ticketOf, ticketPdf } from './tickets.ts';
import { AppError } from '../../platform/errors.ts';

const Str = (max = 200) => Type.String({ maxLength: max });
const Contact = Type.Object({
  fullName: Type.Optional(Type.Union([Str(), Type.Null()])),
  firstName: Type.Optional(Type.Union([Str(), Type.Null()])),
  lastName: Type.Optional(Type.Union([Str(), Type.Null()])),
  emailAddress: Type.Optional(Type.Union([Str(), Type.Null()])),
  phoneNumber: Type.Optional(Type.Union([Str(40), Type.Null()])),
  locales: Type.Optional(Type.Array(Str(20), { maxItems: 10 })),
  postalCode: Type.Optional(Type.Union([Str(20), Type.Null()])),
  country: Type.Optional(Type.Union([Str(2), Type.Null()])),
  notes: Type.Optional(Type.Union([Str(2000), Type.Null()])),
});
const AvailabilityBody = Type.Object({
  productId: Str(64),
  optionId: Str(64),
  localDateStart: Type.Optional(Type.String({ format: 'date' })),
  localDateEnd: Type.Optional(Type.String({ format: 'date' })),
  availabilityIds: Type.Optional(Type.Array(Str(64), { maxItems: 100 })),
  units: Type.Optional(
    Type.Array(Type.Object({ id: Str(64), quantity: Type.Integer({ minimum: 0, maximum: 100 }) }), { maxItems: 20 }),
  ),
});
const Uuid = Type.String({ maxLength: 64 });
const Details = {
  resellerReference: Type.Optional(Str(100)),
  contact: Type.Optional(Contact),
  notes: Type.Optional(Str(2000)),
};
const Any = Type.Object({}, { additionalProperties: true });
const ok = (schema: unknown) => ({ 200: schema });

export async function octoRoutes(base: FastifyInstance, publicUrl: string): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const secret = app.config.personalDataKey;
  const keys: TicketKeys = { secret, publicUrl };
  const tags = ['octo'];

  // OCTO's error shape for everything under /octo, the request validation included.
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof OctoError) return reply.code(err.status).send(err.body);
    const e = err as { validation?: unknown; statusCode?: number; message?: string };
    if (e.validation || (e.statusCode && e.statusCode < 500))
      return reply.code(400).send({ error: 'BAD_REQUEST', errorMessage: e.message ?? 'Bad request' });
    app.log.error(err);
    return reply.code(500).send({ error: 'INTERNAL_SERVER_ERROR', errorMessage: 'Internal server error' });
  });
  app.decorateRequest('reseller', null);
  app.addHook('preHandler', async (req: FastifyRequest & { reseller?: { id: string; name: string } | null }) => {
    const r = await resellerOf(db, req.headers.authorization);
    if (!r) throw new OctoError('UNAUTHORIZED', 'Missing or invalid API key', {}, 401);
    req.reseller = r;
  });
  const who = (req: FastifyRequest) => (req as FastifyRequest & { reseller: { id: string } }).reseller.id;
  const auth = { security: [{ apiToken: [] }] };

  app.get('/supplier', { schema: { tags, ...auth, summary: 'OCTO: the supplier', response: ok(Any) } }, async () => ({
    id: 'talad',
    name: 'Talad (ตลาด) community experiences',
    endpoint: '/octo',
    contact: { website: null, email: null, telephone: null, address: 'Thailand' },
  }));
  app.get(
    '/products',
    { schema: { tags, ...auth, summary: 'OCTO: products', response: ok(Type.Array(Any)) } },
    async () => products(db),
  );
  app.get(
    '/products/:productId',
    {
      schema: {
        tags,
        ...auth,
        summary: 'OCTO: a product',
        params: Type.Object({ productId: Uuid }),
        response: ok(Any),
      },
    },
    async (req) => product(db, req.params.productId),
  );
  app.post(
    '/availability/calendar',
    {
      schema: {
        tags,
        ...auth,
        summary: 'OCTO: availability by day',
        body: AvailabilityBody,
        response: ok(Type.Array(Any)),
      },
    },
    async (req) => {
      if (!req.body.localDateStart || !req.body.localDateEnd)
        throw new OctoError('BAD_REQUEST', 'localDateStart and localDateEnd are required');
      return availabilityCalendar(db, req.body);
    },
  );
  app.post(
    '/availability',
    {
      schema: {
        tags,
        ...auth,
        summary: 'OCTO: availability by start time',
        body: AvailabilityBody,
        response: ok(Type.Array(Any)),
      },
    },
    async (req) => availability(db, req.body),
  );
  app.post(
    '/bookings',
    {
      schema: {
        tags,
        ...auth,
        summary: 'OCTO: reserve (ON_HOLD until utcExpiresAt)',
        body: Type.Object({
          uuid: Type.Optional(Type.String({ format: 'uuid' })),
          productId: Str(64),
          optionId: Str(64),
          availabilityId: Str(64),
          unitItems: Type.Array(Type.Object({ unitId: Str(64), uuid: Type.Optional(Str(64)) }), {
            minItems: 1,
            maxItems: 100,
          }),
          expirationMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
          ...Details,
        }),
        response: ok(Any),
      },
    },
    async (req) => reserveBooking(db, keys, who(req), req.body),
  );
  app.get(
    '/bookings',
    {
      schema: {
        tags,
        ...auth,
        summary: 'OCTO: the reseller’s bookings',
        querystring: Type.Object({
          resellerReference: Type.Optional(Str(100)),
          supplierReference: Type.Optional(Str(40)),
        }),
        response: ok(Type.Array(Any)),
      },
    },
    async (req) => listBookings(db, keys, who(req), req.query),
  );
  const Params = Type.Object({ uuid: Uuid });
  app.get(
    '/bookings/:uuid',
    { schema: { tags, ...auth, summary: 'OCTO: a booking', params: Params, response: ok(Any) } },
    async (req) => getBooking(db, keys, who(req), req.params.uuid),
  );
  app.get(
    '/bookings/:uuid/ticket.pdf',
    {
      schema: {
        tags,
        ...auth,
        summary: 'The ticket PDF of a confirmed booking (the voucher’s PDF_URL), in lang or the request’s language',
        params: Params,
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')])),
        }),
      },
    },
    async (req, reply) => {
      const booking = await getBooking(db, keys, who(req), req.params.uuid);
      const locale = req.query.lang ?? req.locale;
      const ticket = await ticketOf(db, keys, booking.id, locale).catch((err: unknown) => {
        if (err instanceof AppError)
          throw new OctoError('BAD_REQUEST', 'The booking is not confirmed, so it has no ticket');
        throw err;
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="ticket-${ticket.reference}.pdf"`)
        .send(await ticketPdf(ticket, locale));
    },
  );
  app.post(
    '/bookings/:uuid/confirm',
    {
      schema: {
        tags,
        ...auth,
        summary: 'OCTO: confirm a booking on hold',
        params: Params,
        body: Type.Object({ ...Details, unitItems: Type.Optional(Type.Array(Any, { maxItems: 100 })) }),
        response: ok(Any),
      },
    },
    async (req) => confirmBooking(db, keys, who(req), req.params.uuid, req.body),
  );
  app.patch(
    '/bookings/:uuid',
    {
      schema: {
        tags,
        ...auth,
        summary: 'OCTO: update a booking',
        params: Params,
        body: Type.Object(Details),
        response: ok(Any),
      },
    },
    async (req) => updateBooking(db, keys, who(req), req.params.uuid, req.body),
  );
  app.post(
    '/bookings/:uuid/extend',
    {
      schema: {
        tags,
        ...auth,
        summary: 'OCTO: extend a hold',
        params: Params,
        body: Type.Object({ expirationMinutes: Type.Integer({ minimum: 1, maximum: 1440 }) }),
        response: ok(Any),
      },
    },
    async (req) => extendBooking(db, keys, who(req), req.params.uuid, req.body.expirationMinutes),
  );
  const Cancel = Type.Object({ reason: Type.Optional(Str(500)), force: Type.Optional(Type.Boolean()) });
  app.post(
    '/bookings/:uuid/cancel',
    { schema: { tags, ...auth, summary: 'OCTO: cancel a booking', params: Params, body: Cancel, response: ok(Any) } },
    async (req) => cancelOctoBooking(db, keys, who(req), req.params.uuid, req.body ?? {}),
  );
  app.delete(
    '/bookings/:uuid',
    { schema: { tags, ...auth, summary: 'OCTO 1.0: cancel a booking', params: Params, response: ok(Any) } },
    async (req) => cancelOctoBooking(db, keys, who(req), req.params.uuid, {}),
  );
}
