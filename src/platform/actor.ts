// Who is making a request. Authorization lives in the services, which receive the actor.
export type Actor =
  | { kind: 'guest'; guestTokenHash: string | null }
  | { kind: 'user'; userId: string; isOperator: boolean; guestTokenHash: string | null }
  | { kind: 'token'; sellerId: string; tokenId: string }
  | { kind: 'system'; name: string };

export const systemActor = (name: string): Actor => ({ kind: 'system', name });
export const isOperator = (a: Actor): boolean => (a.kind === 'user' && a.isOperator) || a.kind === 'system';
export const actorId = (a: Actor): string | null =>
  a.kind === 'user' ? a.userId : a.kind === 'token' ? a.tokenId : null;

/** Who did something, as a history row records it (user:<id>, token:<id>, system:<name>, guest). */
export const actorLabel = (actor: Actor): string =>
  actor.kind === 'user'
    ? `user:${actor.userId}`
    : actor.kind === 'token'
      ? `token:${actor.tokenId}`
      : actor.kind === 'system'
        ? `system:${actor.name}`
        : 'guest';
