// The order state machine. Transitions go only through the service, and only along these edges.
export type OrderStatus = 'pending_payment' | 'paid' | 'processing' | 'shipped' | 'delivered' | 'cancelled';
export type Role = 'buyer' | 'seller' | 'operator' | 'system';

const EDGES: Record<OrderStatus, Partial<Record<OrderStatus, Role[]>>> = {
  pending_payment: { paid: ['operator', 'system'], cancelled: ['buyer', 'seller', 'operator', 'system'] },
  paid: { processing: ['seller', 'operator', 'system'], cancelled: ['buyer', 'seller', 'operator', 'system'] },
  processing: { shipped: ['seller', 'operator'], cancelled: ['seller', 'operator', 'system'] },
  shipped: { delivered: ['seller', 'operator', 'system'] },
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
