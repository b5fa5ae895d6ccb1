import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { operatorSession, signUp, type TestAccount } from '../identity/testing.ts';
import { pendingSeller, shopApplication, validTaxId } from './testing.ts';

const t = useTestApp();
let applicant: TestAccount;
let operator: TestAccount;
beforeAll(async () => {
  applicant = await signUp(t.app);
  operator = await operatorSession(t.app);
});

const apply = (payload: unknown, headers: Record<string, string> = { cookie: applicant.cookie }) =>
  t.app.inject({ method: 'POST', url: '/api/sellers', headers, payload: payload as object });

const withDashes = (id: string) => `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;

describe('applying for a shop', () => {
  it('stores a pending shop owned by the applicant, normalized, with an outbox event', async () => {
    const taxId = validTaxId();
    const res = await apply(
      shopApplication({
        taxId: withDashes(taxId),
        contactPhone: '089 999 1234',
        contactEmail: 'Shop@Example.TEST',
        shopName: { th: 'ร้านมะม่วงบางคล้า', zh: '邦卡芒果', en: "Bang Khla Mango's Farm" },
        payout: {
          method: 'bank_account',
          bankCode: '004',
          accountNumber: '123-4-56789-0',
          accountName: 'นายสมชาย ใจดี',
        },
        vatRegistered: true,
      }),
    );
    expect(res.statusCode).toBe(201);
    const shop = res.json();
    expect(shop).toMatchObject({
      status: 'pending',
      slug: 'bang-khla-mango-s-farm',
      taxId,
      contactPhone: '+66899991234',
      contactEmail: 'shop@example.test',
      province: { code: '57', th: 'เชียงราย', en: 'Chiang Rai', region: 'north' },
      vatRegistered: true,
      isFlagship: false,
      payout: {
        method: 'bank_account',
        bankCode: '004',
        accountNumber: '******7890',
        accountName: 'นายสมชาย ใจดี',
        promptpayId: null,
      },
      rejectionReason: null,
    });
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie: applicant.cookie } })).json();
    expect(me.sellers).toContainEqual(expect.objectContaining({ sellerId: shop.id, role: 'owner', status: 'pending' }));
    const events = await queryRows<{ topic: string; payload: any }>(
      t.database.db,
      sql`select topic, payload from outbox where aggregate_id = ${shop.id}`,
    );
    expect(events).toEqual([
      { topic: 'seller.applied', payload: expect.objectContaining({ sellerId: shop.id, ownerId: applicant.userId }) },
    ]);
  });

  it('masks a PromptPay mobile number except its last 4 digits', async () => {
    const res = await apply(shopApplication({ payout: { method: 'promptpay', promptpayId: '081-234-5678' } }));
    expect(res.json().payout).toMatchObject({ method: 'promptpay', promptpayId: '********5678', accountNumber: null });
  });

  it('names a shop without an English name by a short id, and suffixes a taken slug', async () => {
    const thaiOnly = await apply(shopApplication({ shopName: { th: 'ผ้าไหมแพรวา' } }));
    expect(thaiOnly.json().slug).toMatch(/^shop-[0-9a-f]{8}$/);
    const first = await apply(shopApplication({ shopName: { th: 'ทุเรียน', en: 'Durian House' } }));
    const second = await apply(shopApplication({ shopName: { th: 'ทุเรียน', en: 'Durian House' } }));
    expect(first.json().slug).toBe('durian-house');
    expect(second.json().slug).toMatch(/^durian-house-[0-9a-f]{8}$/);
  });

  it('rejects a tax ID with a wrong check digit, in Thai by default and in English on request', async () => {
    const good = validTaxId();
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    const th = await apply(shopApplication({ taxId: bad }));
    expect(th.statusCode).toBe(422);
    expect(th.json()).toMatchObject({ code: 'validation_failed', detail: 'ข้อมูลบางช่องไม่ถูกต้อง' });
    expect(th.json().errors).toEqual([
      {
        field: 'taxId',
        code: 'tax_id_check_digit',
        detail: `เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง: หลักตรวจสอบควรเป็น ${good[12]}`,
      },
    ]);
    const en = await apply(shopApplication({ taxId: bad }), { cookie: applicant.cookie, 'accept-language': 'en' });
    expect(en.json().errors).toEqual([
      {
        field: 'taxId',
        code: 'tax_id_check_digit',
        detail: `tax ID is not valid: the check digit should be ${good[12]}`,
      },
    ]);
    const zh = await apply(shopApplication({ taxId: '12345' }), { cookie: applicant.cookie, 'accept-language': 'zh' });
    expect(zh.json().errors[0].detail).toBe('纳税人识别号无效：须为 13 位数字（现为 5 位）');
  });

  it('names every bad field at once and stores nothing', async () => {
    const before = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from sellers`);
    const res = await apply(
      shopApplication({
        legalName: { th: '  ' },
        taxId: '12345',
        provinceCode: '99',
        contactPhone: '02-123-4567',
        contactEmail: 'nope',
        payout: { method: 'bank_account', bankCode: '999', accountNumber: '12345', accountName: '' },
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => [e.field, e.code])).toEqual([
      ['legalName.th', 'required'],
      ['taxId', 'tax_id_digits'],
      ['provinceCode', 'not_allowed'],
      ['contactPhone', 'bad_format'],
      ['contactEmail', 'bad_format'],
      ['payout.bankCode', 'not_allowed'],
      ['payout.accountNumber', 'bad_format'],
      ['payout.accountName', 'required'],
    ]);
    const after = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from sellers`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses an unknown business type and a PromptPay ID that is neither a mobile nor a valid ID', async () => {
    const type = await apply({ ...shopApplication(), businessType: 'bank' });
    expect(type.statusCode).toBe(422);
    expect(type.json().errors).toEqual([expect.objectContaining({ field: 'businessType', code: 'not_allowed' })]);
    const promptpay = await apply(shopApplication({ payout: { method: 'promptpay', promptpayId: '1234567890123' } }));
    expect(promptpay.json().errors).toEqual([
      expect.objectContaining({ field: 'payout.promptpayId', code: 'invalid' }),
    ]);
  });

  it('asks a guest to sign in', async () => {
    const res = await apply(shopApplication(), {});
    expect(res.statusCode).toBe(401);
  });
});

describe('one open shop per tax ID', () => {
  it('refuses a second pending or approved shop with the same tax ID with 409 tax_id_in_use', async () => {
    const taxId = validTaxId();
    const first = await pendingSeller(t.app, { application: { taxId } });
    const other = await signUp(t.app);
    const dup = await apply(shopApplication({ taxId: withDashes(taxId) }), { cookie: other.cookie });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'tax_id_in_use', detail: expect.stringContaining('เลขประจำตัวผู้เสียภาษี') });

    // Once the first is rejected the tax ID is free again...
    await t.app.inject({
      method: 'POST',
      url: `/api/sellers/${first.sellerId}/reject`,
      headers: { cookie: operator.cookie },
      payload: { reason: 'เอกสารไม่ครบ' },
    });
    const second = await apply(shopApplication({ taxId }), { cookie: other.cookie });
    expect(second.statusCode).toBe(201);
    // ...and the rejected one cannot come back with it while the second is open.
    const reapply = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${first.sellerId}/application`,
      headers: { cookie: first.cookie },
      payload: shopApplication({ taxId }),
    });
    expect(reapply.statusCode).toBe(409);
    expect(reapply.json().code).toBe('tax_id_in_use');
  });
});

describe('reference data', () => {
  it('lists the 77 provinces and the Thai banks in three languages', async () => {
    const provinces = (await t.app.inject('/api/provinces')).json();
    expect(provinces).toHaveLength(77);
    expect(provinces).toContainEqual(
      expect.objectContaining({ code: '10', th: 'กรุงเทพมหานคร', en: 'Bangkok', zh: '曼谷', region: 'central' }),
    );
    const banks = (await t.app.inject('/api/banks')).json();
    expect(banks).toContainEqual({
      code: '004',
      abbr: 'KBANK',
      th: 'ธนาคารกสิกรไทย',
      zh: '开泰银行',
      en: 'Kasikornbank',
    });
  });
});
