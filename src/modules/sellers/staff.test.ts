import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { signUp, uniqueMobile } from '../identity/testing.ts';
import { sellerInvitations } from './schema.ts';
import { addStaff, approvedSeller, type TestSeller } from './testing.ts';

const t = useTestApp();
let shop: TestSeller;
beforeAll(async () => {
  shop = await approvedSeller(t.app);
});

const invite = (payload: object, cookie = shop.cookie) =>
  t.app.inject({ method: 'POST', url: `/api/sellers/${shop.sellerId}/invitations`, headers: { cookie }, payload });
const accept = (token: string, cookie: string, lang = 'th') =>
  t.app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    headers: { cookie, 'accept-language': lang },
    payload: { token },
  });

describe('staff invitations', () => {
  it('lets only the invited person accept, once, and makes them staff', async () => {
    const invitee = await signUp(t.app);
    const stranger = await signUp(t.app);
    const res = await invite({ email: invitee.email!.toUpperCase() });
    expect(res.statusCode).toBe(201);
    const { token, invitation } = res.json();
    expect(invitation.email).toBe(invitee.email);
    expect(new Date(invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    // The token is shown once: the list of open invitations does not carry it.
    const open = await t.app.inject({
      url: `/api/sellers/${shop.sellerId}/invitations`,
      headers: { cookie: shop.cookie },
    });
    expect(open.json().map((i: any) => i.id)).toContain(invitation.id);
    expect(open.body).not.toContain(token);

    const wrong = await accept(token, stranger.cookie, 'en');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'invitation_not_for_you',
      detail: expect.stringContaining('another email'),
    });
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { cookie: stranger.cookie } })).statusCode,
    ).toBe(403);

    const ok = await accept(token, invitee.cookie);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ sellerId: shop.sellerId, role: 'staff' });
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie: invitee.cookie } })).json();
    expect(me.sellers).toEqual([
      expect.objectContaining({ sellerId: shop.sellerId, role: 'staff', status: 'approved' }),
    ]);
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { cookie: invitee.cookie } })).statusCode,
    ).toBe(200);

    const reused = await accept(token, invitee.cookie);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('invitation_used');
  });

  it('matches an invitation by phone however the number was typed', async () => {
    const phone = uniqueMobile();
    const invitee = await signUp(t.app, { phone });
    const national = phone.replace(/-/g, '').slice(1);
    const res = await invite({ phone: `+66 ${national}` });
    expect(res.json().invitation.phone).toBe(`+66${national}`);
    expect((await accept(res.json().token, invitee.cookie)).statusCode).toBe(200);
  });

  it('refuses an expired invitation, an unknown token and a guest', async () => {
    const invitee = await signUp(t.app);
    const res = await invite({ email: invitee.email });
    await t.database.db
      .update(sellerInvitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sellerInvitations.id, res.json().invitation.id));
    const expired = await accept(res.json().token, invitee.cookie);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('invitation_expired');
    expect((await accept('not-a-real-token', invitee.cookie)).json().code).toBe('invitation_not_found');
    const guest = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: res.json().token },
    });
    expect(guest.statusCode).toBe(401);
  });

  it('lets only the owner invite, and needs an email or a Thai mobile', async () => {
    const staff = await addStaff(t.app, shop);
    expect((await invite({ email: 'someone@example.test' }, staff.cookie)).statusCode).toBe(403);
    const none = await invite({});
    expect(none.statusCode).toBe(422);
    expect(
      none
        .json()
        .errors.map((e: any) => e.field)
        .sort(),
    ).toEqual(['email', 'phone']);
    expect((await invite({ phone: '02-123-4567' })).json().errors).toEqual([
      expect.objectContaining({ field: 'phone', code: 'bad_format' }),
    ]);
  });

  it('lets the owner cancel an invitation before it is used', async () => {
    const invitee = await signUp(t.app);
    const res = await invite({ email: invitee.email });
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/sellers/${shop.sellerId}/invitations/${res.json().invitation.id}`,
      headers: { cookie: shop.cookie },
    });
    expect(del.statusCode).toBe(204);
    expect((await accept(res.json().token, invitee.cookie)).json().code).toBe('invitation_not_found');
  });
});

describe('the shop team', () => {
  it('lets the owner list and remove staff, who then lose access; the owner stays', async () => {
    const staff = await addStaff(t.app, shop);
    const members = await t.app.inject({
      url: `/api/sellers/${shop.sellerId}/members`,
      headers: { cookie: shop.cookie },
    });
    expect(members.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: shop.userId, role: 'owner' }),
        expect.objectContaining({ userId: staff.userId, role: 'staff', email: staff.email }),
      ]),
    );
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}/members`, headers: { cookie: staff.cookie } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/sellers/${shop.sellerId}/members/${shop.userId}`,
          headers: { cookie: staff.cookie },
        })
      ).statusCode,
    ).toBe(403);

    const removeOwner = await t.app.inject({
      method: 'DELETE',
      url: `/api/sellers/${shop.sellerId}/members/${shop.userId}`,
      headers: { cookie: shop.cookie },
    });
    expect(removeOwner.statusCode).toBe(409);
    expect(removeOwner.json().code).toBe('cannot_remove_owner');

    const remove = await t.app.inject({
      method: 'DELETE',
      url: `/api/sellers/${shop.sellerId}/members/${staff.userId}`,
      headers: { cookie: shop.cookie },
    });
    expect(remove.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { cookie: staff.cookie } })).statusCode,
    ).toBe(403);
  });
});
