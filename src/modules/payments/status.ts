// The payment intent's state machine. A notification only ever moves an intent forward, so one
// that arrives twice or late (a "processing" after "succeeded") changes nothing.
export type PaymentMethod = 'promptpay' | 'alipay' | 'card';
export type IntentStatus =
  | 'requires_action'
  | 'processing'
  | 'succeeded'
  | 'failed'
  | 'expired'
  | 'cancelled'
  | 'partially_refunded'
  | 'refunded';

/** Still waiting for the buyer: may become processing, succeeded, failed, expired or cancelled. */
export const isOpen = (s: IntentStatus) => s === 'requires_action' || s === 'processing';
/** Money was captured for the group by this intent (refunds may have followed). */
export const isCaptured = (s: IntentStatus) => s === 'succeeded' || s === 'partially_refunded' || s === 'refunded';

/** Where a "processing" notification leads from each state: only requires_action moves. */
export const afterProcessing = (s: IntentStatus): IntentStatus | null =>
  s === 'requires_action' ? 'processing' : null;
/** A failure only ends an open intent. */
export const afterFailure = (s: IntentStatus): IntentStatus | null => (isOpen(s) ? 'failed' : null);

/** After refunds confirmed so far: the captured amount fully or partly returned. */
export function afterRefunds(captured: number, refunded: number): IntentStatus {
  if (refunded <= 0) return 'succeeded';
  return refunded >= captured ? 'refunded' : 'partially_refunded';
}

/** Which providers carry which method, and in which currency a method charges. */
export const METHOD_PROVIDER: Record<PaymentMethod, 'alipay' | 'gateway'> = {
  promptpay: 'gateway',
  card: 'gateway',
  alipay: 'alipay',
};
export const METHOD_CURRENCY: Record<PaymentMethod, 'THB' | 'CNY' | null> = {
  promptpay: 'THB',
  alipay: 'CNY',
  card: null /* the group's own */,
};
