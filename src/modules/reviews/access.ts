// Who may do what in reviews beyond a shop's members:
// operators moderate reported reviews.
import { type Actor, isOperator } from '../../platform/actor.ts';
import { forbidden, unauthenticated } from '../../platform/errors.ts';

export function requireOperator(actor: Actor): void {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
}
