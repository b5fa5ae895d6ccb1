// The order state machine. Transitions go only through the service, and only along these edges.
export type OrderStatus = 'pending_payment' | 'paid' | 'processing' | 'shipped' | 'delivered' | 'cancelled';
export type Role = 'buyer' | 'seller' | 'operator' | 'system';

const EDGES: Record<OrderStatus, Partial<Record<OrderStatus, Role[]>>> = {
  pending_payment: { paid: ['operator', 'system'], cancelled: ['buyer', 'seller', 'operator', 'system'] },
  paid: { processing: ['seller', 'operator', 'system'], cancelled: ['buyer', 'seller', 'operator', 'system'] },
  processing: { shipped: ['seller', 'operator'], cancelled: ['seller', 'operator', 'system'] },
  // A shop proves delivery through the shipping module (a photo or signature), which moves it as the system.
  shipped: { delivered: ['operator', 'system'] },
  delivered: {},
  cancelled: {},
};

export const canTransition = (from: OrderStatus, to: OrderStatus, role: Role): boolean =>
  EDGES[from][to]?.includes(role) ?? false;

export const isEdge = (from: OrderStatus, to: OrderStatus): boolean => to in EDGES[from];

export const ORDER_STATUSES: OrderStatus[] = [
  'pending_payment',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
];

/** Who fulfils an order: a hub (its units were held there) or the shop itself. */
export type Fulfilment = 'hub' | 'shop';

/**
 * The steps this viewer may take next, as the API will accept them, so that screens offer nothing
 * it would refuse: a hub ships (and its carrier delivers) what it holds; a shop proves its own
 * deliveries ("delivered" stands for sending the proof).
 */
export function nextActions(status: OrderStatus, role: Role, fulfilment: Fulfilment): OrderStatus[] {
  if (role === 'system') return [];
  const steps = (Object.keys(EDGES[status]) as OrderStatus[]).filter(
    (to) => canTransition(status, to, role) || (to === 'delivered' && role === 'seller'),
  );
  if (fulfilment === 'hub' && role !== 'operator')
    return steps.filter((to) => to !== 'processing' && to !== 'shipped' && to !== 'delivered');
  return steps.filter((to) => to !== 'paid');
}
