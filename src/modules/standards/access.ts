// Who may do what in the standards module beyond a shop's own members (sellers' requireSellerAccess):
// operators review certificates, decide on flagship stores and maintain the GI register.
import { type Actor, isOperator } from '../../platform/actor.ts';
import { forbidden, unauthenticated } from '../../platform/errors.ts';

export function requireOperator(actor: Actor): void {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
}
