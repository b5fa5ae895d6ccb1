CREATE SEQUENCE "public"."customs_waybill_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "cbec_identity_locks" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cbec_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"buyer_user_id" uuid,
	"year" integer NOT NULL,
	"id_hash" text NOT NULL,
	"buyer_name" text NOT NULL,
	"id_sealed" text NOT NULL,
	"id_masked" text NOT NULL,
	"buyer_phone" text NOT NULL,
	"consignee_name" text NOT NULL,
	"consignee_phone" text NOT NULL,
	"consignee_address" text NOT NULL,
	"district_code" text NOT NULL,
	"fx_rate" text NOT NULL,
	"fx_source" text NOT NULL,
	"fx_valid_from" timestamp with time zone NOT NULL,
	"goods_fen" bigint NOT NULL,
	"freight_fen" bigint NOT NULL,
	"insurance_fen" bigint DEFAULT 0 NOT NULL,
	"discount_fen" bigint DEFAULT 0 NOT NULL,
	"tax_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"goods_satang" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"lines" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cbec_products" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"eligible" boolean DEFAULT false NOT NULL,
	"vat_bp" integer NOT NULL,
	"consumption_tax_bp" integer DEFAULT 0 NOT NULL,
	"hs_code" text NOT NULL,
	"customs_name_zh" text NOT NULL,
	"customs_unit" text DEFAULT '011' NOT NULL,
	"packaging_grams" integer DEFAULT 200 NOT NULL,
	"yearly_quantity_cap" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cbec_products_vat" CHECK ("cbec_products"."vat_bp" in (900, 1300)),
	CONSTRAINT "cbec_products_ct" CHECK ("cbec_products"."consumption_tax_bp" >= 0 and "cbec_products"."consumption_tax_bp" < 10000),
	CONSTRAINT "cbec_products_hs" CHECK ("cbec_products"."hs_code" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "cbec_refunds_seen" (
	"refund_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customs_declarations" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"status" text DEFAULT 'declared' NOT NULL,
	"waybill_no" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"rejected_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customs_messages" (
	"guid" text PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"type" text NOT NULL,
	"xml_sealed" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customs_receipts" (
	"receipt_id" text PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"message_guid" text NOT NULL,
	"code" text NOT NULL,
	"passed" boolean NOT NULL,
	"return_status" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customs_rejections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"receipt_code" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customs_sandbox_inbox" (
	"guid" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"order_no" text NOT NULL,
	"xml_sealed" text NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"passed" boolean,
	"subject_hash" text,
	"amount_fen" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_requirements" (
	"group_id" uuid PRIMARY KEY NOT NULL,
	"method" "payment_method" NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"fx_rate" numeric(20, 10),
	"fx_source" text,
	"payer_fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_groups" ADD COLUMN "market" text DEFAULT 'TH' NOT NULL;--> statement-breakpoint
ALTER TABLE "cbec_orders" ADD CONSTRAINT "cbec_orders_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cbec_products" ADD CONSTRAINT "cbec_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cbec_products" ADD CONSTRAINT "cbec_products_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_requirements" ADD CONSTRAINT "payment_requirements_group_id_order_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."order_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cbec_orders_identity_idx" ON "cbec_orders" USING btree ("id_hash","year");--> statement-breakpoint
CREATE INDEX "cbec_orders_group_idx" ON "cbec_orders" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "cbec_products_seller_idx" ON "cbec_products" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "customs_declarations_seller_idx" ON "customs_declarations" USING btree ("seller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customs_declarations_waybill_key" ON "customs_declarations" USING btree ("waybill_no");--> statement-breakpoint
CREATE UNIQUE INDEX "customs_messages_order_type_key" ON "customs_messages" USING btree ("order_id","type");--> statement-breakpoint
CREATE INDEX "customs_receipts_order_idx" ON "customs_receipts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "customs_rejections_open_idx" ON "customs_rejections" USING btree ("created_at") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "customs_rejections_order_code_key" ON "customs_rejections" USING btree ("order_id","receipt_code");--> statement-breakpoint
CREATE INDEX "customs_sandbox_inbox_waiting_idx" ON "customs_sandbox_inbox" USING btree ("received_at") WHERE state = 'waiting';--> statement-breakpoint
CREATE INDEX "customs_sandbox_inbox_order_idx" ON "customs_sandbox_inbox" USING btree ("order_no");