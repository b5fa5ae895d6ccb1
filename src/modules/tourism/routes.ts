// HTTP for tourism: destinations (the secondary-city list and its version), experiences and their
// availability, the shop's experiences and seasons, and the visitor's bookings (reserve → pay → confirm).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { Uuid } from '../../platform/http.ts';
import { hashRequest, idempotent, validIdempotencyKey } from '../../platform/idempotency.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { cartOwnerKey, cartOwnerOf, ensureGuestCookie } from '../cart/index.ts';
import { publicUrlOf } from '../../platform/config.ts';
import { availabilityOf } from './availability.ts';
import { bookingOf, bookingsOfBuyer, bookingSummary, reserve } from './bookings.ts';
import { destinationProvinces, HIGHLIGHTS, secondaryCitiesOn } from './destinations.ts';
import {
  addSeason,
  createExperience,
  experienceById,
  experiencesIn,
  experiencesOfSeller,
  rosterOf,
  setSlotClosed,
  updateExperience,
} from './experiences.ts';
import type { ExperienceInput } from './experiences.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { dispatchRefund, paymentsModule } from '../payments/index.ts';
import { type Cancelled, cancelBooking } from './cancellation.ts';
import { createReseller, listResellers, revokeReseller } from './resellers.ts';
import {
  bookingLink,
  redeemTicket,
  type TicketKeys,
  ticketOf,
  ticketPdf,
  ticketQrSvg,
  verifyBookingLinkKey,
} from './tickets.ts';

