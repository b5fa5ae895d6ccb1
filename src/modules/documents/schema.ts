// Documents' tables: the seller's tax-invoice details (registered address, branch), per-seller
// serial number counters, the issued tax invoices and receipts (an immutable snapshot each), and
// the orders whose document waits for the shop's registered address to be complete.
import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  jsonb,
  primaryKey,
  uniqueIndex,
  index,
  pgEnum,
} from 'drizzle-orm/pg-core';
import { sellers } from '../sellers/schema.ts';
import type { ThaiAddressParts } from '../../platform/thai.ts';

export const documentKind = pgEnum('document_kind', ['tax_invoice', 'receipt']);

/** What a tax invoice must show about its issuer beyond the shop record: the registered address and branch. */
export const sellerTaxProfiles = pgTable('seller_tax_profiles', {
  sellerId: uuid('seller_id')
    .primaryKey()
    .references(() => sellers.id),
  /** The address on one line, as printed (from `address`; free text in rows older than it). */
  registeredAddress: text('registered_address').notNull(),
  /** The registered address in its parts (null in rows older than it: incomplete until the shop sets it). */
  address: jsonb('address').$type<ThaiAddressParts>(),
  /** "00000" is the head office (สำนักงานใหญ่); otherwise the 5-digit branch number. */
  branch: text('branch').notNull().default('00000'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The next serial per seller and kind; taken under a row lock in the issuing transaction, so numbers never repeat or skip. */
export const documentSequences = pgTable(
  'document_sequences',
  {
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    kind: documentKind('kind').notNull(),
    nextSerial: integer('next_serial').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.kind] })],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    orderId: uuid('order_id').notNull(),
    kind: documentKind('kind').notNull(),
    serial: integer('serial').notNull(),
    number: text('number').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    data: jsonb('data').notNull(),
  },
  (t) => [
    uniqueIndex('documents_seller_serial_key').on(t.sellerId, t.kind, t.serial),
    uniqueIndex('documents_order_kind_key').on(t.orderId, t.kind),
    index('documents_seller_idx').on(t.sellerId, t.issuedAt),
  ],
);

/**
 * A buyer's request for a full tax invoice in a business's name (VAT-registered buyers need their
 * tax ID and branch on it), made for a checkout before its documents are issued.
 */
export const buyerTaxDetails = pgTable('buyer_tax_details', {
  groupId: uuid('group_id').primaryKey(),
  name: text('name').notNull(),
  taxId: text('tax_id').notNull(),
  branch: text('branch').notNull().default('00000'),
  address: text('address').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An order whose document cannot be issued yet (a VAT shop's incomplete registered address); issued once it is complete. */
export const documentWaits = pgTable(
  'document_waits',
  {
    orderId: uuid('order_id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('document_waits_seller_idx').on(t.sellerId, t.createdAt)],
);
