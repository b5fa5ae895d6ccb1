// What the tourism API answers, as the pages use it, and the Bangkok-day helpers of the calendar.
import type { Locale } from '../ssr-contract.ts';

export type OctoStatus = 'AVAILABLE' | 'LIMITED' | 'SOLD_OUT' | 'CLOSED';
export type BookingStatus = 'ON_HOLD' | 'PENDING' | 'CONFIRMED' | 'REDEEMED' | 'EXPIRED' | 'CANCELLED';

export interface DestinationList {
  version: string;
  effectiveFrom: string;
  source: string;
  items: { code: string; iso: string; name: string; region: string; experiences: number }[];
}
export interface Destination {
  code: string;
  name: string;
  highlights: string | null;
  experiences: { id: string; title: string; fromSatang: number }[];
}
export interface CancellationRule {
  hoursBefore: number;
  refundPercent: number;
}
export interface Experience {
  id: string;
  sellerId: string;
  provinceCode: string;
  title: string;
  description: string;
  options: {
    id: string;
    title: string;
    durationMinutes: number;
    units: { id: string; type: string; title: string; priceSatang: number }[];
  }[];
  meetingPoint: { lat: number; lng: number; address: string; directions: string; directionsZh: string };
  guideLanguages: string[];
  inclusions: string[];
  cancellation: CancellationRule[];
  cutoffMinutes: number;
}
export interface Slot {
  id: string;
  optionId: string;
  localDateTimeStart: string;
  capacity: number;
  status: OctoStatus;
  vacancies: number;
  available: boolean;
}
export interface BookingSummary {
  id: string;
  /** The signed link to this page (absolute, PUBLIC_URL), which opens it without an account. */
  link: string;
  reference: string | null;
  status: BookingStatus;
  experienceId: string;
  experienceTitle: string;
  optionTitle: string;
  provinceCode: string;
  startsAt: string;
  when: string;
  unitLines: { unitId: string; title: string; quantity: number }[];
  places: number;
  totalSatang: number;
  refundSatang: number | null;
  groupId: string | null;
  holdExpiresAt: string;
  cancellation: CancellationRule[];
  cancellable: boolean;
  refundPercentNow: number;
}
export interface Ticket {
  bookingId: string;
  reference: string;
  status: BookingStatus;
  token: string;
  experienceTitle: string;
  optionTitle: string;
  when: string;
  units: { unitId: string; title: string; quantity: number }[];
  places: number;
  totalSatang: number;
  meetingPoint: { address: string; directions: string; directionsZh: string; lat: number; lng: number };
  redeemedAt: string | null;
}
export interface MyBooking {
  id: string;
  reference: string | null;
  status: BookingStatus;
  experienceTitle: string;
  startsAt: string;
  when: string;
  places: number;
  totalSatang: number;
  refundSatang: number | null;
  groupId: string | null;
}

const BANGKOK_MS = 7 * 3_600_000; // Asia/Bangkok has no daylight saving
/** The Bangkok calendar day ("2026-12-05") of an instant. */
export const bangkokDay = (iso: string | Date): string =>
  new Date(new Date(iso).getTime() + BANGKOK_MS).toISOString().slice(0, 10);
/** The day `n` days after `day`. */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (day: string): number => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

const TAG: Record<Locale, string> = { th: 'th-TH-u-ca-buddhist', zh: 'zh-Hans-CN', en: 'en-GB' };
const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, key: string, opts: Intl.DateTimeFormatOptions) {
  const k = `${locale}|${key}`;
  let f = formats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(TAG[locale], { timeZone: 'Asia/Bangkok', ...opts });
    formats.set(k, f);
  }
  return f;
}
const noon = (day: string) => new Date(`${day}T12:00:00+07:00`);
/** "วันเสาร์ที่ 5 ธันวาคม 2569", "2026年12月5日星期六", "Saturday 5 December 2026". */
export const longDay = (day: string, locale: Locale) =>
  format(locale, 'long', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(noon(day));
export const monthName = (day: string, locale: Locale) =>
  format(locale, 'month', { month: 'long', year: 'numeric' }).format(noon(day));
export const weekdayShort = (day: string, locale: Locale) =>
  format(locale, 'weekday', { weekday: 'short' }).format(noon(day));
export const timeOf = (iso: string, locale: Locale) =>
  format(locale, 'time', { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
