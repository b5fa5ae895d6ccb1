// The shop's side: its experiences listed and edited, and the roster of a slot with who booked;
// another shop sees none of it.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { approvedSeller } from '../sellers/testing.ts';
import { experienceWithSlots, silkClass } from './testing.ts';

const t = useTestApp();

describe('tourism for the shop: experiences, editing and the roster', () => {
  it('lists, edits and shows the roster only to the owning shop', async () => {
    const { shop, experienceId, slots } = await experienceWithSlots(t.app, { capacity: 8, days: 1 });
    const listed = await t.app.inject({
      url: `/api/sellers/${shop.sellerId}/tourism/experiences`,
      headers: { cookie: shop.cookie },
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((e: { id: string }) => e.id)).toEqual([experienceId]);

    const edited = silkClass();
    edited.options[0].units[0].priceSatang = 120_000;
    edited.meetingPoint.directions.zh = '在寺庙正门下车，向导举着红旗';
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/tourism/experiences/${experienceId}`,
      headers: { cookie: shop.cookie },
      payload: edited,
    });
    expect(put.statusCode).toBe(200);
    const shown = (await t.app.inject({ url: `/api/tourism/experiences/${experienceId}` })).json();
    expect(shown.options[0].units[0].priceSatang).toBe(120_000);
    expect(shown.meetingPoint.directionsZh).toBe('在寺庙正门下车，向导举着红旗');

    const booked = await t.app.inject({
      method: 'POST',
      url: '/api/tourism/bookings',
      payload: {
        slotId: slots[0].id,
        units: { adult: 2, child: 1 },
        contact: { name: '李娜', phone: '+8613800000000' },
      },
    });
    expect(booked.statusCode).toBe(201);
    const day = new Date().toISOString().slice(0, 10);
    const roster = await t.app.inject({
      url: `/api/tourism/experiences/${experienceId}/roster?from=${day}&to=2100-01-01`,
      headers: { cookie: shop.cookie },
    });
    expect(roster.statusCode).toBe(200);
    expect(roster.json().items[0]).toMatchObject({
      capacity: 8,
      taken: 3,
      bookings: [{ status: 'ON_HOLD', places: 3, units: { adult: 2, child: 1 }, contact: { name: '李娜' } }],
    });

    const other = await approvedSeller(t.app);
    for (const r of [
      { method: 'GET' as const, url: `/api/tourism/experiences/${experienceId}/roster?from=${day}&to=2100-01-01` },
      { method: 'PUT' as const, url: `/api/tourism/experiences/${experienceId}`, payload: edited },
      { method: 'GET' as const, url: `/api/sellers/${shop.sellerId}/tourism/experiences` },
    ]) {
      const res = await t.app.inject({ ...r, headers: { cookie: other.cookie } });
      expect([403, 404]).toContain(res.statusCode);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // A bad edit (a province that is not a secondary city) changes nothing.
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/tourism/experiences/${experienceId}`,
      headers: { cookie: shop.cookie, 'accept-language': 'zh' },
      payload: { ...edited, provinceCode: '10', title: { th: 'x', zh: 'x', en: 'x' } },
    });
    expect(bad.statusCode).toBe(422);
    expect((await t.app.inject({ url: `/api/tourism/experiences/${experienceId}` })).json().provinceCode).toBe('55');
  });
});
