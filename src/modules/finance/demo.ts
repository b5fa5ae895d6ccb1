// The finance demo, through the module's own services: a sandbox lender (its policy decides here,
// and every page says "sandbox") with two products — revenue-based working capital guaranteed under
// a TCG (บสย.) portfolio scheme, and a 6–24 month instalment loan — and its credit officer
// lender@talad.local. The demo shops are new (approved today), so an application now is declined
// for tenure with its reasons explained; the tests show offers for shops with months of sales.
import { systemActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { DEMO_PASSWORD } from '../../demo/data.ts';
import { createUser } from '../identity/index.ts';
import { addLenderStaff, createLender, createProduct } from './lenders.ts';

export async function seedFinanceDemo(db: Db): Promise<void> {
  const op = systemActor('demo-seed');
  const lender = await createLender(db, op, {
    name: {
      th: 'ธนาคารเพื่อเอสเอ็มอีตัวอย่าง (sandbox)',
      zh: '示例中小企业银行（沙盒）',
      en: 'Demo SME Bank (sandbox)',
    },
    gateway: 'sandbox',
    retentionDays: 365,
  });
  await createProduct(db, op, lender.id, {
    name: { th: 'เงินทุนหมุนเวียน ผ่อนตามยอดขาย', zh: '按销售额还款的周转金', en: 'Working capital, repaid from sales' },
    minAmount: 500_000,
    maxAmount: 50_000_000,
    minTenorMonths: 3,
    maxTenorMonths: 12,
    rateBp: 800,
    feeBp: 100,
    guaranteeFeeBp: 175,
    guaranteeScheme: 'tcg_ps_smes',
    repayment: 'revenue_share',
    revenueShareBp: 1000,
  });
  await createProduct(db, op, lender.id, {
    name: { th: 'สินเชื่อผ่อนรายเดือน', zh: '按月分期贷款', en: 'Monthly instalment loan' },
    minAmount: 1_000_000,
    maxAmount: 100_000_000,
    minTenorMonths: 6,
    maxTenorMonths: 24,
    rateBp: 1200,
    feeBp: 150,
    guaranteeFeeBp: 0,
    guaranteeScheme: null,
    repayment: 'instalments',
    revenueShareBp: null,
  });
  const officer = await createUser(db, {
    email: 'lender@talad.local',
    password: DEMO_PASSWORD,
    displayName: 'วิภา สินเชื่อดี (เจ้าหน้าที่สินเชื่อ)',
  });
  await addLenderStaff(db, op, lender.id, officer.id);
}