const Text3 = Type.Object(
  {
    th: Type.String({ minLength: 1, maxLength: 2000 }),
    zh: Type.String({ maxLength: 2000 }),
    en: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
);
const Short = Type.String({ minLength: 1, maxLength: 40 });
/** What a shop sends to offer an experience (checked before anything is stored). */
const ExperienceBody = Type.Object(
  {
    provinceCode: Type.String({ pattern: '^\\d{2}$' }),
    title: Text3,
    description: Text3,
    options: Type.Array(
      Type.Object(
        {
          id: Short,
          title: Text3,
          durationMinutes: Type.Integer({ minimum: 15, maximum: 7 * 24 * 60 }),
          units: Type.Array(
            Type.Object(
              {
                id: Short,
                type: Type.Union(['ADULT', 'CHILD', 'RESIDENT', 'FOREIGNER'].map((t) => Type.Literal(t))),
                title: Text3,
                priceSatang: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
              },
              { additionalProperties: false },
            ),
            { minItems: 1, maxItems: 8 },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
    meetingPoint: Type.Object(
      {
        lat: Type.Number({ minimum: -90, maximum: 90 }),
        lng: Type.Number({ minimum: -180, maximum: 180 }),
        address: Text3,
        directions: Text3,
      },
      { additionalProperties: false },
    ),
    guideLanguages: Type.Array(Type.String({ minLength: 2, maxLength: 10 }), { maxItems: 10 }),
    inclusions: Type.Array(Text3, { maxItems: 20 }),
    cancellation: Type.Array(
      Type.Object(
        {
          hoursBefore: Type.Integer({ minimum: 0, maximum: 24 * 365 }),
          refundPercent: Type.Integer({ minimum: 0, maximum: 100 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
    cutoffMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 24 * 60 })),
  },
  { additionalProperties: false },
);

const LOCALE_LITERALS = [Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')];

const pick = (t: { th: string; zh: string; en: string }, l: string) => (l === 'zh' ? t.zh : l === 'en' ? t.en : t.th);

const keysOf = (app: FastifyInstance, ctx: ModuleContext): TicketKeys => ({
  secret: app.config.personalDataKey,
  publicUrl: publicUrlOf(ctx.env),
});
/** `?k=`: the signed link's key, which lets a guest without the cookie (another phone, the e-mail) in. */
const LinkKey = Type.Object({ k: Type.Optional(Type.String({ maxLength: 64 })) });
/** A guest's contact: a name and an e-mail or a phone, so the shop can reach them. */
const Contact = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{6,20}$' })),
  },
  { additionalProperties: false },
);

export async function tourismRoutes(base: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const keys = keysOf(app, ctx);
  const tag = { tags: ['tourism'] };

  app.get(
    '/tourism/destinations',
    { schema: { ...tag, summary: 'The secondary-city provinces in force, with their source' } },
    async (req) => {
      const v = secondaryCitiesOn();
      const exps = await experiencesIn(db);
      return {
        version: v.version,
        effectiveFrom: v.effectiveFrom,
        source: v.source,
        items: destinationProvinces().map((p) => ({
          code: p.code,
          iso: p.iso,
          name: req.locale === 'zh' ? p.zh : req.locale === 'en' ? p.en : p.th,
          region: p.region,
          experiences: exps.filter((e) => e.provinceCode === p.code).length,
        })),
      };
    },
  );

  app.get(
    '/tourism/destinations/:code',
    {
      schema: {
        ...tag,
        summary: 'A destination: the province, what to see, its experiences',
        params: Type.Object({ code: Type.String({ maxLength: 2 }) }),
      },
    },
    async (req) => {
      const p = provinceByCode(req.params.code);
      if (!p?.secondaryCity) throw new AppError(404, 'not_found', { what: 'destination' });
      const l = req.locale;
      return {
        code: p.code,
        name: l === 'zh' ? p.zh : l === 'en' ? p.en : p.th,
        highlights: HIGHLIGHTS[p.code] ? pick(HIGHLIGHTS[p.code], l) : null,
        experiences: (await experiencesIn(db, [p.code])).map((e) => ({
          id: e.id,
          title: pick(e.title, l),
          fromSatang: Math.min(...e.options.flatMap((o) => o.units.map((u) => u.priceSatang))),
        })),
      };
    },
  );

  app.get(
    '/tourism/experiences/:id',
    {
      schema: {
        ...tag,
        summary: 'An experience (OCTO product) with options, units, meeting point, policy',
        params: Type.Object({ id: Uuid }),
      },
    },
    async (req) => {
      const e = await experienceById(db, req.params.id);
      const l = req.locale;
      return {
        id: e.id,
        sellerId: e.sellerId,
        provinceCode: e.provinceCode,
        title: pick(e.title, l),
        description: pick(e.description, l),
        options: e.options.map((o) => ({
          id: o.id,
          title: pick(o.title, l),
          durationMinutes: o.durationMinutes,
          units: o.units.map((u) => ({ id: u.id, type: u.type, title: pick(u.title, l), priceSatang: u.priceSatang })),
        })),
        meetingPoint: {
          lat: e.meetingPoint.lat,
          lng: e.meetingPoint.lng,
          address: pick(e.meetingPoint.address, l),
          directions: pick(e.meetingPoint.directions, l),
          directionsZh: e.meetingPoint.directions.zh,
        },
        guideLanguages: e.guideLanguages,
        inclusions: e.inclusions.map((i) => pick(i, l)),
        cancellation: e.cancellation,
        cutoffMinutes: e.cutoffMinutes,
      };
    },
  );

  app.get(
    '/tourism/experiences/:id/availability',
    {
      schema: {
        ...tag,
        summary: 'Slots with OCTO status (AVAILABLE, LIMITED, SOLD_OUT, CLOSED) and vacancies',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }),
      },
    },
    async (req) => {
      const a = await availabilityOf(
        db,
        req.params.id,
        new Date(`${req.query.from}T00:00:00+07:00`),
        new Date(new Date(`${req.query.to}T00:00:00+07:00`).getTime() + 86_400_000),
      );
      if (!a) throw new AppError(404, 'not_found', { what: 'experience' });
      return { items: a.slots };
    },
  );

  app.post(
    '/sellers/:sellerId/tourism/experiences',
    {
      schema: {
        ...tag,
        summary: 'A shop offers an experience',
        params: Type.Object({ sellerId: Uuid }),
        body: ExperienceBody,
      },
    },
    async (req, reply) => {
      const out = await createExperience(db, req.actor, req.params.sellerId, req.body as ExperienceInput);
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/sellers/:sellerId/tourism/experiences',
    {
      schema: {
        ...tag,
        summary: 'The shop’s experiences, in every language (for editing)',
        params: Type.Object({ sellerId: Uuid }),
      },
    },
    async (req) => ({ items: await experiencesOfSeller(db, req.actor, req.params.sellerId) }),
  );

  app.put(
    '/tourism/experiences/:id',
    {
      schema: {
        ...tag,
        summary: 'The shop edits an experience (options, units, meeting point, languages, inclusions, policy)',
        params: Type.Object({ id: Uuid }),
        body: ExperienceBody,
      },
    },
    async (req) => updateExperience(db, req.actor, req.params.id, req.body as ExperienceInput),
  );

  app.get(
    '/tourism/experiences/:id/roster',
    {
      schema: {
        ...tag,
        summary: 'The shop’s roster: each slot with its bookings (people, status, contact)',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }),
      },
    },
    async (req) => ({
      items: await rosterOf(
        db,
        req.actor,
        req.params.id,
        new Date(`${req.query.from}T00:00:00+07:00`),
        new Date(new Date(`${req.query.to}T00:00:00+07:00`).getTime() + 86_400_000),
      ),
    }),
  );

  app.post(
    '/tourism/experiences/:id/seasons',
    {
      schema: {
        ...tag,
        summary: 'The shop adds a season of slots',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({
          optionId: Type.String({ maxLength: 40 }),
          from: Type.String({ format: 'date' }),
          to: Type.String({ format: 'date' }),
          times: Type.Array(Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' }), { minItems: 1, maxItems: 12 }),
          capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
          closedWeekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7 })),
        }),
      },
    },
    async (req, reply) => reply.code(201).send(await addSeason(db, req.actor, req.params.id, req.body)),
  );

  app.post(
    '/tourism/slots/:id/closure',
    {
      schema: {
        ...tag,
        summary: 'Close or reopen a slot',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ closed: Type.Boolean() }),
      },
    },
    async (req, reply) => {
      await setSlotClosed(db, req.actor, req.params.id, req.body.closed);
      return reply.code(204).send();
    },
  );

  app.post(
    '/tourism/bookings',
    {
      schema: {
        ...tag,
        summary: 'Reserve: a hold on the places and its service order to pay (accepts an Idempotency-Key)',
        body: Type.Object({
          slotId: Uuid,
          units: Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 0, maximum: 100 })),
          contactPhone: Type.Optional(Type.String({ maxLength: 20 })),
          contact: Type.Optional(Contact),
        }),
      },
    },
    async (req, reply) => {
      // A visitor who is not signed in books as a guest (the cart's cookie) and leaves a contact.
      ensureGuestCookie(req, reply);
      const buyer = cartOwnerOf(req.actor);
      if (!buyer) throw new AppError(401, 'unauthenticated');
      const contact = req.body.contact;
      if (req.actor.kind !== 'user') {
        const errors = [];
        if (!contact?.name.trim()) errors.push({ field: 'contact.name', code: 'required' });
        if (!contact?.email && !contact?.phone) errors.push({ field: 'contact.email', code: 'tourism_contact_needed' });
        if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
      }
      const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
      const answer = await idempotent(
        db,
        `tourism.reserve:${cartOwnerKey(req.actor)}`,
        key,
        hashRequest('tourism.reserve', req.body),
        async (tx) => ({
          statusCode: 201,
          body: await reserve(tx, buyer, {
            slotId: req.body.slotId,
            units: req.body.units,
            locale: req.locale,
            contactPhone: req.body.contactPhone ?? contact?.phone ?? null,
            contact: contact ?? null,
          }).then((r) => ({ ...r, link: bookingLink(keys, r.bookingId, req.locale) })),
        }),
      );
      return reply.code(answer.statusCode).send(answer.body);
    },
  );

  app.get(
    '/tourism/bookings/:id',
    {
      schema: {
        ...tag,
        summary: 'A booking of the visitor (or of whoever holds its signed link, ?k=)',
        params: Type.Object({ id: Uuid }),
        querystring: LinkKey,
      },
    },
    async (req) => {
      const b = await bookingOf(db, req.actor, cartOwnerKey(req.actor), req.params.id, {
        linkKeyValid: verifyBookingLinkKey(keys.secret, req.params.id, req.query.k),
      });
      return {
        ...(await bookingSummary(db, b, req.locale)),
        slotId: b.slotId,
        units: b.units,
        orderId: b.orderId,
        link: bookingLink(keys, b.id, b.locale),
      };
    },
  );
}

