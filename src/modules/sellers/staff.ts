// A shop's people. The owner invites staff by email or Thai mobile number: the invitation token
// is shown once to the owner, who passes it on; the invitee, signed in with the same email or
// phone, accepts it within 7 days and becomes staff. The owner lists and removes staff.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, forbidden, notFound, unauthenticated, type FieldError } from '../../platform/errors.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { normalizeEmail, normalizeThaiMobile } from '../../platform/thai.ts';
import { getUser, usersByIds } from '../identity/index.ts';
import { requireSellerAccess, type SellerRole } from './access.ts';
import { sellerInvitations, sellerMembers, sellers } from './schema.ts';
import { shopNameOf, type SellerStatus } from './views.ts';
import './messages.ts';

export const INVITATION_TTL_DAYS = 7;

export interface Invitation {
  id: string;
  sellerId: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  expiresAt: string;
}
export interface Member {
  userId: string;
  role: SellerRole;
  displayName: string;
  email: string | null;
  phone: string | null;
  joinedAt: string;
}
export interface Membership {
  sellerId: string;
  slug: string;
  role: SellerRole;
  status: SellerStatus;
  shopName: { th: string; zh: string | null; en: string | null };
}

const toInvitation = (r: typeof sellerInvitations.$inferSelect): Invitation => ({
  id: r.id,
  sellerId: r.sellerId,
  email: r.email,
  phone: r.phone,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});

export async function inviteStaff(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: { email?: string | null; phone?: string | null },
): Promise<{ invitation: Invitation; token: string }> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  if (actor.kind !== 'user') throw forbidden();
  const errors: FieldError[] = [];
  const email = input.email?.trim() ? normalizeEmail(input.email) : null;
  const phone = input.phone?.trim() ? normalizeThaiMobile(input.phone) : null;
  if (!input.email?.trim() && !input.phone?.trim())
    errors.push({ field: 'email', code: 'required' }, { field: 'phone', code: 'required' });
  if (input.email?.trim() && !email) errors.push({ field: 'email', code: 'bad_format' });
  if (input.phone?.trim() && !phone) errors.push({ field: 'phone', code: 'bad_format' });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);

  const token = newSecret();
  const [row] = await db
    .insert(sellerInvitations)
    .values({
      id: newId(),
      sellerId,
      email,
      phone,
      tokenHash: hashSecret(token),
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
    })
    .returning();
  return { invitation: toInvitation(row), token };
}

/** Invitations not yet accepted nor expired. */
export async function listInvitations(db: Executor, actor: Actor, sellerId: string): Promise<Invitation[]> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  const rows = await db
    .select()
    .from(sellerInvitations)
    .where(
      and(
        eq(sellerInvitations.sellerId, sellerId),
        isNull(sellerInvitations.acceptedAt),
        gt(sellerInvitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(sellerInvitations.createdAt));
  return rows.map(toInvitation);
}

export async function cancelInvitation(
  db: Executor,
  actor: Actor,
  sellerId: string,
  invitationId: string,
): Promise<void> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  const deleted = await db
    .delete(sellerInvitations)
    .where(
      and(
        eq(sellerInvitations.id, invitationId),
        eq(sellerInvitations.sellerId, sellerId),
        isNull(sellerInvitations.acceptedAt),
      ),
    )
    .returning({ id: sellerInvitations.id });
  if (!deleted.length) throw new AppError(404, 'invitation_not_found');
}

/** The signed-in invitee joins the shop as staff; only the invited email or phone may. */
export async function acceptInvitation(db: Executor, actor: Actor, input: { token: string }): Promise<Membership> {
  if (actor.kind !== 'user') throw unauthenticated();
  const user = await getUser(db, actor.userId);
  if (!user) throw unauthenticated();
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(sellerInvitations)
      .where(eq(sellerInvitations.tokenHash, hashSecret(input.token.trim())))
      .for('update');
    if (!inv) throw new AppError(404, 'invitation_not_found');
    if (inv.acceptedAt) throw new AppError(409, 'invitation_used');
    if (inv.expiresAt.getTime() <= Date.now()) throw new AppError(410, 'invitation_expired');
    const matches =
      (inv.email !== null && inv.email === user.email) || (inv.phone !== null && inv.phone === user.phone);
    if (!matches) throw new AppError(403, 'invitation_not_for_you');
    const [existing] = await tx
      .select({ role: sellerMembers.role })
      .from(sellerMembers)
      .where(and(eq(sellerMembers.sellerId, inv.sellerId), eq(sellerMembers.userId, user.id)));
    if (existing) throw new AppError(409, 'already_member');
    await tx.insert(sellerMembers).values({ sellerId: inv.sellerId, userId: user.id, role: 'staff' });
    await tx
      .update(sellerInvitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: user.id })
      .where(eq(sellerInvitations.id, inv.id));
    const [shop] = await tx.select().from(sellers).where(eq(sellers.id, inv.sellerId));
    return {
      sellerId: shop.id,
      slug: shop.slug,
      role: 'staff' as const,
      status: shop.status,
      shopName: shopNameOf(shop),
    };
  });
}

export async function listMembers(db: Executor, actor: Actor, sellerId: string): Promise<Member[]> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  const rows = await db
    .select()
    .from(sellerMembers)
    .where(eq(sellerMembers.sellerId, sellerId))
    .orderBy(asc(sellerMembers.createdAt));
  const people = await usersByIds(
    db,
    rows.map((r) => r.userId),
  );
  return rows.map((r) => {
    const u = people.get(r.userId);
    return {
      userId: r.userId,
      role: r.role,
      displayName: u?.displayName ?? '',
      email: u?.email ?? null,
      phone: u?.phone ?? null,
      joinedAt: r.createdAt.toISOString(),
    };
  });
}

export async function removeStaff(db: Executor, actor: Actor, sellerId: string, userId: string): Promise<void> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  const [member] = await db
    .select({ role: sellerMembers.role })
    .from(sellerMembers)
    .where(and(eq(sellerMembers.sellerId, sellerId), eq(sellerMembers.userId, userId)));
  if (!member) throw notFound('member');
  if (member.role === 'owner') throw new AppError(409, 'cannot_remove_owner');
  await db.delete(sellerMembers).where(and(eq(sellerMembers.sellerId, sellerId), eq(sellerMembers.userId, userId)));
}

/** The shops a user belongs to, with the role in each (for GET /api/me). */
export async function membershipsOf(db: Executor, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({ m: sellerMembers, s: sellers })
    .from(sellerMembers)
    .innerJoin(sellers, eq(sellers.id, sellerMembers.sellerId))
    .where(eq(sellerMembers.userId, userId))
    .orderBy(asc(sellerMembers.createdAt));
  return rows.map(({ m, s }) => ({
    sellerId: s.id,
    slug: s.slug,
    role: m.role,
    status: s.status,
    shopName: shopNameOf(s),
  }));
}
