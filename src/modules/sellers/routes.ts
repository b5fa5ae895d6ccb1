// HTTP for sellers: applications and their review, the shop's people and API tokens, the public
// shop card, reference lists (banks, provinces) and GET /api/me (which lists the user's shops, so
// it lives here: sellers may call identity, not the other way round).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Pagination, problemResponses, Uuid } from '../../platform/http.ts';
import { PROVINCES } from '../../platform/provinces.ts';
import { currentUser } from '../identity/index.ts';
import { applicationDocumentRoutes } from './document-routes.ts';
import {
  acceptInvitation,
  applyForShop,
  approveSeller,
  reviewApplication,
  BANKS,
  cancelInvitation,
  createSellerApiToken,
  getSeller,
  getShopBySlug,
  setHandlingHours,
  inviteStaff,
  listApplications,
  listInvitations,
  listMembers,
  listSellerApiTokens,
  membershipsOf,
  rejectSeller,
  removeStaff,
  revokeSellerApiToken,
  reinstateSeller,
  setFlagship,
  suspendSeller,
  updateApplication,
} from './service.ts';
import {
  ApiTokenSchema,
  BankSchema,
  InvitationSchema,
  MembershipSchema,
  MemberSchema,
  MeSchema,
  ProvinceSchema,
  SellerSchema,
  SellerStatusSchema,
  ShopApplicationBody,
  ShopSchema,
} from './schemas.ts';

const tags = ['sellers'];
const NoContent = { 204: Type.Null() };