/** Tickets, redeeming, cancelling and the operator's resellers. */
export async function tourismTicketRoutes(base: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const keys = keysOf(app, ctx);
  const tag = { tags: ['tourism'] };
  const mine = async (actor: Actor, id: string, k?: string) =>
    bookingOf(db, actor, cartOwnerKey(actor), id, { linkKeyValid: verifyBookingLinkKey(keys.secret, id, k) });

  app.get(
    '/tourism/bookings/:id/ticket',
    {
      schema: {
        ...tag,
        summary: 'The ticket of a confirmed booking, with its redeem token',
        params: Type.Object({ id: Uuid }),
        querystring: LinkKey,
      },
    },
    async (req) => {
      await mine(req.actor, req.params.id, req.query.k);
      return ticketOf(db, keys, req.params.id, req.locale);
    },
  );

  app.get(
    '/tourism/bookings/:id/ticket/qr.svg',
    {
      schema: {
        ...tag,
        summary: 'The ticket’s QR code (its redeem token) as SVG',
        params: Type.Object({ id: Uuid }),
        querystring: LinkKey,
      },
    },
    async (req, reply) => {
      await mine(req.actor, req.params.id, req.query.k);
      const t = await ticketOf(db, keys, req.params.id, req.locale);
      return reply
        .header('content-type', 'image/svg+xml')
        .header('cache-control', 'private, no-store')
        .send(await ticketQrSvg(t.token));
    },
  );

  app.get(
    '/tourism/bookings/:id/ticket.pdf',
    {
      schema: {
        ...tag,
        summary: 'The ticket as a PDF in the buyer’s language (or lang=th|zh|en, as a page links it)',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({
          lang: Type.Optional(Type.Union(LOCALE_LITERALS)),
          k: Type.Optional(Type.String({ maxLength: 64 })),
        }),
      },
    },
    async (req, reply) => {
      await mine(req.actor, req.params.id, req.query.k);
      const locale = req.query.lang ?? req.locale;
      const t = await ticketOf(db, keys, req.params.id, locale);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="ticket-${t.reference}.pdf"`)
        .send(await ticketPdf(t, locale));
    },
  );

  app.post(
    '/sellers/:sellerId/tourism/redeem',
    {
      schema: {
        ...tag,
        summary: 'The shop’s staff redeem a ticket by its QR token or typed reference (once)',
        params: Type.Object({ sellerId: Uuid }),
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      },
    },
    async (req) =>
      db.transaction((tx) => redeemTicket(tx, req.actor, keys, req.params.sellerId, req.body.code, req.locale)),
  );

  app.post(
    '/tourism/bookings/:id/cancel',
    {
      schema: {
        ...tag,
        summary: 'Cancel a booking: refund by the policy, places back (accepts an Idempotency-Key)',
        params: Type.Object({ id: Uuid }),
        querystring: LinkKey,
      },
    },
    async (req) => {
      const b = await mine(req.actor, req.params.id, req.query.k);
      const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
      const answer = await idempotent(
        db,
        `tourism.cancel:${b.id}`,
        key,
        hashRequest('tourism.cancel', { id: b.id }),
        async (tx) => ({
          statusCode: 200,
          body: await cancelBooking(tx, b.id, { requestedBy: `buyer:${b.buyerKey.slice(0, 40)}` }),
        }),
      );
      const out = answer.body as Cancelled;
      if (out.refundId) await dispatchRefund(ctx.runtime(paymentsModule), out.refundId);
      return out;
    },
  );

  app.get(
    '/tourism/my-bookings',
    { schema: { ...tag, summary: 'The visitor’s bookings, newest first' } },
    async (req) => {
      const key = cartOwnerKey(req.actor);
      if (!key) return { items: [] };
      return { items: await bookingsOfBuyer(db, key, req.locale) };
    },
  );

  app.get(
    '/operator/tourism/resellers',
    { schema: { ...tag, summary: 'Resellers with OCTO API keys (operators)' } },
    async (req) => ({ items: await listResellers(db, req.actor) }),
  );
  app.post(
    '/operator/tourism/resellers',
    {
      schema: {
        ...tag,
        summary: 'Issue a reseller its OCTO API key (shown once; operators)',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => reply.code(201).send(await createReseller(db, req.actor, req.body.name)),
  );
  app.post(
    '/operator/tourism/resellers/:id/revoke',
    { schema: { ...tag, summary: 'Revoke a reseller’s key (operators)', params: Type.Object({ id: Uuid }) } },
    async (req) => revokeReseller(db, req.actor, req.params.id),
  );
}
