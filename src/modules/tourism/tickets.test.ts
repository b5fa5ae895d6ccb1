import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { pdfToText } from '../../../test/pdftotext.ts';
import { systemActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { operatorSession, signUp } from '../identity/testing.ts';
import { markGroupPaid } from '../orders/index.ts';
import { approvedSeller } from '../sellers/testing.ts';
import { experienceWithSlots } from './testing.ts';

const t = useTestApp();

const taken = async (slotId: string) =>
  (await queryRows<{ taken: number }>(t.database.db, sql`select taken from tourism_slots where id = ${slotId}`))[0]
    .taken;

async function paidBooking(lang: 'th' | 'zh' | 'en', slotIndex = 0) {
  const ex = await experienceWithSlots(t.app, { capacity: 10, days: 3 });
  const visitor = await signUp(t.app, { locale: lang });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/tourism/bookings',
    headers: { cookie: visitor.cookie, 'accept-language': lang },
    payload: { slotId: ex.slots[slotIndex].id, units: { adult: 2, child: 1 } },
  });
  expect(res.statusCode).toBe(201);
  await markGroupPaid(t.database.db, systemActor('payments'), res.json().groupId);
  await drainOutbox(t.app);
  return { ...ex, visitor, bookingId: res.json().bookingId as string, slotId: ex.slots[slotIndex].id };
}

