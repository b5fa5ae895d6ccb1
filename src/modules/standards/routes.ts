// HTTP for product standards: the shop's certificates, lots and flagship application; the
// operator's review; the public badges, flagship storefront, GI register, trace pages and map.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../../platform/errors.ts';
import { readUpload } from '../../platform/uploads.ts';
import { Uuid } from '../../platform/http.ts';
import { LOCALES, type Locale, negotiateLocale, translate } from '../../platform/i18n.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { requireOperator } from './access.ts';
import { certificateDocument, productBadges, registerCertificate, shopCertificates } from './certificates.ts';
import type { StandardsRuntime } from './config.ts';
import {
  applyForFlagship,
  approveFlagship,
  flagshipQueue,
  flagshipStorefront,
  myFlagship,
  rejectFlagship,
  setFlagshipBanner,
} from './flagship.ts';
import { listGis, saveGi } from './gis.ts';
import { createLot, lotDetail, lotLabels, recallLot, shopLots } from './lots.ts';
import { type MapRole, provinceMapSvg } from './map.ts';
import { shopNoticeList } from './notices.ts';
import { CERTIFICATE_KINDS } from './numbers.ts';
import {
  expireCertificate,
  rejectCertificate,
  reviewQueue,
  revokeCertificate,
  sweepCertificates,
  verifyCertificate,
} from './review.ts';
import { traceView } from './trace.ts';
import type { CertificateInput } from './validate.ts';

const Text = (max: number) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
const DateStr = Type.String({ maxLength: 10 });

