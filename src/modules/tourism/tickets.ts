// Tickets: a confirmed booking's PDF in the buyer's language (experience, date and slot — Buddhist
// era in Thai —, units, meeting point with its Chinese directions, reference) with a QR code that
// holds a signed redeem token. The shop's staff redeem it by scanning (or typing the reference):
// the signature is checked, only the owning shop may redeem, and only once.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { type Actor, systemActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime, type Locale, pickText } from '../../platform/i18n.ts';
import { finishPdf, PdfText } from '../../platform/pdf-text.ts';
import { completeServiceOrder } from '../orders/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { bookings, experiences, slots } from './schema.ts';

const TOKEN_PREFIX = 'TT1';
const ticketKey = (secret: Buffer) => createHash('sha256').update('talad tourism ticket key').update(secret).digest();
const mac = (secret: Buffer, bookingId: string) =>
  createHmac('sha256', ticketKey(secret)).update(`tourism-ticket:${bookingId}`).digest().subarray(0, 16);

/** The redeem token a ticket's QR holds: "TT1.<booking id>.<HMAC-SHA256, 128 bits>". */
export const redeemToken = (secret: Buffer, bookingId: string): string =>
  `${TOKEN_PREFIX}.${bookingId}.${mac(secret, bookingId).toString('base64url')}`;

/** What signs tickets and booking links, and the platform's public address (PUBLIC_URL) they point at. */
export interface TicketKeys {
  secret: Buffer;
  publicUrl: string;
}

const linkMac = (secret: Buffer, bookingId: string) =>
  createHmac('sha256', ticketKey(secret)).update(`tourism-booking-link:${bookingId}`).digest().subarray(0, 16);

/** The `k` of a booking's signed link: lets whoever holds the link (a guest) see the booking and ticket. */
export const bookingLinkKey = (secret: Buffer, bookingId: string): string =>
  linkMac(secret, bookingId).toString('base64url');

