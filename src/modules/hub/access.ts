// Who may work at a hub, and as what. Operators may do everything; staff by their role at that hub
// (a manager may do every hub task there). Sellers never act inside a hub.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import { getUser } from '../identity/index.ts';
import { hubLocations, type HubLocation } from '../inventory/index.ts';
import { hubStaff } from './schema.ts';

export type HubRole = 'manager' | 'receiver' | 'picker' | 'packer';
export type HubTask = 'receive' | 'put_away' | 'count' | 'pick' | 'pack' | 'dispatch' | 'view' | 'manage';

const ROLES_FOR: Record<HubTask, HubRole[]> = {
  view: ['manager', 'receiver', 'picker', 'packer'],
  receive: ['manager', 'receiver'],
  put_away: ['manager', 'receiver', 'picker'],
  count: ['manager', 'receiver'],
  pick: ['manager', 'picker'],
  pack: ['manager', 'packer'],
  dispatch: ['manager', 'packer'],
  manage: ['manager'],
};

export interface HubWorker {
  userId: string | null;
  name: string;
}

/** Throws unless the actor may do `task` at the hub location; returns who it is for the movement rows. */
export async function requireHubStaff(
  db: Executor,
  actor: Actor,
  locationId: string,
  task: HubTask,
): Promise<HubWorker> {
  if (actor.kind === 'system') return { userId: null, name: `system:${actor.name}` };
  if (actor.kind === 'guest') throw unauthenticated();
  if (actor.kind === 'token') throw forbidden();
  if (actor.isOperator) return { userId: actor.userId, name: 'operator' };
  const [row] = await db
    .select({ role: hubStaff.role })
    .from(hubStaff)
    .where(and(eq(hubStaff.userId, actor.userId), eq(hubStaff.locationId, locationId)));
  if (!row || !ROLES_FOR[task].includes(row.role)) throw forbidden();
  return { userId: actor.userId, name: row.role };
}

export async function requireHub(db: Executor, locationId: string): Promise<HubLocation> {
  const hub = (await hubLocations(db)).find((h) => h.id === locationId);
  if (!hub) throw notFound('hub');
  return hub;
}

/** The hubs the actor works at, with its role there (operators: every hub, as manager). */
export async function myHubs(
  db: Executor,
  actor: Actor,
  locale: Locale = 'th',
): Promise<(HubLocation & { role: HubRole })[]> {
  if (actor.kind !== 'user') throw unauthenticated();
  const hubs = await hubLocations(db, locale);
  if (actor.isOperator) return hubs.map((h) => ({ ...h, role: 'manager' as const }));
  const rows = await db.select().from(hubStaff).where(eq(hubStaff.userId, actor.userId));
  return hubs.flatMap((h) => {
    const r = rows.find((x) => x.locationId === h.id);
    return r ? [{ ...h, role: r.role }] : [];
  });
}

/** A manager (or an operator) names a user as staff of the hub with a role. */
export async function setHubStaff(
  db: Executor,
  actor: Actor,
  locationId: string,
  input: { userId: string; role: HubRole },
): Promise<void> {
  await requireHub(db, locationId);
  await requireHubStaff(db, actor, locationId, 'manage');
  if (!(await getUser(db, input.userId))) throw new AppError(404, 'not_found', { what: 'user' });
  await db
    .insert(hubStaff)
    .values({ userId: input.userId, locationId, role: input.role })
    .onConflictDoUpdate({ target: [hubStaff.userId, hubStaff.locationId], set: { role: input.role } });
}
