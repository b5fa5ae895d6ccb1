// The trade demo: the importer signs in with the demo password and finds its company verified, its
// two open requests, the rice cooperative's quote and the sample order; seeding twice adds nothing.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { DEMO_SHOPS } from '../../demo/data.ts';
import { systemActor } from '../../platform/actor.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { seedCategories } from '../catalog/index.ts';
import { createUser } from '../identity/index.ts';
import { applyForShop, approveSeller } from '../sellers/index.ts';
import { seedTradeDemo } from './demo.ts';

const t = useTestApp();

describe('the trade demo', () => {
  it('gives the importer a verified company, two open requests, a quote and a sample order', async () => {
    const db = t.database.db;
    await seedCategories(db);
    const coop = DEMO_SHOPS.find((s) => s.owner.email === 'rice@talad.local')!;
    const owner = await createUser(db, coop.owner);
    const seller = await applyForShop(
      db,
      { kind: 'user', userId: owner.id, isOperator: false, guestTokenHash: null },
      coop.application,
    );
    await approveSeller(db, systemActor('test'), seller.id);
    await seedTradeDemo(db);
    await seedTradeDemo(db);

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: 'importer@talad.local', password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const get = (url: string) => t.app.inject({ url, headers: { cookie } }).then((r) => r.json());
    expect(await get('/api/trade/buyers/me')).toMatchObject({ country: 'CN', verified: true });
    const rfqs = (await get('/api/trade/rfqs')).items;
    expect(rfqs).toHaveLength(2);
    const rice = rfqs.find((r: any) => r.incoterm === 'FOB');
    expect(rice).toMatchObject({ quantity: 20, unit: 'tonne', place: 'Laem Chabang', status: 'open' });
    expect(rfqs.some((r: any) => r.product.includes('芒果干'))).toBe(true);
    const quotes = (await get(`/api/trade/rfqs/${rice.id}/quotes`)).quotes;
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ sellerId: seller.id, language: 'th' });
    const orders = (await get('/api/trade/orders')).items;
    expect(orders).toMatchObject([{ kind: 'sample', status: 'awaiting_payment', sellerId: seller.id }]);
  });
});