export function verifyBookingLinkKey(secret: Buffer, bookingId: string, k: string | undefined): boolean {
  if (!k) return false;
  const given = Buffer.from(k, 'base64url');
  const expected = linkMac(secret, bookingId);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The booking's page at the platform's public address, signed, in the visitor's language. */
export const bookingLink = (keys: TicketKeys, bookingId: string, locale: string): string =>
  `${keys.publicUrl}${locale === 'th' ? '' : `/${locale}`}/tours/bookings/${bookingId}?k=${bookingLinkKey(keys.secret, bookingId)}`;

/** The booking a token names when its signature holds; null otherwise. */
export function verifyRedeemToken(secret: Buffer, token: string): string | null {
  const [prefix, id, sig] = token.trim().split('.');
  if (prefix !== TOKEN_PREFIX || !id || !sig || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(secret, id);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

const LABEL = {
  th: {
    ticket: 'บัตรเข้าร่วมกิจกรรม',
    when: 'วันและเวลา',
    who: 'ผู้เข้าร่วม',
    meet: 'จุดนัดพบ',
    directions: 'การเดินทาง',
    directionsZh: '路线（中文）',
    reference: 'รหัสการจอง',
    scan: 'แสดง QR นี้แก่ผู้จัดกิจกรรม',
    link: 'ดูการจองออนไลน์',
    total: 'ยอดชำระ',
  },
  zh: {
    ticket: '体验活动门票',
    when: '日期与场次',
    who: '参加者',
    meet: '集合地点',
    directions: '路线',
    directionsZh: '路线（中文）',
    reference: '预订编号',
    scan: '请向活动组织者出示此二维码',
    link: '在线查看预订',
    total: '已付金额',
  },
  en: {
    ticket: 'Experience ticket',
    when: 'Date and time',
    who: 'Participants',
    meet: 'Meeting point',
    directions: 'Directions',
    directionsZh: '路线（中文）',
    reference: 'Booking reference',
    scan: 'Show this QR code to the organiser',
    link: 'Your booking online',
    total: 'Paid',
  },
} satisfies Record<Locale, Record<string, string>>;

export interface TicketView {
  bookingId: string;
  reference: string;
  status: string;
  token: string;
  /** The booking's signed page at the platform's public address (works without an account). */
  link: string;
  experienceTitle: string;
  optionTitle: string;
  startsAt: string;
  /** The start in the buyer's language (Buddhist era in Thai). */
  when: string;
  units: { unitId: string; title: string; quantity: number }[];
  places: number;
  totalSatang: number;
  meetingPoint: { address: string; directions: string; directionsZh: string; lat: number; lng: number };
  redeemedAt: string | null;
}

async function ticketRow(db: Executor, bookingId: string) {
  const [row] = await db
    .select({ b: bookings, s: slots, e: experiences })
    .from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(experiences, eq(experiences.id, bookings.experienceId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}

function view(keys: TicketKeys, row: NonNullable<Awaited<ReturnType<typeof ticketRow>>>, l: Locale): TicketView {
  const { b, s, e } = row;
  const option = e.options.find((o) => o.id === s.optionId);
  return {
    bookingId: b.id,
    reference: b.reference ?? b.id,
    status: b.status,
    token: redeemToken(keys.secret, b.id),
    link: bookingLink(keys, b.id, b.locale),
    experienceTitle: pickText(e.title, l),
    optionTitle: option ? pickText(option.title, l) : s.optionId,
    startsAt: s.startsAt.toISOString(),
    when: formatDateTime(s.startsAt, l),
    units: Object.entries(b.units).map(([unitId, quantity]) => {
      const u = option?.units.find((x) => x.id === unitId);
      return { unitId, title: u ? pickText(u.title, l) : unitId, quantity };
    }),
    places: b.places,
    totalSatang: b.totalSatang,
    meetingPoint: {
      address: pickText(e.meetingPoint.address, l),
      directions: pickText(e.meetingPoint.directions, l),
      directionsZh: e.meetingPoint.directions.zh,
      lat: e.meetingPoint.lat,
      lng: e.meetingPoint.lng,
    },
    redeemedAt: b.redeemedAt ? b.redeemedAt.toISOString() : null,
  };
}

/** The ticket of the buyer's confirmed (or redeemed) booking; a hold not yet paid has none. */
export async function ticketOf(db: Executor, keys: TicketKeys, bookingId: string, locale: Locale): Promise<TicketView> {
  const row = await ticketRow(db, bookingId);
  if (!row) throw new AppError(404, 'not_found', { what: 'booking' });
  if (row.b.status !== 'CONFIRMED' && row.b.status !== 'REDEEMED')
    throw new AppError(409, 'tourism_ticket_not_confirmed');
  return view(keys, row, locale);
}

/** The QR a ticket page shows: the same signed token as the PDF's. */
export const ticketQrSvg = (token: string): Promise<string> =>
  QRCode.toString(token, { errorCorrectionLevel: 'M', margin: 2, type: 'svg' });

const baht = (satang: number) => `฿${(satang / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** The ticket as a one-page A5 PDF in the buyer's language. */
export async function ticketPdf(t: TicketView, locale: Locale): Promise<Buffer> {
  const l = LABEL[locale];
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: `${l.ticket} ${t.reference}` } });
  const text = new PdfText(doc);
  const W = doc.page.width - 72;
  let y = 36;
  y = text.write(`Talad · ${l.ticket}`, 36, y, { size: 11, color: '#1f5f8b' });
  y = text.write(t.experienceTitle, 36, y + 4, { size: 18, bold: true, width: W, color: '#000000' });
  y = text.write(t.optionTitle, 36, y, { size: 12, width: W });
  const qr = await QRCode.toBuffer(t.token, { errorCorrectionLevel: 'M', margin: 1, width: 360 });
  const qrTop = y + 10;
  doc.image(qr, 36 + W - 150, qrTop, { width: 150 });
  const left = W - 165;
  y = qrTop;
  const field = (label: string, value: string) => {
    y = text.write(label, 36, y, { size: 9, color: '#555555', width: left });
    y = text.write(value, 36, y, { size: 12, width: left, color: '#000000' }) + 6;
  };
  field(l.when, t.when);
  field(l.who, t.units.map((u) => `${u.title} × ${u.quantity}`).join(', '));
  field(l.total, baht(t.totalSatang));
  field(l.reference, t.reference);
  y = Math.max(y, qrTop + 150) + 4;
  text.write(l.scan, 36 + W - 150, qrTop + 152, { size: 8, width: 150, align: 'center' });
  y += 10;
  const wide = (label: string, value: string) => {
    y = text.write(label, 36, y, { size: 9, color: '#555555', width: W });
    y = text.write(value, 36, y, { size: 11, width: W, color: '#000000' }) + 6;
  };
  wide(l.meet, `${t.meetingPoint.address} (${t.meetingPoint.lat.toFixed(5)}, ${t.meetingPoint.lng.toFixed(5)})`);
  if (locale !== 'zh') wide(l.directions, t.meetingPoint.directions);
  wide(l.directionsZh, t.meetingPoint.directionsZh);
  wide(l.link, t.link);
  return finishPdf(doc);
}

const tourism = systemActor('tourism');

/**
 * The operator redeems a ticket by its QR token (signature checked) or its typed reference. Only the
 * shop that runs the experience may; a second scan is refused with the time of the first.
 */
export async function redeemTicket(
  db: Executor,
  actor: Actor,
  keys: TicketKeys,
  sellerId: string,
  code: string,
  locale: Locale,
) {
  await requireSellerAccess(db, actor, sellerId);
  const c = code.trim();
  let where: ReturnType<typeof eq>;
  if (c.startsWith(`${TOKEN_PREFIX}.`)) {
    const id = verifyRedeemToken(keys.secret, c);
    if (!id) throw new AppError(422, 'tourism_ticket_invalid');
    where = eq(bookings.id, id);
  } else {
    const ref = c.toUpperCase().replace(/[\s-]/g, '');
    if (!/^TK[0-9A-Z]{8}$/.test(ref)) throw new AppError(422, 'tourism_ticket_invalid');
    where = eq(bookings.reference, ref);
  }
  const [b] = await db
    .select()
    .from(bookings)
    .where(and(where, eq(bookings.sellerId, sellerId)));
  // Another shop's ticket is not found, as if it did not exist.
  if (!b) throw new AppError(404, 'tourism_ticket_not_found');
  const redeemed = await db
    .update(bookings)
    .set({ status: 'REDEEMED', redeemedAt: new Date() })
    .where(and(eq(bookings.id, b.id), eq(bookings.status, 'CONFIRMED')))
    .returning({ at: bookings.redeemedAt });
  if (!redeemed.length) {
    const [now] = await db.select().from(bookings).where(eq(bookings.id, b.id));
    if (now?.status === 'REDEEMED' && now.redeemedAt)
      throw new AppError(409, 'tourism_ticket_already_redeemed', { at: formatDateTime(now.redeemedAt, locale) });
    if (now?.status === 'CANCELLED') throw new AppError(409, 'tourism_ticket_cancelled');
    throw new AppError(409, 'tourism_ticket_not_confirmed');
  }
  // The experience took place: the service order is delivered, which starts the shop's payout.
  if (b.orderId) await completeServiceOrder(db, tourism, b.orderId);
  const row = await ticketRow(db, b.id);
  return view(keys, row!, locale);
}
