// The carrier sandbox: it stands in for Thailand Post's and the line-haul carrier's tracking feeds,
// which cannot be reached from here. When a parcel is handed over it writes the carrier's schedule
// (accepted, in transit, at the border and customs for cross-border, out for delivery, sometimes a
// failed attempt, delivered) into the database with due times in carrier hours, one carrier hour
// lasting CARRIER_SANDBOX_SECONDS_PER_HOUR real seconds. A background job reports what has come due,
// exactly as a carrier's tracking webhook would; the schedule survives restarts.
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { CARRIERS, type CarrierCode } from './carriers.ts';
import type { ShippingConfig } from './config.ts';
import { sandboxSchedule, type shipments } from './schema.ts';
import { recordTrackingEvent } from './tracking.ts';

type Place = { th: string; zh: string; en: string };
export interface PlannedEvent {
  step: number;
  code: string;
  place: Place | null;
  afterHours: number;
}

const HUBS: Record<string, Place> = {
  laksi: { th: 'ศูนย์ไปรษณีย์หลักสี่ กรุงเทพฯ', zh: '曼谷 Lak Si 邮件处理中心', en: 'Lak Si mail centre, Bangkok' },
  eec: { th: 'ศูนย์กระจายสินค้า EEC ชลบุรี', zh: '春武里 EEC 转运中心', en: 'EEC gateway, Chon Buri' },
  nongkhai: { th: 'ด่านหนองคาย', zh: '廊开口岸', en: 'Nong Khai border crossing' },
  mohan: { th: 'ด่านโม่ฮาน มณฑลยูนนาน', zh: '云南磨憨口岸', en: 'Mohan port, Yunnan' },
  kunming: { th: 'ศูนย์คัดแยกคุนหมิง', zh: '昆明分拨中心', en: 'Kunming sorting centre' },
};

const provincePlace = (code: string | undefined, prefix: Place): Place | null => {
  const p = code ? provinceByCode(code) : undefined;
  return p ? { th: `${prefix.th}${p.th}`, zh: `${p.zh}${prefix.zh}`, en: `${prefix.en}${p.en}` } : null;
};

/**
 * The events a carrier will report for a parcel, in carrier hours after hand-over. About one parcel
 * in five (decided by its tracking number, so a re-plan is the same) finds nobody home once.
 */
export function plannedEvents(
  carrier: CarrierCode,
  trackingNumber: string,
  opts: { fromProvince?: string; toProvince?: string },
): PlannedEvent[] {
  const failedOnce = createHash('sha256').update(trackingNumber).digest()[0] % 5 === 0;
  const origin = provincePlace(opts.fromProvince, {
    th: 'ไปรษณีย์ต้นทาง จ.',
    zh: '始发邮局 ',
    en: 'Origin post office, ',
  });
  const destination = provincePlace(opts.toProvince, {
    th: 'ไปรษณีย์ปลายทาง จ.',
    zh: '目的地邮局 ',
    en: 'Delivery post office, ',
  });
  const plan: Omit<PlannedEvent, 'step'>[] =
    carrier === 'linehaul-cn'
      ? [
          { code: 'accepted', place: HUBS.eec, afterHours: 0 },
          { code: 'in_transit', place: HUBS.nongkhai, afterHours: 10 },
          { code: 'at_border', place: HUBS.mohan, afterHours: 26 },
          { code: 'customs_cleared', place: HUBS.mohan, afterHours: 34 },
          { code: 'in_transit', place: HUBS.kunming, afterHours: 44 },
          { code: 'out_for_delivery', place: null, afterHours: 66 },
          ...(failedOnce
            ? [
                { code: 'failed_attempt', place: null, afterHours: 70 },
                { code: 'out_for_delivery', place: null, afterHours: 88 },
              ]
            : []),
          { code: 'delivered', place: null, afterHours: failedOnce ? 92 : 70 },
        ]
      : [
          { code: 'accepted', place: origin, afterHours: 0 },
          { code: 'in_transit', place: HUBS.laksi, afterHours: 8 },
          { code: 'out_for_delivery', place: destination, afterHours: 22 },
          ...(failedOnce
            ? [
                { code: 'failed_attempt', place: destination, afterHours: 26 },
                { code: 'out_for_delivery', place: destination, afterHours: 46 },
              ]
            : []),
          { code: 'delivered', place: destination, afterHours: failedOnce ? 50 : 26 },
        ];
  return plan.map((e, i) => ({ ...e, step: i + 1 }));
}