/** The JSON part of a certificate upload (multipart field "certificate"). */
const CertificateBody = Type.Object(
  {
    kind: Type.Union(CERTIFICATE_KINDS.map((k) => Type.Literal(k))),
    productId: Opt(Uuid),
    variantId: Opt(Uuid),
    number: Text(80),
    standardRef: Opt(Text(40)),
    giId: Opt(Uuid),
    originAreaCode: Opt(Text(6)),
    issuedOn: DateStr,
    expiresOn: DateStr,
    details: Type.Optional(
      Type.Object(
        {
          stars: Type.Optional(Type.Integer()),
          year: Type.Optional(Type.Integer()),
          variety: Type.Optional(Text(20)),
          purityPercent: Type.Optional(Type.Number()),
          brand: Type.Optional(Text(120)),
          trademarkNumber: Type.Optional(Text(20)),
          ownerName: Type.Optional(Text(200)),
          grantorName: Type.Optional(Text(200)),
          exclusive: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const checkCertificate = Compile(CertificateBody);

const SellerParams = Type.Object({ sellerId: Uuid });
const Id = Type.Object({ id: Uuid });
const Reason = Type.Object({ reason: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });

function certificateFrom(json: unknown): CertificateInput {
  if (checkCertificate.Check(json)) return json as CertificateInput;
  const errors = [...checkCertificate.Errors(json)].slice(0, 10).map((e) => ({
    field: e.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'certificate',
    code: 'invalid',
  }));
  throw new AppError(422, 'validation_failed', {}, errors);
}

export async function standardsRoutes(base: FastifyInstance, rt: StandardsRuntime): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(multipart, {
    limits: { fileSize: Math.max(rt.documentLimitBytes, app.config.uploadLimitBytes), files: 1, fields: 3, parts: 4 },
  });
  const db = app.db;
  const s = <const T extends object = object>(tags: string, summary: string, extra?: T) => ({
    schema: { tags: [tags], summary, ...(extra as T) },
  });
  const SHOP = 'standards: shop';
  const OPS = 'standards: operator';
  const PUBLIC = 'standards';

  // The shop's certificates.
  app.get(
    '/sellers/:sellerId/certificates',
    s(SHOP, "The shop's certificates with their review", { params: SellerParams }),
    async (req) => ({ items: await shopCertificates(db, req.actor, req.params.sellerId, req.locale) }),
  );
  app.post(
    '/sellers/:sellerId/certificates',
    s(SHOP, 'Register a certificate: multipart field "certificate" (JSON) then the file "document" (PDF or image)', {
      params: SellerParams,
      consumes: ['multipart/form-data'],
    }),
    async (req, reply) => {
      const view = await registerCertificate(
        db,
        req.actor,
        rt,
        {
          sellerId: req.params.sellerId,
          read: async () => {
            const { json, file } = await readUpload(req, 'certificate');
            return { certificate: certificateFrom(json), document: file };
          },
        },
        req.locale,
      );
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/sellers/:sellerId/certificates/:id/document',
    {
      schema: { tags: [SHOP], summary: "A certificate's document", params: Type.Object({ sellerId: Uuid, id: Uuid }) },
    },
    async (req, reply) => {
      const doc = await certificateDocument(db, req.actor, rt, req.params.sellerId, req.params.id);
      return reply
        .header('content-type', doc.contentType)
        .header('content-length', doc.size)
        .header('content-disposition', `inline; filename="${doc.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(doc.body);
    },
  );
  app.get(
    '/sellers/:sellerId/standards/notices',
    s(SHOP, 'What the shop is told: marks expiring or expired, flagship changes, recalls', { params: SellerParams }),
    async (req) => ({ items: await shopNoticeList(db, req.actor, req.params.sellerId, req.locale) }),
  );

  // Flagship store.
  app.get(
    '/sellers/:sellerId/flagship-application',
    s(SHOP, "The shop's flagship application", { params: SellerParams }),
    async (req) => ({
      application: await myFlagship(db, req.actor, req.params.sellerId, rt, req.locale),
    }),
  );
  app.put(
    '/sellers/:sellerId/flagship-application',
    s(SHOP, 'Apply to be a flagship store, or edit the storefront (owner)', {
      params: SellerParams,
      body: Type.Object(
        {
          brandName: Text(120),
          story: Type.Object({ th: Text(4000), zh: Opt(Text(4000)), en: Opt(Text(4000)) }),
          productIds: Type.Array(Uuid, { maxItems: 100 }),
          featuredLotIds: Type.Optional(Type.Array(Uuid, { maxItems: 12 })),
        },
        { additionalProperties: false },
      ),
    }),
    async (req) => applyForFlagship(db, req.actor, req.params.sellerId, req.body, rt, req.locale),
  );
  app.post(
    '/sellers/:sellerId/flagship-application/banner',
    s(SHOP, "The flagship storefront's banner (multipart file, JPEG, PNG or WebP)", {
      params: SellerParams,
      consumes: ['multipart/form-data'],
    }),
    async (req) =>
      setFlagshipBanner(
        db,
        req.actor,
        req.params.sellerId,
        async () => (await readUpload(req, null)).file,
        rt,
        req.locale,
      ),
  );

  // Lots.
  const LotBody = Type.Object(
    {
      productId: Uuid,
      lotNumber: Text(40),
      producerName: Text(200),
      memberCode: Opt(Text(40)),
      plot: Opt(Text(200)),
      areaCode: Text(6),
      harvestedOn: DateStr,
      processedOn: Opt(DateStr),
      processingNote: Opt(Text(500)),
      certificateIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    },
    { additionalProperties: false },
  );
  app.get('/sellers/:sellerId/lots', s(SHOP, "The shop's traceable lots", { params: SellerParams }), async (req) => ({
    items: await shopLots(db, req.actor, req.params.sellerId, rt, req.locale),
  }));
  app.post(
    '/sellers/:sellerId/lots',
    s(SHOP, 'Record a lot: farm or member, plot and area, harvest and processing dates, certificates', {
      params: SellerParams,
      body: LotBody,
    }),
    async (req, reply) =>
      reply.code(201).send(await createLot(db, req.actor, req.params.sellerId, req.body, rt, req.locale)),
  );
  app.get('/lots/:id', s(SHOP, 'A lot with its hub lots (and its buyers once recalled)', { params: Id }), async (req) =>
    lotDetail(db, req.actor, req.params.id, rt, req.locale),
  );
  app.get('/lots/:id/labels', s(SHOP, "A lot's QR label (SVG) for a printable sheet", { params: Id }), async (req) =>
    lotLabels(db, req.actor, req.params.id, rt, req.locale),
  );
  app.post(
    '/lots/:id/recall',
    s(SHOP, 'Recall a lot: its product stops selling, the hub blocks its units, its buyers are listed', {
      params: Id,
      body: Reason,
    }),
    async (req) => recallLot(db, req.actor, req.params.id, req.body.reason, rt, req.locale),
  );

  // The operator.
  const Status = Type.Union(['pending', 'verified', 'rejected', 'expired', 'revoked'].map((x) => Type.Literal(x)));
  app.get(
    '/operator/standards/certificates',
    s(OPS, 'Certificates to review (oldest first), with the agency look-up’s answer', {
      querystring: Type.Object({ status: Type.Optional(Status) }),
    }),
    async (req) => ({
      items: await reviewQueue(db, req.actor, req.query.status as 'pending' | undefined, req.locale),
      sandbox: rt.sandbox,
    }),
  );
  app.post(
    '/operator/standards/certificates/:id/verify',
    s(OPS, 'Verified against its document', { params: Id }),
    async (req) => verifyCertificate(db, req.actor, req.params.id, rt, req.locale),
  );
  app.post(
    '/operator/standards/certificates/:id/reject',
    s(OPS, 'Rejected, with the reason the shop reads', { params: Id, body: Reason }),
    async (req) => rejectCertificate(db, req.actor, req.params.id, req.body.reason, rt, req.locale),
  );
  app.post(
    '/operator/standards/certificates/:id/revoke',
    s(OPS, 'A verified mark found false or cancelled: it stops showing at once', { params: Id, body: Reason }),
    async (req) => revokeCertificate(db, req.actor, req.params.id, req.body.reason, rt, req.locale),
  );
  app.post('/operator/standards/certificates/:id/expire', s(OPS, 'Marked expired', { params: Id }), async (req) =>
    expireCertificate(db, req.actor, req.params.id, rt, req.locale),
  );
  app.get('/operator/standards/flagship', s(OPS, 'Flagship applications with their requirements'), async (req) => ({
    items: await flagshipQueue(db, req.actor, rt, req.locale),
  }));
  app.post(
    '/operator/standards/flagship/:sellerId/approve',
    s(OPS, 'Approve a flagship store (refused naming each requirement not met)', { params: SellerParams }),
    async (req) => approveFlagship(db, req.actor, req.params.sellerId, rt, req.locale),
  );
  app.post(
    '/operator/standards/flagship/:sellerId/reject',
    s(OPS, 'Reject a flagship application with a reason', { params: SellerParams, body: Reason }),
    async (req) => rejectFlagship(db, req.actor, req.params.sellerId, req.body.reason, rt, req.locale),
  );
  app.put(
    '/operator/standards/gis',
    s(OPS, 'Add or replace a geographical indication and the places its area covers', {
      body: Type.Object(
        {
          slug: Text(80),
          name: Type.Object({ th: Text(200), zh: Opt(Text(200)), en: Opt(Text(200)) }),
          registrationNumber: Text(40),
          areaCodes: Type.Array(Text(6), { minItems: 1, maxItems: 500 }),
        },
        { additionalProperties: false },
      ),
    }),
    async (req) => saveGi(db, req.actor, req.body, req.locale),
  );
  app.post('/operator/standards/sweep', s(OPS, 'Run the daily expiry job now'), async (req) => {
    requireOperator(req.actor);
    return { changed: await sweepCertificates(db, rt) };
  });

  // Public.
  app.get(
    '/standards/products/:productId/marks',
    s(PUBLIC, "A product's marks verified by Talad and still valid", { params: Type.Object({ productId: Uuid }) }),
    async (req) => ({ items: await productBadges(db, req.params.productId, req.locale), sandbox: rt.sandbox }),
  );
  app.get(
    '/standards/shops/:slug/flagship',
    s(PUBLIC, "An approved flagship store's storefront (null otherwise)", {
      params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
    }),
    async (req) => ({ storefront: await flagshipStorefront(db, req.params.slug, rt, req.locale) }),
  );
  app.get('/standards/gis', s(PUBLIC, 'Registered geographical indications and their areas'), async (req) => ({
    items: await listGis(db, req.locale),
  }));
  app.get(
    '/trace/:code',
    s(PUBLIC, "A lot's public trace page: origin, cooperative, verified marks, dates, route (no buyer data)", {
      params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
    }),
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return traceView(db, req.params.code, req.locale);
    },
  );
  app.get(
    '/standards/map.svg',
    {
      schema: {
        tags: [PUBLIC],
        summary: 'Map of provinces with a journey’s places filled in (farm, processing, hub)',
        querystring: Type.Object({
          farm: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
          processing: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
          hub: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{2}$' }), { maxItems: 3 })),
          lang: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const locale: Locale = (q.lang as Locale | undefined) ?? negotiateLocale(req.headers['accept-language']);
      const marked: { code: string; role: MapRole }[] = [
        ...(q.farm ? [{ code: q.farm, role: 'farm' as const }] : []),
        ...(q.processing ? [{ code: q.processing, role: 'processing' as const }] : []),
        ...(q.hub ?? []).map((code) => ({ code, role: 'hub' as const })),
      ];
      const places = marked.map((m) => provinceByCode(m.code)?.[locale] ?? m.code).join(', ');
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(provinceMapSvg(marked, translate('standards.map.title', locale, { places })));
    },
  );
}
