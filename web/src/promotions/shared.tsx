// Pieces the promotion pages share: Thai wall-clock times for datetime-local fields, counts typed by people.
/** "2026-12-05T18:00" typed in Thai time -> an ISO instant (Thailand has no daylight saving: +07:00). */
export const bangkokToIso = (local: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const d = new Date(`${local}:00+07:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
/** An instant as the datetime-local value of Thai time. */
export const isoToBangkok = (iso: string | number): string =>
  new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
/** "12" -> 12; null unless a whole number from 1. */
export const countOf = (s: string | undefined): number | null =>
  s && /^\d{1,8}$/.test(s) && Number(s) >= 1 ? Number(s) : null;