/** Writes the sandbox's schedule for a parcel just handed over (only for carriers the sandbox plays). */
export async function scheduleSandboxEvents(
  tx: Executor,
  s: typeof shipments.$inferSelect,
  handedOverAt: Date,
  opts: { fromProvince?: string; toProvince?: string },
  config: ShippingConfig,
): Promise<number> {
  const carrier = CARRIERS[s.carrier as CarrierCode];
  if (!config.sandbox || !carrier?.sandboxTracked) return 0;
  const events = plannedEvents(carrier.code, s.trackingNumber, opts);
  await tx
    .insert(sandboxSchedule)
    .values(
      events.map((e) => ({
        shipmentId: s.id,
        step: e.step,
        code: e.code,
        place: e.place,
        dueAt: new Date(handedOverAt.getTime() + e.afterHours * config.secondsPerCarrierHour * 1000),
      })),
    )
    .onConflictDoNothing();
  return events.length;
}

/** Reports every sandbox event due by `now`, oldest first, each in its own transaction. */
export async function runCarrierSandbox(
  db: Db,
  now = new Date(),
  limit = 200,
  onError?: (err: unknown, shipmentId: string) => void,
): Promise<number> {
  let reported = 0;
  for (;;) {
    const { seen, done } = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(sandboxSchedule)
        .where(
          and(isNull(sandboxSchedule.emittedAt), sql`${sandboxSchedule.dueAt} <= ${now.toISOString()}::timestamptz`),
        )
        .orderBy(sandboxSchedule.dueAt, sandboxSchedule.step)
        .limit(limit)
        .for('update', { skipLocked: true });
      let done = 0;
      const failed = new Set<string>();
      for (const e of due) {
        if (failed.has(e.shipmentId)) continue; // its next events wait for the one that failed
        try {
          // Each report in its own savepoint: one that fails (its order in a state that refuses it)
          // is retried on the next pass without holding back other parcels.
          await tx.transaction(async (sp) => {
            await recordTrackingEvent(sp, e.shipmentId, {
              step: e.step,
              code: e.code,
              place: e.place,
              occurredAt: e.dueAt,
              source: 'sandbox',
            });
            await sp
              .update(sandboxSchedule)
              .set({ emittedAt: sql`now()` })
              .where(and(eq(sandboxSchedule.shipmentId, e.shipmentId), eq(sandboxSchedule.step, e.step)));
          });
          done++;
        } catch (err) {
          failed.add(e.shipmentId);
          onError?.(err, e.shipmentId);
        }
      }
      return { seen: due.length, done };
    });
    reported += done;
    if (seen < limit || done === 0) return reported;
  }
}

/**
 * Sandbox only, for operators and tests: moves the sandbox's clock forward by `hours` carrier hours
 * for the parcels still on their way (of one shipment, or all), then reports what has come due.
 */
export async function advanceCarrierSandbox(
  db: Db,
  actor: Actor,
  input: { hours: number; shipmentId?: string },
  config: ShippingConfig,
): Promise<number> {
  if (!(actor.kind === 'system' || (actor.kind === 'user' && actor.isOperator))) throw forbidden();
  if (!config.sandbox) throw new AppError(409, 'carrier_sandbox_off');
  const ms = Math.round(input.hours * Math.max(config.secondsPerCarrierHour, 1) * 1000);
  await db
    .update(sandboxSchedule)
    .set({ dueAt: sql`${sandboxSchedule.dueAt} - make_interval(secs => ${ms / 1000})` })
    .where(
      and(
        isNull(sandboxSchedule.emittedAt),
        input.shipmentId ? eq(sandboxSchedule.shipmentId, input.shipmentId) : undefined,
      ),
    );
  return runCarrierSandbox(db);
}
