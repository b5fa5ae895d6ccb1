// The address lists behind the checkout form: every province, district and sub-district.
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { PROVINCE_CODES } from '../platform/provinces.ts';
import { thaiAddressIndex } from './thai-address.ts';

describe('the Thai address dataset', () => {
  it('has all 77 provinces, 928 districts and every sub-district with a postcode', () => {
    const { counts, byProvince } = thaiAddressIndex();
    expect(counts.provinces).toBe(77);
    expect([...byProvince.keys()].sort()).toEqual([...PROVINCE_CODES].sort());
    expect(counts.districts).toBe(928);
    // 7,436 sub-districts, plus 39 the package lists twice under an old and a new district
    // (e.g. คลองตันเหนือ under both คลองเตย and วัฒนา): a buyer finds theirs either way.
    expect(counts.subdistricts).toBe(7475);
    for (const districts of byProvince.values()) {
      for (const d of districts) {
        expect(d.code).toMatch(/^\d{4}$/);
        for (const s of d.subdistricts) {
          expect(s.code.slice(0, 4)).toBe(d.code);
          expect(s.postcode).toMatch(/^\d{5}$/);
        }
      }
    }
  });

  it('completes Mueang Chanthaburi, and finds the places of a postcode typed first', () => {
    const { byProvince, byPostcode } = thaiAddressIndex();
    const mueang = byProvince.get('22')!.find((d) => d.th === 'เมืองจันทบุรี')!;
    expect(mueang.subdistricts.find((s) => s.th === 'ตลาด')).toEqual({ code: '220101', th: 'ตลาด', postcode: '22000' });
    expect(byPostcode.get('50200')!.every((m) => m.provinceCode === '50')).toBe(true);
  });

  it('serves one province at a time, compressed and cacheable', async () => {
    const { webApp } = await import('./plugin.ts');
    const app = Fastify();
    app.decorate('config', { secureCookies: false } as never);
    await app.register(cookie);
    await app.register(webApp);
    const res = await app.inject({ url: '/web/address/provinces/22.json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('max-age');
    expect(res.rawPayload.length).toBeLessThan(8 * 1024);
    const plain = await app.inject({ url: '/web/address/provinces/22.json' });
    expect(plain.json().map((d: { th: string }) => d.th)).toContain('เมืองจันทบุรี');
    expect((await app.inject({ url: '/web/address/provinces/99.json' })).statusCode).toBe(404);
    await app.close();
  });
});
