import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { createTestDatabase, testConfig } from '../../../test/db.ts';
import type { Database } from '../../platform/db.ts';
import { isValidThaiId } from '../../platform/thai.ts';
import { addStaff, approvedSeller, sellerApiToken, validTaxId } from './testing.ts';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, config: testConfig(), logger: false });
});
afterAll(async () => { await app.close(); await database.close(); });

describe('the sellers test helpers other modules rely on', () => {
  it('make valid tax IDs', () => {
    for (let i = 0; i < 50; i++) expect(isValidThaiId(validTaxId())).toBe(true);
  });

  it('make an approved shop whose owner, staff and token can read it', async () => {
    const shop = await approvedSeller(app);
    const staff = await addStaff(app, shop);
    const token = await sellerApiToken(app, shop);
    for (const headers of [{ cookie: shop.cookie }, { cookie: staff.cookie }, { authorization: token }]) {
      const res = await app.inject({ url: `/api/sellers/${shop.sellerId}`, headers });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('approved');
    }
    expect((await app.inject({ url: `/api/shops/${shop.slug}` })).statusCode).toBe(200);
  });
});
