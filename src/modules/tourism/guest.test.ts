// A visitor who is not signed in books with the cart's guest cookie, leaves a contact, and gets a
// signed link to the booking and ticket that works without an account; a wrong or absent key is refused.
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { systemActor } from '../../platform/actor.ts';
import { markGroupPaid } from '../orders/index.ts';
import { experienceWithSlots } from './testing.ts';

const t = useTestApp();

const cookieOf = (setCookie: string | string[] | undefined) =>
  [setCookie ?? []]
    .flat()
    .find((c) => c.startsWith('talad_guest='))
    ?.split(';')[0];

describe('tourism guest booking and signed link', () => {
  it('a guest books with a contact, and the signed link opens booking and ticket on any device', async () => {
    const { slots } = await experienceWithSlots(t.app, { capacity: 6, days: 1 });
    const booked = await t.app.inject({
      method: 'POST',
      url: '/api/tourism/bookings',
      headers: { 'idempotency-key': 'guest-1', 'accept-language': 'zh' },
      payload: {
        slotId: slots[0].id,
        units: { adult: 2 },
        contact: { name: '王小明', email: 'wang@example.cn', phone: '+86 138 0000 0000' },
      },
    });
    expect(booked.statusCode).toBe(201);
    const cookie = cookieOf(booked.headers['set-cookie']);
    expect(cookie).toBeTruthy();
    const { bookingId, groupId, link } = booked.json();
    // An absolute address of the platform, in the visitor's language, signed.
    expect(link).toMatch(new RegExp(`^https?://[^/]+/zh/tours/bookings/${bookingId}\\?k=[A-Za-z0-9_-]{20,}$`));
    const k = new URL(link).searchParams.get('k') as string;

    // The guest's own cookie sees it; a stranger does not, nor with a wrong key.
    const mine = await t.app.inject({ url: `/api/tourism/bookings/${bookingId}`, headers: { cookie } });
    expect(mine.statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/tourism/bookings/${bookingId}` })).statusCode).toBe(404);
    const forged = `${k.slice(0, -2)}${k.endsWith('AA') ? 'BB' : 'AA'}`;
    const wrong = await t.app.inject({
      url: `/api/tourism/bookings/${bookingId}?k=${forged}`,
      headers: { 'accept-language': 'zh' },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    // The key of another booking does not open this one.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/tourism/bookings',
      payload: { slotId: slots[0].id, units: { adult: 1 }, contact: { name: 'Lee', phone: '0812345678' } },
    });
    const otherK = new URL(other.json().link).searchParams.get('k');
    expect((await t.app.inject({ url: `/api/tourism/bookings/${bookingId}?k=${otherK}` })).statusCode).toBe(404);

    // With the link, no cookie at all: the booking, then (once paid) the ticket, its QR and PDF.
    const byLink = await t.app.inject({ url: `/api/tourism/bookings/${bookingId}?k=${k}` });
    expect(byLink.statusCode).toBe(200);
    expect(byLink.json()).toMatchObject({ status: 'ON_HOLD', places: 2 });
    await markGroupPaid(t.database.db, systemActor('payments'), groupId);
    await drainOutbox(t.app);
    const ticket = await t.app.inject({ url: `/api/tourism/bookings/${bookingId}/ticket?k=${k}` });
    expect(ticket.statusCode).toBe(200);
    expect(ticket.json().link).toBe(link);
    expect((await t.app.inject({ url: `/api/tourism/bookings/${bookingId}/ticket/qr.svg?k=${k}` })).statusCode).toBe(
      200,
    );
    const pdf = await t.app.inject({ url: `/api/tourism/bookings/${bookingId}/ticket.pdf?k=${k}&lang=zh` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await t.app.inject({ url: `/api/tourism/bookings/${bookingId}/ticket?k=${forged}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/tourism/bookings/${bookingId}/ticket.pdf` })).statusCode).toBe(404);

    // The contact is kept on the booking, for the shop.
    const { queryRows } = await import('../../platform/db.ts');
    const { sql } = await import('drizzle-orm');
    const [row] = await queryRows<{ contact: Record<string, string> }>(
      t.database.db,
      sql`select contact from tourism_bookings where id = ${bookingId}`,
    );
    expect(row.contact).toMatchObject({ name: '王小明', email: 'wang@example.cn' });

    // A wrong key cannot cancel; the right one can.
    const cancelWrong = await t.app.inject({
      method: 'POST',
      url: `/api/tourism/bookings/${bookingId}/cancel?k=${forged}`,
      headers: { 'idempotency-key': 'c-1' },
    });
    expect(cancelWrong.statusCode).toBe(404);
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/tourism/bookings/${bookingId}/cancel?k=${k}`,
      headers: { 'idempotency-key': 'c-2' },
    });
    expect(cancel.statusCode).toBe(200);
  });

  it('a guest without a name or a way to reach them is refused in their language, and no place is taken', async () => {
    const { experienceId, slots } = await experienceWithSlots(t.app, { capacity: 4, days: 1 });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/tourism/bookings',
      headers: { 'accept-language': 'th' },
      payload: { slotId: slots[0].id, units: { adult: 2 }, contact: { name: 'สมชาย' } },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'contact.email' })]);
    expect(JSON.stringify(refused.json())).toContain('อีเมลหรือเบอร์โทรศัพท์');
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/tourism/bookings',
      headers: { 'accept-language': 'en' },
      payload: { slotId: slots[0].id, units: { adult: 1 } },
    });
    expect(none.statusCode).toBe(422);
    const day = new Date().toISOString().slice(0, 10);
    const after = await t.app.inject({
      url: `/api/tourism/experiences/${experienceId}/availability?from=${day}&to=2100-01-01`,
    });
    expect(after.json().items[0]).toMatchObject({ vacancies: 4 });
  });
});
