// The smart digital hub: warehouses at the two hub stock locations (zones, bins, staff), inbound
// shipments and receiving, put-away, lots and expiry, cycle counts, FEFO allocation, waves,
// picking, packing and dispatch. Split by stage; this file is what other code imports.
import './messages.ts';

export * from './access.ts';
export * from './movements.ts';
export * from './inbound.ts';
export * from './stock.ts';
export * from './outbound.ts';
export * from './pack.ts';
