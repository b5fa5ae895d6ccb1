CREATE TYPE "public"."document_kind" AS ENUM('tax_invoice', 'receipt');--> statement-breakpoint
CREATE TYPE "public"."ledger_account" AS ENUM('payments_clearing', 'commission_revenue', 'vat_payable', 'seller_payable', 'payouts_in_transit', 'refunds_payable');--> statement-breakpoint
CREATE TYPE "public"."payout_batch_status" AS ENUM('in_transit', 'paid');--> statement-breakpoint
CREATE TYPE "public"."payment_intent_status" AS ENUM('requires_action', 'processing', 'succeeded', 'failed', 'expired', 'cancelled', 'partially_refunded', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('promptpay', 'alipay', 'card');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "document_sequences" (
	"seller_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"next_serial" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "document_sequences_seller_id_kind_pk" PRIMARY KEY("seller_id","kind")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"serial" integer NOT NULL,
	"number" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seller_tax_profiles" (
	"seller_id" uuid PRIMARY KEY NOT NULL,
	"registered_address" text NOT NULL,
	"branch" text DEFAULT '00000' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid,
	"rate_bp" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" uuid NOT NULL,
	"account" "ledger_account" NOT NULL,
	"seller_id" uuid,
	"order_id" uuid,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"order_id" uuid,
	"seller_id" uuid,
	"currency" text NOT NULL,
	"memo" text,
	"fx" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transactions_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
CREATE TABLE "ledger_order_clearances" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"status" "payout_batch_status" DEFAULT 'in_transit' NOT NULL,
	"currency" text NOT NULL,
	"minimum_amount" bigint NOT NULL,
	"hold_days" integer NOT NULL,
	"delivered_before" timestamp with time zone NOT NULL,
	"total" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by" uuid,
	CONSTRAINT "payout_batches_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"destination" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tax" text NOT NULL,
	"rate_bp" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"base" text NOT NULL,
	"quote" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"source" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_intents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"method" "payment_method" NOT NULL,
	"provider" text NOT NULL,
	"status" "payment_intent_status" DEFAULT 'requires_action' NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"group_amount" bigint NOT NULL,
	"group_currency" text NOT NULL,
	"fx_rate" numeric(20, 10),
	"fx_source" text,
	"fx_rounding" text,
	"reference" text NOT NULL,
	"provider_ref" text,
	"redirect_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"captures_group" boolean DEFAULT false NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"failure_code" text,
	"succeeded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_intents_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "payment_notifications" (
	"provider" text NOT NULL,
	"notification_id" text NOT NULL,
	"intent_id" uuid,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_notifications_provider_notification_id_pk" PRIMARY KEY("provider","notification_id")
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"intent_id" uuid NOT NULL,
	"order_id" uuid,
	"seller_id" uuid,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"provider_amount" bigint NOT NULL,
	"provider_currency" text NOT NULL,
	"status" "refund_status" DEFAULT 'pending' NOT NULL,
	"reason" text NOT NULL,
	"provider_refund_id" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sandbox_gateway_charges" (
	"id" text PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"method" text NOT NULL,
	"merchant_request_id" text NOT NULL,
	"reference" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_gateway_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"body" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_answer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_gateway_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"charge_id" text NOT NULL,
	"merchant_refund_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_sequences" ADD CONSTRAINT "document_sequences_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_tax_profiles" ADD CONSTRAINT "seller_tax_profiles_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rates" ADD CONSTRAINT "commission_rates_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_group_id_order_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."order_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_intent_id_payment_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."payment_intents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_gateway_refunds" ADD CONSTRAINT "sandbox_gateway_refunds_charge_id_sandbox_gateway_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."sandbox_gateway_charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_seller_serial_key" ON "documents" USING btree ("seller_id","kind","serial");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_order_kind_key" ON "documents" USING btree ("order_id","kind");--> statement-breakpoint
CREATE INDEX "documents_seller_idx" ON "documents" USING btree ("seller_id","issued_at");--> statement-breakpoint
CREATE INDEX "commission_rates_seller_idx" ON "commission_rates" USING btree ("seller_id","valid_from");--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account","seller_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_order_idx" ON "ledger_entries" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "ledger_transactions_order_idx" ON "ledger_transactions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "ledger_transactions_seller_idx" ON "ledger_transactions" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_order_clearances_seller_idx" ON "ledger_order_clearances" USING btree ("seller_id","delivered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_batch_seller_key" ON "payouts" USING btree ("batch_id","seller_id");--> statement-breakpoint
CREATE INDEX "payouts_seller_idx" ON "payouts" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "tax_rates_tax_idx" ON "tax_rates" USING btree ("tax","valid_from");--> statement-breakpoint
CREATE INDEX "fx_rates_pair_idx" ON "fx_rates" USING btree ("base","quote","valid_from");--> statement-breakpoint
CREATE INDEX "payment_intents_group_idx" ON "payment_intents" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_one_capture_per_group" ON "payment_intents" USING btree ("group_id") WHERE captures_group;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_provider_ref_key" ON "payment_intents" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE INDEX "refunds_intent_idx" ON "refunds" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "refunds_seller_idx" ON "refunds" USING btree ("seller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_charges_request_key" ON "sandbox_gateway_charges" USING btree ("gateway","merchant_request_id");--> statement-breakpoint
CREATE INDEX "sandbox_charges_reference_idx" ON "sandbox_gateway_charges" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "sandbox_deliveries_due_idx" ON "sandbox_gateway_deliveries" USING btree ("next_attempt_at") WHERE delivered_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_refunds_request_key" ON "sandbox_gateway_refunds" USING btree ("gateway","merchant_refund_id");