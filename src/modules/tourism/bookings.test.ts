import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { systemActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { guestOwner } from '../cart/index.ts';
import { signUp } from '../identity/testing.ts';
import { markGroupPaid } from '../orders/index.ts';
import { expireHolds, reserve } from './bookings.ts';
import { experienceWithSlots } from './testing.ts';

const t = useTestApp();
const guest = () => guestOwner(randomBytes(16).toString('base64url'));

async function slotRow(id: string) {
  const [row] = await queryRows<{ taken: number; capacity: number; held: number }>(
    t.database.db,
    sql`select s.taken, s.capacity, (select coalesce(sum(places), 0)::int from tourism_bookings b
        where b.slot_id = s.id and b.status in ('ON_HOLD', 'PENDING', 'CONFIRMED', 'REDEEMED')) as held
        from tourism_slots s where s.id = ${id}`,
  );
  return row;
}

describe('tourism bookings', () => {
  it('never overbooks: 300 parallel bookings for 20 places give exactly 20 places', async () => {
    const { slots } = await experienceWithSlots(t.app, { capacity: 20, days: 1 });
    const slotId = slots[0].id;
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, () =>
        t.database.db.transaction((tx) => reserve(tx, guest(), { slotId, units: { adult: 1 } })),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'tourism_not_enough_places',
    ).length;
    expect(won).toBe(20);
    expect(refused).toBe(280);
    expect(await slotRow(slotId)).toEqual({ taken: 20, capacity: 20, held: 20 });
    const after = (
      await t.app.inject({
        url: `/api/tourism/experiences/${slots[0] && (await experienceOf(slotId))}/availability?from=2000-01-01&to=2100-01-01`,
      })
    ).json();
    expect(after.items[0]).toMatchObject({ status: 'SOLD_OUT', vacancies: 0 });
  });

  it('reserve → pay → confirm, idempotent, and an expired hold gives its places back', async () => {
    const { slots } = await experienceWithSlots(t.app, { capacity: 5, days: 2 });
    const visitor = await signUp(t.app, { locale: 'zh' });
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/tourism/bookings',
        headers: { cookie: visitor.cookie, 'idempotency-key': 'visit-1', 'accept-language': 'zh' },
        payload: { slotId: slots[0].id, units: { adult: 2, child: 1 } },
      });
    const first = await ask();
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ totalSatang: 225_000, places: 3 });
    expect((await ask()).json().bookingId).toBe(first.json().bookingId); // a retry holds nothing more
    expect((await slotRow(slots[0].id)).taken).toBe(3);

    await markGroupPaid(t.database.db, systemActor('payments'), first.json().groupId);
    await drainOutbox(t.app);
    const seen = await t.app.inject({
      url: `/api/tourism/bookings/${first.json().bookingId}`,
      headers: { cookie: visitor.cookie },
    });
    expect(seen.json().status).toBe('CONFIRMED');
    // Another visitor cannot see it.
    const other = await signUp(t.app);
    expect(
      (
        await t.app.inject({
          url: `/api/tourism/bookings/${first.json().bookingId}`,
          headers: { cookie: other.cookie },
        })
      ).statusCode,
    ).toBe(404);

    // A hold not paid in time lapses and its places come back; a confirmed booking keeps its places.
    await t.database.db.transaction((tx) =>
      reserve(tx, guest(), { slotId: slots[0].id, units: { adult: 2 } }, { holdMinutes: -1 }),
    );
    expect((await slotRow(slots[0].id)).taken).toBe(5);
    expect(await expireHolds(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await slotRow(slots[0].id)).toMatchObject({ taken: 3, held: 3 });
  });

  it('refuses bad input in the visitor’s language and leaves no hold behind', async () => {
    const { shop, slots } = await experienceWithSlots(t.app, { capacity: 4, days: 2 });
    const visitor = await signUp(t.app);
    const book = (payload: object, lang: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/tourism/bookings',
        headers: { cookie: visitor.cookie, 'accept-language': lang },
        payload,
      });

    const tooMany = await book({ slotId: slots[0].id, units: { adult: 5 } }, 'zh');
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
    expect(tooMany.json()).toMatchObject({ code: 'tourism_not_enough_places', detail: '名额不足（剩余 4 个）' });

    const unit = await book({ slotId: slots[0].id, units: { senior: 1 } }, 'th');
    expect(unit.json()).toMatchObject({ code: 'tourism_unit_not_offered' });
    expect(unit.json().detail).toContain('senior');

    await t.app.inject({
      method: 'POST',
      url: `/api/tourism/slots/${slots[1].id}/closure`,
      headers: { cookie: shop.cookie },
      payload: { closed: true },
    });
    const closed = await book({ slotId: slots[1].id, units: { adult: 1 } }, 'en');
    expect(closed.json()).toMatchObject({ code: 'tourism_slot_closed', detail: 'This slot is closed for booking' });

    // A slot already past.
    await t.database.db.execute(
      sql`update tourism_slots set starts_at = now() - interval '1 day' where id = ${slots[0].id}`,
    );
    const past = await book({ slotId: slots[0].id, units: { adult: 1 } }, 'th');
    expect(past.json()).toMatchObject({ code: 'tourism_slot_in_past', detail: 'รอบนี้ผ่านไปแล้ว กรุณาเลือกวันอื่น' });

    for (const s of slots) expect(await slotRow(s.id)).toMatchObject({ taken: 0, held: 0 });
  });
});

async function experienceOf(slotId: string): Promise<string> {
  const [r] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select experience_id as id from tourism_slots where id = ${slotId}`,
  );
  return r.id;
}
