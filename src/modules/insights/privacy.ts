// The privacy rules of every figure insights publishes, to analysts and as open data:
// - a cell built from fewer than MIN sellers, or fewer than MIN buyers, is suppressed;
// - a filtered answer is suppressed when its complement (the same question with one filter turned
//   round: "not Roi Et", "not CN") is such a small cell, since total − answer would reveal it;
// - in a breakdown whose total is shown, a lone suppressed row takes the smallest shown row with it
//   (secondary suppression), so no row can be had by subtraction.
// Counts of shops (applied, approved) follow the same rule with their own count as the sellers.

export const MIN_CELL = 5;

export type Cell = { value: number } | { suppressed: true };
export const shown = (value: number): Cell => ({ value });
export const hidden: Cell = { suppressed: true };

/** The people behind a figure. Zero people reveal nobody; 1..MIN-1 do. */
export interface Crowd {
  sellers: number;
  buyers: number | null; // null: a figure about shops only (applications)
}

export const tooSmall = (c: Crowd): boolean =>
  (c.sellers > 0 && c.sellers < MIN_CELL) || (c.buyers !== null && c.buyers > 0 && c.buyers < MIN_CELL);

/** A figure, shown only when its own crowd and every complement's crowd are safe. */
export function guard(value: number, crowd: Crowd, complements: Crowd[] = []): Cell {
  if (tooSmall(crowd) || complements.some(tooSmall)) return hidden;
  return shown(value);
}

/** Secondary suppression over the rows of one breakdown (each row's cells share the row's crowd). */
export function suppressRows<R extends { crowd: Crowd; size: number }>(rows: R[]): (R & { hidden: boolean })[] {
  const out = rows.map((r) => ({ ...r, hidden: tooSmall(r.crowd) }));
  const lone = out.filter((r) => r.hidden && r.crowd.sellers > 0);
  if (lone.length === 1) {
    const next = out.filter((r) => !r.hidden && r.crowd.sellers > 0).sort((a, b) => a.size - b.size)[0];
    if (next) next.hidden = true;
  }
  return out;
}

/**
 * One crowd for a row whose figures stand on several groups of people (shops applying, shops
 * approved; buyers, buyers net of cancellations): the smallest non-empty group of each kind, so the
 * row is too small when any of its figures is.
 */
export function smallestCrowd(sellers: number[], buyers: number[] | null): Crowd {
  const least = (ns: number[]) => {
    const positive = ns.filter((x) => x > 0);
    return positive.length ? Math.min(...positive) : 0;
  };
  return { sellers: least(sellers), buyers: buyers === null ? null : least(buyers) };
}
