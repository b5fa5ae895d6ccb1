// Loans and their money, all through the ledger: the disbursement into the shop's balance (paid out
// with its next payout), repayments taken from the balance — a share of each paid sale
// (revenue-based) or the instalments due — and late instalments charged once after the grace days.
// Each movement has a source key, posted once in the ledger under the same key, in the same
// transaction, with the loan's row locked: two deliveries of one sale never take twice.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { emit } from '../../events.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { type Locale, pickText, translate } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { postLoanMovement, sellerPayableNow } from '../ledger/index.ts';
import { orderFacts } from '../orders/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { requireLenderStaff } from './access.ts';
import { liveConsent, recordAccess } from './consent.ts';
import type { Offer } from './decision.ts';
import { type applications, instalments, lenders, loanMovements, type loanProducts, loans, notices } from './schema.ts';

/** The Bangkok date of `now` plus `days`, YYYY-MM-DD. */
export const bangkokDay = (now = new Date(), days = 0) =>
  new Date(now.getTime() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A YYYY-MM-DD date `months` later, on the same day of the month or the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The instalments of a loan: equal monthly amounts, the last taking the remainder. */
export function instalmentPlan(total: number, tenorMonths: number, firstDay: string) {
  const each = Math.floor(total / tenorMonths);
  return Array.from({ length: tenorMonths }, (_, i) => ({
    n: i + 1,
    dueOn: addMonths(firstDay, i + 1),
    amount: i === tenorMonths - 1 ? total - each * (tenorMonths - 1) : each,
  }));
}

const LEDGER_KIND = {
  disbursement: 'loan_disbursement',
  repayment: 'loan_repayment',
  settlement: 'loan_settlement',
} as const;

const loanKey = (loan: typeof loans.$inferSelect) => ({
  loanId: loan.id,
  sellerId: loan.sellerId,
  lenderId: loan.lenderId,
});

async function move(
  tx: Executor,
  loan: typeof loans.$inferSelect,
  m: {
    kind: 'disbursement' | 'repayment' | 'late_fee' | 'settlement';
    sourceKey: string;
    amount: number;
    outstandingAfter: number;
  },
): Promise<boolean> {
  const [row] = await tx
    .insert(loanMovements)
    .values({ id: newId(), loanId: loan.id, sellerId: loan.sellerId, ...m })
    .onConflictDoNothing()
    .returning({ id: loanMovements.id });
  if (!row) return false;
  if (m.kind !== 'late_fee')
    // A late fee is owed, not moved: the ledger sees it when it is collected.
    await postLoanMovement(tx, {
      kind: LEDGER_KIND[m.kind as Exclude<typeof m.kind, 'late_fee'>],
      sourceKey: m.sourceKey,
      sellerId: loan.sellerId,
      amount: m.amount,
      memo: `loan ${loan.id}`,
    });
  return true;
}

/** Makes the loan of an accepted offer and disburses it into the shop's balance (in the caller's transaction). */
export async function disburse(
  tx: Executor,
  a: { application: typeof applications.$inferSelect; offer: Offer; product: typeof loanProducts.$inferSelect },
): Promise<string> {
  const today = bangkokDay();
  const [loan] = await tx
    .insert(loans)
    .values({
      id: newId(),
      sellerId: a.application.sellerId,
      lenderId: a.application.lenderId,
      applicationId: a.application.id,
      principal: a.offer.amount,
      interest: a.offer.interest,
      fee: a.offer.fee + a.offer.guaranteeFee,
      outstanding: a.offer.totalRepayable,
      repayment: a.offer.repayment,
      revenueShareBp: a.offer.revenueShareBp,
      tenorMonths: a.offer.tenorMonths,
      finalDueOn: addMonths(today, a.offer.tenorMonths),
    })
    .returning();
  if (loan.repayment === 'instalments')
    await tx.insert(instalments).values(
      instalmentPlan(loan.outstanding, loan.tenorMonths, today).map((i) => ({
        ...i,
        loanId: loan.id,
        sellerId: loan.sellerId,
      })),
    );
  await move(tx, loan, {
    kind: 'disbursement',
    sourceKey: `loan.disbursed:${loan.id}`,
    amount: a.offer.disbursed,
    outstandingAfter: loan.outstanding,
  });
  await emit(tx, {
    topic: 'loan.disbursed',
    aggregateId: loan.id,
    payload: {
      ...loanKey(loan),
      principalSatang: loan.principal,
      disbursedSatang: a.offer.disbursed,
      repayment: loan.repayment,
    },
  });
  return loan.id;
}

/** Takes up to `want` from the shop's balance for the loan (locked by the caller); returns what was taken. */
async function repay(tx: Executor, loan: typeof loans.$inferSelect, want: number, sourceKey: string): Promise<number> {
  const take = Math.min(want, loan.outstanding, Math.max(0, await sellerPayableNow(tx, loan.sellerId)));
  if (take <= 0) return 0;
  const outstanding = loan.outstanding - take;
  if (!(await move(tx, loan, { kind: 'repayment', sourceKey, amount: take, outstandingAfter: outstanding }))) return 0;
  loan.outstanding = outstanding;
  if (loan.repayment === 'instalments') {
    // Oldest instalments first.
    let left = take;
    const open = await tx
      .select()
      .from(instalments)
      .where(
        and(eq(instalments.loanId, loan.id), sql`${instalments.paid} < ${instalments.amount} + ${instalments.lateFee}`),
      )
      .orderBy(asc(instalments.n));
    for (const i of open) {
      if (left <= 0) break;
      const pay = Math.min(left, i.amount + i.lateFee - i.paid);
      left -= pay;
      await tx
        .update(instalments)
        .set({ paid: i.paid + pay })
        .where(and(eq(instalments.loanId, loan.id), eq(instalments.n, i.n)));
    }
  }
  await tx
    .update(loans)
    .set({ outstanding, status: outstanding === 0 ? 'repaid' : loan.status })
    .where(eq(loans.id, loan.id));
  if (outstanding === 0) {
    const [{ repaid }] = await tx
      .select({ repaid: sql<string>`coalesce(sum(${loanMovements.amount}), 0)` })
      .from(loanMovements)
      .where(and(eq(loanMovements.loanId, loan.id), eq(loanMovements.kind, 'repayment')));
    await emit(tx, {
      topic: 'loan.repaid',
      aggregateId: loan.id,
      payload: { ...loanKey(loan), repaidSatang: Number(repaid) },
    });
  }
  return take;
}

const lockOpenLoans = (tx: Executor, sellerId: string, kind?: 'revenue_share' | 'instalments') =>
  tx
    .select()
    .from(loans)
    .where(
      and(
        eq(loans.sellerId, sellerId),
        inArray(loans.status, ['active', 'late']),
        kind ? eq(loans.repayment, kind) : undefined,
      ),
    )
    .orderBy(asc(loans.disbursedAt), asc(loans.id))
    .for('update');

/** order.paid: a revenue-based loan takes its share of the sale (after the ledger has posted it). */
export async function repayFromSale(db: Db, p: { orderId: string }): Promise<void> {
  const order = await orderFacts(db, p.orderId);
  await db.transaction(async (tx) => {
    for (const loan of await lockOpenLoans(tx, order.sellerId, 'revenue_share')) {
      const share = Math.floor((order.totalSatang * (loan.revenueShareBp ?? 0)) / 10_000);
      await repay(tx, loan, share, `loan.repay:sale:${order.id}:${loan.id}`);
    }
  });
}

/**
 * The collection run (a job, and `POST /api/operator/finance/collect`): instalments due are taken from
 * the balance; one unpaid past the grace days is charged the late fee once and the loan is late; a
 * revenue-based loan still owing after its last day is collected and charged the same way.
 */
export async function collectDue(db: Db, rt: { lateFeeSatang: number; graceDays: number }, now = new Date()) {
  const today = bangkokDay(now);
  const lateBefore = bangkokDay(now, -rt.graceDays);
  const due = await db
    .selectDistinct({ loanId: loans.id, sellerId: loans.sellerId })
    .from(loans)
    .leftJoin(instalments, eq(instalments.loanId, loans.id))
    .where(
      and(
        inArray(loans.status, ['active', 'late']),
        sql`(${instalments.dueOn} <= ${today} and ${instalments.paid} < ${instalments.amount} + ${instalments.lateFee}) or (${loans.repayment} = 'revenue_share' and ${loans.finalDueOn} <= ${today})`,
      ),
    );
  let collected = 0;
  for (const { loanId, sellerId } of due) {
    await db.transaction(async (tx) => {
      const loan = (await lockOpenLoans(tx, sellerId)).find((l) => l.id === loanId);
      if (!loan) return;
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(loanMovements)
        .where(eq(loanMovements.loanId, loan.id));
      let owed = loan.outstanding;
      if (loan.repayment === 'instalments') {
        const [row] = await tx
          .select({
            owed: sql<string>`coalesce(sum(${instalments.amount} + ${instalments.lateFee} - ${instalments.paid}), 0)`,
          })
          .from(instalments)
          .where(and(eq(instalments.loanId, loan.id), lte(instalments.dueOn, today)));
        owed = Number(row.owed);
      }
      collected += await repay(tx, loan, owed, `loan.repay:due:${loan.id}:${n}`);
      if (loan.outstanding === 0) return;
      // Late: still unpaid past the grace days.
      let late = false;
      if (loan.repayment === 'instalments') {
        const overdue = await tx
          .select()
          .from(instalments)
          .where(
            and(
              eq(instalments.loanId, loan.id),
              sql`${instalments.dueOn} < ${lateBefore}`,
              sql`${instalments.paid} < ${instalments.amount} + ${instalments.lateFee}`,
            ),
          );
        late = overdue.length > 0;
        for (const i of overdue.filter((i) => i.lateFee === 0 && rt.lateFeeSatang > 0)) {
          loan.outstanding += rt.lateFeeSatang;
          await tx
            .update(instalments)
            .set({ lateFee: rt.lateFeeSatang, lateSince: today })
            .where(and(eq(instalments.loanId, loan.id), eq(instalments.n, i.n)));
          await move(tx, loan, {
            kind: 'late_fee',
            sourceKey: `loan.late:${loan.id}:${i.n}`,
            amount: rt.lateFeeSatang,
            outstandingAfter: loan.outstanding,
          });
          await emit(tx, {
            topic: 'loan.late',
            aggregateId: loan.id,
            payload: {
              ...loanKey(loan),
              instalment: i.n,
              dueOn: i.dueOn,
              lateFeeSatang: rt.lateFeeSatang,
              outstandingSatang: loan.outstanding,
            },
          });
        }
      } else if (loan.finalDueOn < lateBefore) {
        late = true;
        if (
          rt.lateFeeSatang > 0 &&
          (await move(tx, loan, {
            kind: 'late_fee',
            sourceKey: `loan.late:${loan.id}:final`,
            amount: rt.lateFeeSatang,
            outstandingAfter: loan.outstanding + rt.lateFeeSatang,
          }))
        ) {
          loan.outstanding += rt.lateFeeSatang;
          await emit(tx, {
            topic: 'loan.late',
            aggregateId: loan.id,
            payload: {
              ...loanKey(loan),
              instalment: null,
              dueOn: loan.finalDueOn,
              lateFeeSatang: rt.lateFeeSatang,
              outstandingSatang: loan.outstanding,
            },
          });
        }
      }
      await tx
        .update(loans)
        .set({ outstanding: loan.outstanding, status: late ? 'late' : 'active' })
        .where(eq(loans.id, loan.id));
    });
  }
  return collected;
}

const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', dateStyle: 'long' }),
  zh: new Intl.DateTimeFormat('zh-Hans-CN', { timeZone: 'Asia/Bangkok', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', dateStyle: 'long' }),
};
/** A YYYY-MM-DD Bangkok day as the reader writes it (Thai: Buddhist era). */
const formatThaiDay = (day: string, locale: Locale) => dayFormats[locale].format(new Date(`${day}T00:00:00+07:00`));

const baht = (satang: number) => (satang / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

async function loanDetails(db: Executor, rows: (typeof loans.$inferSelect & { lenderName: any })[], locale: Locale) {
  if (!rows.length) return [];
  const ids = rows.map((l) => l.id);
  const [plan, moves, told] = await Promise.all([
    db.select().from(instalments).where(inArray(instalments.loanId, ids)).orderBy(asc(instalments.n)),
    db
      .select()
      .from(loanMovements)
      .where(inArray(loanMovements.loanId, ids))
      .orderBy(asc(loanMovements.at), asc(loanMovements.id)),
    db.select().from(notices).where(inArray(notices.loanId, ids)).orderBy(desc(notices.at)),
  ]);
  return rows.map((l) => ({
    id: l.id,
    lenderId: l.lenderId,
    lenderName: pickText(l.lenderName, locale),
    principal: l.principal,
    interest: l.interest,
    fee: l.fee,
    outstanding: l.outstanding,
    repayment: l.repayment,
    revenueShareBp: l.revenueShareBp,
    tenorMonths: l.tenorMonths,
    status: l.status,
    statusLabel: translate(`finance.loan.status.${l.status}`, locale),
    disbursedAt: l.disbursedAt.toISOString(),
    finalDueOn: l.finalDueOn,
    schedule: plan
      .filter((i) => i.loanId === l.id)
      .map((i) => ({
        n: i.n,
        dueOn: i.dueOn,
        amount: i.amount,
        lateFee: i.lateFee,
        paid: i.paid,
        lateSince: i.lateSince,
      })),
    notices: told
      .filter((n) => n.loanId === l.id)
      .map((n) => ({
        at: n.at.toISOString(),
        kind: n.kind,
        text: translate(n.params.instalment === null ? 'finance.notice.late_final' : 'finance.notice.late', locale, {
          n: n.params.instalment ?? '',
          due: formatThaiDay(String(n.params.dueOn), locale),
          fee: baht(Number(n.params.lateFeeSatang)),
          outstanding: baht(Number(n.params.outstandingSatang)),
        }),
      })),
    statement: moves
      .filter((m) => m.loanId === l.id)
      .map((m) => ({
        at: m.at.toISOString(),
        kind: m.kind,
        label: translate(`finance.movement.${m.kind}`, locale),
        amount: m.amount,
        outstandingAfter: m.outstandingAfter,
      })),
  }));
}

export async function shopLoans(db: Executor, actor: Actor, sellerId: string, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select({ l: loans, name: lenders.name })
    .from(loans)
    .innerJoin(lenders, eq(lenders.id, loans.lenderId))
    .where(eq(loans.sellerId, sellerId))
    .orderBy(desc(loans.disbursedAt));
  return loanDetails(
    db,
    rows.map((r) => ({ ...r.l, lenderName: r.name })),
    locale,
  );
}

/** A lender's loans, each only while the shop's consent to share its servicing stays live; every read recorded. */
export async function lenderLoans(db: Executor, actor: Actor, lenderId: string, locale: Locale) {
  await requireLenderStaff(db, actor, lenderId);
  const rows = await db
    .select({ l: loans, name: lenders.name })
    .from(loans)
    .innerJoin(lenders, eq(lenders.id, loans.lenderId))
    .where(eq(loans.lenderId, lenderId))
    .orderBy(desc(loans.disbursedAt))
    .limit(200);
  const visible: (typeof loans.$inferSelect & { lenderName: any })[] = [];
  for (const r of rows) {
    const consent = await liveConsent(db, r.l.sellerId, lenderId, 'loan_servicing');
    if (!consent) continue;
    await recordAccess(db, actor, {
      sellerId: r.l.sellerId,
      lenderId,
      consentId: consent.id,
      purpose: 'loan_servicing',
      dataItems: consent.dataItems,
      what: 'loan',
    });
    visible.push({ ...r.l, lenderName: r.name });
  }
  return (await loanDetails(db, visible, locale)).map((l, i) => ({ ...l, sellerId: visible[i].sellerId }));
}

/**
 * The settlement run (a job, and `POST /api/operator/finance/settle`): what has been collected for
 * each loan and not yet paid on is forwarded to the lender — out of the platform's account and off
 * `lender_clearing`, balanced — with a statement line on the loan and `loan.settled` in the same
 * transaction. Returns the satang paid on.
 */
export async function settleCollected(db: Db): Promise<number> {
  const pending = await db
    .select({ loanId: loanMovements.loanId })
    .from(loanMovements)
    .where(inArray(loanMovements.kind, ['repayment', 'settlement']))
    .groupBy(loanMovements.loanId)
    .having(
      sql`sum(case when ${loanMovements.kind} = 'repayment' then ${loanMovements.amount} else -${loanMovements.amount} end) > 0`,
    );
  let settled = 0;
  for (const { loanId } of pending) {
    settled += await db.transaction(async (tx) => {
      const [loan] = await tx.select().from(loans).where(eq(loans.id, loanId)).for('update');
      const [row] = await tx
        .select({
          collected: sql<string>`coalesce(sum(${loanMovements.amount}) filter (where ${loanMovements.kind} = 'repayment'), 0)`,
          paidOn: sql<string>`coalesce(sum(${loanMovements.amount}) filter (where ${loanMovements.kind} = 'settlement'), 0)`,
          settlements: sql<number>`(count(*) filter (where ${loanMovements.kind} = 'settlement'))::int`,
        })
        .from(loanMovements)
        .where(eq(loanMovements.loanId, loanId));
      const amount = Number(row.collected) - Number(row.paidOn);
      if (amount <= 0) return 0;
      const sourceKey = `loan.settled:${loan.id}:${row.settlements + 1}`;
      if (!(await move(tx, loan, { kind: 'settlement', sourceKey, amount, outstandingAfter: loan.outstanding })))
        return 0;
      await emit(tx, {
        topic: 'loan.settled',
        aggregateId: loan.id,
        payload: { ...loanKey(loan), settledSatang: amount, settlementId: newId() },
      });
      return amount;
    });
  }
  return settled;
}

/** loan.late (through the outbox): the shop is told, once per late event, in its loans page. */
export async function noticeLate(
  db: Db,
  e: {
    id: number;
    payload: {
      loanId: string;
      sellerId: string;
      instalment: number | null;
      dueOn: string;
      lateFeeSatang: number;
      outstandingSatang: number;
    };
  },
): Promise<void> {
  const p = e.payload;
  await db
    .insert(notices)
    .values({
      id: newId(),
      sellerId: p.sellerId,
      loanId: p.loanId,
      kind: 'late',
      sourceKey: `loan.late:${p.loanId}:${p.instalment ?? 'final'}`,
      params: {
        instalment: p.instalment,
        dueOn: p.dueOn,
        lateFeeSatang: p.lateFeeSatang,
        outstandingSatang: p.outstandingSatang,
      },
    })
    .onConflictDoNothing();
}
