// Who may do what in the academy beyond a learner's own rows: operators revoke credentials and read
// any learner's grades.
import { type Actor, isOperator } from '../../platform/actor.ts';
import { forbidden, unauthenticated } from '../../platform/errors.ts';

export function requireOperator(actor: Actor): void {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
}