export async function sellerRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(applicationDocumentRoutes);

  app.get(
    '/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The signed-in user, roles and shops',
        response: { 200: MeSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = await currentUser(app.db, request.actor);
      return { ...user, sellers: await membershipsOf(app.db, user.id) };
    },
  );

  app.post(
    '/sellers',
    {
      schema: {
        tags,
        summary: 'Apply for a shop; the applicant becomes its owner',
        body: ShopApplicationBody,
        response: { 201: SellerSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await applyForShop(app.db, request.actor, request.body)),
  );

  app.get(
    '/sellers',
    {
      schema: {
        tags,
        summary: 'Shop applications, for operators',
        querystring: Type.Intersect([Pagination, Type.Object({ status: Type.Optional(SellerStatusSchema) })]),
        response: {
          200: Type.Object({
            items: Type.Array(SellerSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            perPage: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => listApplications(app.db, request.actor, request.query),
  );

  app.get(
    '/sellers/:id',
    {
      schema: {
        tags,
        summary: 'A shop as its members and operators see it (payout masked)',
        params: IdParams,
        response: { 200: SellerSchema, ...problemResponses },
      },
    },
    async (request) => getSeller(app.db, request.actor, request.params.id),
  );

  app.put(
    '/sellers/:id/application',
    {
      schema: {
        tags,
        summary: 'Correct a pending application, or re-apply after a rejection',
        params: IdParams,
        body: ShopApplicationBody,
        response: { 200: SellerSchema, ...problemResponses },
      },
    },
    async (request) => updateApplication(app.db, request.actor, request.params.id, request.body),
  );

  app.post(
    '/sellers/:id/approve',
    {
      schema: {
        tags,
        summary:
          'Approve a pending application (operators); a name with markup, emoji or look-alike letters needs its warning keys in acknowledgedWarnings',
        params: IdParams,
        description:
          'Optional JSON body: { "acknowledgedWarnings": ["name_markup:shopName.th", …] } (keys from GET /sellers/:id/review)',
        response: { 200: SellerSchema, ...problemResponses },
      },
    },
    async (request) => {
      const body = request.body as { acknowledgedWarnings?: unknown } | undefined | null;
      const list = body && typeof body === 'object' ? body.acknowledgedWarnings : undefined;
      const acknowledged = Array.isArray(list)
        ? list.filter((k): k is string => typeof k === 'string').slice(0, 20)
        : [];
      return approveSeller(app.db, request.actor, request.params.id, acknowledged);
    },
  );

  app.get(
    '/sellers/:id/review',
    {
      schema: {
        tags,
        summary:
          "What to check before approving (operators): name warnings, the payout account's name against the shop, the tax ID in the registry (sandbox), the application's documents",
        params: IdParams,
      },
    },
    async (request) => reviewApplication(app.db, request.actor, request.params.id),
  );

  app.post(
    '/sellers/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a pending application with a reason the applicant sees (operators)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }),
        response: { 200: SellerSchema, ...problemResponses },
      },
    },
    async (request) => rejectSeller(app.db, request.actor, request.params.id, request.body),
  );

  app.put(
    '/sellers/:id/flagship',
    {
      schema: {
        tags,
        summary: 'Mark or unmark a flagship store (operators)',
        params: IdParams,
        body: Type.Object({ isFlagship: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: SellerSchema, ...problemResponses },
      },
    },
    async (request) => setFlagship(app.db, request.actor, request.params.id, request.body),
  );

  app.post(
    '/sellers/:id/suspension',
    {
      schema: {
        tags,
        summary: 'Suspend an approved shop with a reason its members see: its products stop selling (operators)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }),
        response: { 200: SellerSchema, ...problemResponses },
      },
    },
    async (request) => suspendSeller(app.db, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/sellers/:id/suspension',
    {
      schema: {
        tags,
        summary: 'Lift a suspension: the shop sells again (operators)',
        params: IdParams,
        response: { 200: SellerSchema, ...problemResponses },
      },
    },
    async (request) => reinstateSeller(app.db, request.actor, request.params.id),
  );

  app.put(
    '/sellers/:id/handling-time',
    {
      schema: {
        tags,
        summary:
          "The shop's handling time: hours from payment to dispatch (null: the platform's default, 24 h for perishables, 48 h otherwise)",
        params: IdParams,
        body: Type.Object(
          { handlingHours: Type.Union([Type.Integer({ minimum: 1, maximum: 240 }), Type.Null()]) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => setHandlingHours(app.db, request.actor, request.params.id, request.body.handlingHours),
  );

  // The shop's people
  app.post(
    '/sellers/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite staff by email or Thai mobile; the token is shown only in this answer',
        params: IdParams,
        body: Type.Object(
          {
            email: Type.Optional(Type.String({ maxLength: 254 })),
            phone: Type.Optional(Type.String({ maxLength: 32 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ invitation: InvitationSchema, token: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inviteStaff(app.db, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/sellers/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Open staff invitations (owner)',
        params: IdParams,
        response: { 200: Type.Array(InvitationSchema), ...problemResponses },
      },
    },
    async (request) => listInvitations(app.db, request.actor, request.params.id),
  );

  app.delete(
    '/sellers/:id/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Cancel an invitation (owner)',
        params: Type.Object({ id: Uuid, invitationId: Uuid }),
        response: { ...NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await cancelInvitation(app.db, request.actor, request.params.id, request.params.invitationId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Join a shop as staff with an invitation token (signed in as the invited email or phone)',
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: MembershipSchema, 410: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => acceptInvitation(app.db, request.actor, request.body),
  );

  app.get(
    '/sellers/:id/members',
    {
      schema: {
        tags,
        summary: 'Owner and staff (owner)',
        params: IdParams,
        response: { 200: Type.Array(MemberSchema), ...problemResponses },
      },
    },
    async (request) => listMembers(app.db, request.actor, request.params.id),
  );

  app.delete(
    '/sellers/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a staff member (owner)',
        params: Type.Object({ id: Uuid, userId: Uuid }),
        response: { ...NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await removeStaff(app.db, request.actor, request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  // Integration tokens
  app.get(
    '/sellers/:id/api-tokens',
    {
      schema: {
        tags,
        summary: "The shop's API tokens, without their secrets (owner)",
        params: IdParams,
        response: { 200: Type.Array(ApiTokenSchema), ...problemResponses },
      },
    },
    async (request) => listSellerApiTokens(app.db, request.actor, request.params.id),
  );

  app.post(
    '/sellers/:id/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; its secret is shown only in this answer (owner)',
        params: IdParams,
        body: Type.Object({ name: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            token: ApiTokenSchema,
            secret: Type.String({ description: 'Send as "Authorization: Bearer <secret>"' }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSellerApiToken(app.db, request.actor, request.params.id, request.body)),
  );

  app.delete(
    '/sellers/:id/api-tokens/:tokenId',
    {
      schema: {
        tags,
        summary: 'Revoke an API token at once (owner or operator)',
        params: Type.Object({ id: Uuid, tokenId: Uuid }),
        response: { ...NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await revokeSellerApiToken(app.db, request.actor, request.params.id, request.params.tokenId);
      return reply.code(204).send(null);
    },
  );

  // Public
  app.get(
    '/shops/:slug',
    {
      schema: {
        tags: ['storefront'],
        summary: 'An approved shop',
        params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
        response: { 200: ShopSchema, ...problemResponses },
      },
    },
    async (request) => getShopBySlug(app.db, request.params.slug),
  );

  app.get(
    '/banks',
    {
      schema: { tags: ['reference'], summary: 'Thai banks for payouts', response: { 200: Type.Array(BankSchema) } },
    },
    async () => [...BANKS],
  );

  app.get(
    '/provinces',
    {
      schema: {
        tags: ['reference'],
        summary: "Thailand's 77 provinces with names in th/zh/en and region",
        response: { 200: Type.Array(ProvinceSchema) },
      },
    },
    async () => [...PROVINCES],
  );
}
