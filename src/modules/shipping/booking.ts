// The carriers the platform books itself, behind one interface: what a booking gets back (the
// tracking number) and who reports the parcel's events afterwards. Here both are played by the
// carrier sandbox; a contract with Thailand Post's or the line-haul carrier's API would implement
// the same interface (their APIs cannot be reached from here).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import { normalizeTrackingNumber, type CarrierCode } from './carriers.ts';
import { s10Number } from './s10.ts';

export interface BookingRequest {
  orderId: string;
  crossBorder?: { waybillNo: string };
}

export interface BookableCarrier {
  code: CarrierCode;
  /** Books the parcels and returns the carrier's tracking number for them. */
  book(tx: Executor, req: BookingRequest): Promise<{ trackingNumber: string }>;
}

/** Thailand Post: an S10 number from the platform's own serial range (its contract customer account). */
export const thailandPost: BookableCarrier = {
  code: 'thailand-post',
  async book(tx) {
    const [row] = await queryRows<{ n: string }>(tx, sql`select nextval('shipping_s10_serial')::text as n`);
    // "EB": the service letters of the platform's contract parcels (an operator's account setting, unconfirmed).
    return { trackingNumber: s10Number('EB', Number(row.n), 'TH') };
  },
};

/** The Thailand–China line-haul: a cross-border parcel travels under its customs waybill number. */
export const lineHaulChina: BookableCarrier = {
  code: 'linehaul-cn',
  async book(_tx, req) {
    if (!req.crossBorder) throw new Error('the line-haul carrier carries cross-border parcels only');
    return { trackingNumber: normalizeTrackingNumber(req.crossBorder.waybillNo) };
  },
};

/** Which carrier the platform books: the line-haul for cross-border parcels, Thailand Post at home. */
export const carrierFor = (req: BookingRequest): BookableCarrier => (req.crossBorder ? lineHaulChina : thailandPost);
