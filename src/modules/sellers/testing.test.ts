import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { isValidThaiId } from '../../platform/thai.ts';
import { addStaff, approvedSeller, sellerApiToken, validTaxId } from './testing.ts';

const t = useTestApp();

describe('the sellers test helpers other modules rely on', () => {
  it('make valid tax IDs', () => {
    for (let i = 0; i < 50; i++) expect(isValidThaiId(validTaxId())).toBe(true);
  });

  it('make an approved shop whose owner, staff and token can read it', async () => {
    const shop = await approvedSeller(t.app);
    const staff = await addStaff(t.app, shop);
    const token = await sellerApiToken(t.app, shop);
    for (const headers of [{ cookie: shop.cookie }, { cookie: staff.cookie }, { authorization: token }]) {
      const res = await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('approved');
    }
    expect((await t.app.inject({ url: `/api/shops/${shop.slug}` })).statusCode).toBe(200);
  });
});