describe('tourism tickets', () => {
  it('gives a ticket PDF in the buyer’s language that the shop redeems once', async () => {
    const b = await paidBooking('th');
    const ticket = (
      await t.app.inject({
        url: `/api/tourism/bookings/${b.bookingId}/ticket`,
        headers: { cookie: b.visitor.cookie, 'accept-language': 'th' },
      })
    ).json();
    expect(ticket.token).toMatch(/^TT1\./);
    expect(ticket.when).toMatch(/25\d\d/); // Buddhist era
    const pdf = await t.app.inject({
      url: `/api/tourism/bookings/${b.bookingId}/ticket.pdf`,
      headers: { cookie: b.visitor.cookie, 'accept-language': 'th' },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfToText(pdf.rawPayload, { flat: true });
    expect(text).toContain('เรียนทอผ้าไทลื้อ');
    expect(text).toContain('ผู้ใหญ่ × 2');
    expect(text).toContain(ticket.reference);
    expect(text).toContain('在寺庙前停车');
    expect(text).toMatch(/25\d\d/);
    const zh = pdfToText(
      (
        await t.app.inject({
          url: `/api/tourism/bookings/${b.bookingId}/ticket.pdf`,
          headers: { cookie: b.visitor.cookie, 'accept-language': 'zh' },
        })
      ).rawPayload,
      { flat: true },
    );
    expect(zh).toContain('傣泐织布体验课');

    // Another shop's staff cannot redeem it; a forged token is refused; the owning shop redeems it once.
    const other = await approvedSeller(t.app);
    const redeem = (cookie: string, sellerId: string, code: string, lang = 'en') =>
      t.app.inject({
        method: 'POST',
        url: `/api/sellers/${sellerId}/tourism/redeem`,
        headers: { cookie, 'accept-language': lang },
        payload: { code },
      });
    expect((await redeem(other.cookie, other.sellerId, ticket.token)).statusCode).toBe(404);
    const forged = `${ticket.token.slice(0, -3)}AAA`;
    expect((await redeem(b.shop.cookie, b.shop.sellerId, forged)).json().code).toBe('tourism_ticket_invalid');
    const first = await redeem(b.shop.cookie, b.shop.sellerId, ticket.token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'REDEEMED', places: 3 });
    const again = await redeem(b.shop.cookie, b.shop.sellerId, ticket.reference, 'en');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/^This ticket was already redeemed at /);
    const [order] = await queryRows<{ status: string }>(
      t.database.db,
      sql`select o.status from orders o join tourism_bookings b on b.order_id = o.id where b.id = ${b.bookingId}`,
    );
    expect(order.status).toBe('delivered');
  });

  it('cancels by the policy: full refund early, places back, idempotent', async () => {
    const b = await paidBooking('en', 2); // 4 days ahead: more than 48 h, so 100 %
    expect(await taken(b.slotId)).toBe(3);
    const cancel = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/tourism/bookings/${b.bookingId}/cancel`,
        headers: { cookie: b.visitor.cookie, 'idempotency-key': 'c-1' },
      });
    const out = await cancel();
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ status: 'CANCELLED', refundPercent: 100, refundSatang: 225_000 });
    expect((await cancel()).json().refundSatang).toBe(225_000);
    expect(await taken(b.slotId)).toBe(0);
    const mine = (
      await t.app.inject({ url: '/api/tourism/my-bookings', headers: { cookie: b.visitor.cookie } })
    ).json();
    expect(mine.items[0]).toMatchObject({ id: b.bookingId, status: 'CANCELLED', refundSatang: 225_000 });
  });

  it('refunds half inside 48 hours and nothing after the start (policy arithmetic)', async () => {
    const { refundPercent, refundFor } = await import('./cancellation.ts');
    const start = new Date('2026-12-10T09:00:00+07:00');
    const policy = [
      { hoursBefore: 48, refundPercent: 100 },
      { hoursBefore: 24, refundPercent: 50 },
    ];
    expect(refundPercent(policy, start, new Date(start.getTime() - 72 * 3_600_000))).toBe(100);
    expect(refundPercent(policy, start, new Date(start.getTime() - 30 * 3_600_000))).toBe(50);
    expect(refundPercent(policy, start, new Date(start.getTime() - 3_600_000))).toBe(0);
    expect(refundPercent(policy, start, new Date(start.getTime() + 60_000))).toBe(0);
    expect(refundFor(225_001, 50)).toBe(112_500);
  });
});

describe('OCTO supplier API', () => {
  it('drives a whole booking with OCTO requests: products, calendar, availability, reserve, extend, confirm, update, get, list, cancel', async () => {
    const ex = await experienceWithSlots(t.app, { capacity: 6, days: 3 });
    const op = await operatorSession(t.app);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/operator/tourism/resellers',
      headers: { cookie: op.cookie },
      payload: { name: 'Fliggy (test)' },
    });
    expect(made.statusCode).toBe(201);
    const key = made.json().apiKey as string;
    const octo = (method: string, url: string, payload?: object, apiKey = key) =>
      t.app.inject({
        method: method as 'GET',
        url: `/octo${url}`,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        ...(payload ? { payload } : {}),
      });

    expect((await octo('GET', '/supplier', undefined, 'octo_wrong')).json()).toMatchObject({ error: 'UNAUTHORIZED' });
    expect((await octo('GET', '/supplier')).json()).toHaveProperty('name');
    const products = (await octo('GET', '/products')).json();
    const p = products.find((x: { id: string }) => x.id === ex.experienceId);
    expect(p).toMatchObject({ availabilityType: 'START_TIME', timeZone: 'Asia/Bangkok' });
    expect(p.options[0].units.map((u: { type: string }) => u.type)).toEqual(['ADULT', 'CHILD']);
    expect(p.options[0].availabilityLocalStartTimes).toEqual(['09:00']);
    expect((await octo('GET', '/products/00000000-0000-0000-0000-000000000000')).json().error).toBe(
      'INVALID_PRODUCT_ID',
    );

    const day = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
    const cal = (
      await octo('POST', '/availability/calendar', {
        productId: p.id,
        optionId: 'half-day',
        localDateStart: day(0),
        localDateEnd: day(6),
      })
    ).json();
    expect(cal).toHaveLength(7);
    expect(cal.filter((d: { status: string }) => d.status === 'AVAILABLE')).toHaveLength(3);
    expect(cal.filter((d: { status: string }) => d.status === 'CLOSED')).toHaveLength(4);
    const week = (
      await octo('POST', '/availability', {
        productId: p.id,
        optionId: 'half-day',
        localDateStart: day(0),
        localDateEnd: day(6),
      })
    ).json();
    expect(week).toHaveLength(3);
    const av = [week[2]]; // more than 48 h ahead, so a cancellation refunds in full
    expect(av[0]).toMatchObject({ status: 'AVAILABLE', vacancies: 6, capacity: 6, available: true });
    expect(av[0].localDateTimeStart).toMatch(/T09:00:00\+07:00$/);

    const uuid = crypto.randomUUID();
    const reserveBody = {
      uuid,
      productId: p.id,
      optionId: 'half-day',
      availabilityId: av[0].id,
      unitItems: [{ unitId: 'adult' }, { unitId: 'adult' }, { unitId: 'child' }],
      resellerReference: 'FLIGGY-1001',
      expirationMinutes: 20,
    };
    const held = (await octo('POST', '/bookings', reserveBody)).json();
    expect(held).toMatchObject({ uuid, status: 'ON_HOLD', availabilityId: av[0].id });
    expect(new Date(held.utcExpiresAt).getTime()).toBeGreaterThan(Date.now() + 19 * 60_000);
    expect(held.unitItems).toHaveLength(3);
    expect((await octo('POST', '/bookings', reserveBody)).json().uuid).toBe(uuid); // a retry reserves nothing more
    expect(
      (
        await octo('POST', '/bookings', {
          ...reserveBody,
          uuid: crypto.randomUUID(),
          unitItems: [{ unitId: 'senior' }],
        })
      ).json().error,
    ).toBe('INVALID_UNIT_ID');
    const tooMany = await octo('POST', '/bookings', {
      ...reserveBody,
      uuid: crypto.randomUUID(),
      unitItems: Array.from({ length: 4 }, () => ({ unitId: 'adult' })),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error).toBe('UNPROCESSABLE_ENTITY');
    const after = (
      await octo('POST', '/availability', { productId: p.id, optionId: 'half-day', availabilityIds: [av[0].id] })
    ).json();
    expect(after[0]).toMatchObject({ vacancies: 3, status: 'AVAILABLE' });

    const extended = (await octo('POST', `/bookings/${uuid}/extend`, { expirationMinutes: 60 })).json();
    expect(new Date(extended.utcExpiresAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    const confirmed = (
      await octo('POST', `/bookings/${uuid}/confirm`, {
        contact: { fullName: '王小明', emailAddress: 'wang@example.cn', locales: ['zh-CN'] },
      })
    ).json();
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', utcExpiresAt: null, contact: { fullName: '王小明' } });
    expect(confirmed.voucher.deliveryOptions[0]).toMatchObject({ deliveryFormat: 'QRCODE' });
    expect(confirmed.voucher.deliveryOptions[0].deliveryValue).toMatch(/^TT1\./);
    // The voucher's PDF: the reseller fetches the ticket with its key, in Chinese for its customer.
    const pdfUrl = confirmed.voucher.deliveryOptions.find(
      (d: { deliveryFormat: string }) => d.deliveryFormat === 'PDF_URL',
    );
    // An absolute address at the platform's public URL (PUBLIC_URL), not a path the reseller must resolve.
    const pdfAt = new URL(pdfUrl.deliveryValue);
    expect(pdfAt.pathname).toBe(`/octo/bookings/${uuid}/ticket.pdf`);
    const pdf = await octo('GET', `${pdfAt.pathname.slice('/octo'.length)}?lang=zh`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfToText(pdf.rawPayload, { flat: true })).toContain('体验活动门票');
    expect((await octo('GET', `/bookings/${uuid}/ticket.pdf`, undefined, 'octo_not-a-key')).statusCode).toBe(401);
    const updated = (await octo('PATCH', `/bookings/${uuid}`, { notes: 'vegetarian lunch' })).json();
    expect(updated.notes).toBe('vegetarian lunch');
    expect((await octo('GET', `/bookings/${uuid}`)).json().status).toBe('CONFIRMED');
    const listed = (await octo('GET', '/bookings?resellerReference=FLIGGY-1001')).json();
    expect(listed.map((b: { uuid: string }) => b.uuid)).toEqual([uuid]);

    // Another reseller does not see it.
    const other = (
      await t.app.inject({
        method: 'POST',
        url: '/api/operator/tourism/resellers',
        headers: { cookie: op.cookie },
        payload: { name: 'Klook (test)' },
      })
    ).json().apiKey;
    expect((await octo('GET', `/bookings/${uuid}`, undefined, other)).json().error).toBe('INVALID_BOOKING_UUID');

    const cancelled = (await octo('POST', `/bookings/${uuid}/cancel`, { reason: 'customer request' })).json();
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellation: { refund: 'FULL' } });
    expect(await taken(av[0].id)).toBe(0);
  });
});
