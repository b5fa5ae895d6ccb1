// Customs' tables: one declaration per cross-border order, the messages sent for it (sealed: they
// carry the buyer's ID number), the receipts customs answered (idempotent by receipt id), the
// operator's rejection queue, and the local customs sandbox's own inbox.
import {
  pgTable,
  pgSequence,
  text,
  uuid,
  timestamp,
  boolean,
  integer,
  jsonb,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { StoredReason } from './reasons.ts';

/** The line-haul carrier's waybill serials (TLX + 9 digits + a check digit). */
export const waybillSerial = pgSequence('customs_waybill_serial', { startWith: 1, increment: 1 });

export const customsDeclarations = pgTable(
  'customs_declarations',
  {
    orderId: uuid('order_id').primaryKey(),
    groupId: uuid('group_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    orderNo: text('order_no').notNull(),
    /** declared (messages sent, receipts awaited), released, rejected, invalid (refused by our own checks before sending). */
    status: text('status').notNull().default('declared'),
    waybillNo: text('waybill_no').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
  },
  (t) => [
    index('customs_declarations_seller_idx').on(t.sellerId),
    uniqueIndex('customs_declarations_waybill_key').on(t.waybillNo),
  ],
);

export const customsMessages = pgTable(
  'customs_messages',
  {
    guid: text('guid').primaryKey(),
    orderId: uuid('order_id').notNull(),
    type: text('type').notNull(),
    /** The signed XML, sealed with PERSONAL_DATA_KEY (it names the buyer's ID number). */
    xmlSealed: text('xml_sealed').notNull(),
    /** sent, passed, rejected */
    status: text('status').notNull().default('sent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('customs_messages_order_type_key').on(t.orderId, t.type)],
);

export const customsReceipts = pgTable(
  'customs_receipts',
  {
    receiptId: text('receipt_id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    messageGuid: text('message_guid').notNull(),
    code: text('code').notNull(),
    passed: boolean('passed').notNull(),
    returnStatus: text('return_status').notNull(),
    /** Codes with parameters ({ code, params }); plain strings are text already written (older rows, customs' own words). */
    reasons: jsonb('reasons').$type<StoredReason[]>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customs_receipts_order_idx').on(t.orderId)],
);

/** The operator's queue: each rejection with its reasons (codes with parameters, shown in the reader's language), until an operator resolves it. */
export const customsRejections = pgTable(
  'customs_rejections',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    orderNo: text('order_no').notNull(),
    receiptCode: text('receipt_code').notNull(),
    reasons: jsonb('reasons').$type<StoredReason[]>().notNull(),
    status: text('status').notNull().default('open'),
    resolvedBy: uuid('resolved_by'),
    resolution: text('resolution'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('customs_rejections_open_idx').on(t.createdAt).where(sql`status = 'open'`),
    uniqueIndex('customs_rejections_order_code_key').on(t.orderId, t.receiptCode),
  ],
);

/** The local customs sandbox's inbox (it stands in for the customs single window, which cannot be reached from here). */
export const customsSandboxInbox = pgTable(
  'customs_sandbox_inbox',
  {
    guid: text('guid').primaryKey(),
    type: text('type').notNull(),
    orderNo: text('order_no').notNull(),
    xmlSealed: text('xml_sealed').notNull(),
    /** waiting (for the documents it depends on), answered */
    state: text('state').notNull().default('waiting'),
    passed: boolean('passed'),
    /** For an answered order (CEB311): the keyed hash of the buyer's ID and the amount paid, for the yearly limit. */
    subjectHash: text('subject_hash'),
    amountFen: integer('amount_fen'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('customs_sandbox_inbox_waiting_idx').on(t.receivedAt).where(sql`state = 'waiting'`),
    index('customs_sandbox_inbox_order_idx').on(t.orderNo),
  ],
);
