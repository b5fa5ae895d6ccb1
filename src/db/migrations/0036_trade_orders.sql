CREATE TABLE "trade_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rfq_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_user_id" uuid,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"translation_language" text,
	"translation_body" text,
	"translated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trade_order_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"percent" integer NOT NULL,
	"amount_satang" integer NOT NULL,
	"order_id" uuid NOT NULL,
	"order_number" text NOT NULL,
	"group_id" uuid NOT NULL,
	"status" text NOT NULL,
	"bank_reference" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"rfq_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"placed_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"incoterm" text NOT NULL,
	"transport_mode" text NOT NULL,
	"place" text NOT NULL,
	"product" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit" text NOT NULL,
	"unit_price_satang" integer NOT NULL,
	"total_satang" integer NOT NULL,
	"deposit_percent" integer NOT NULL,
	"status" text NOT NULL,
	"transport_document" text,
	"transport_number" text,
	"carrier" text,
	"gross_weight_kg" integer,
	"packages" integer,
	"shipped_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_orders_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "trade_quotes" ADD COLUMN "sample_price_satang" integer;--> statement-breakpoint
ALTER TABLE "trade_quotes" ADD COLUMN "deposit_percent" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "trade_messages" ADD CONSTRAINT "trade_messages_rfq_id_trade_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."trade_rfqs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_messages" ADD CONSTRAINT "trade_messages_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_milestones" ADD CONSTRAINT "trade_milestones_trade_order_id_trade_orders_id_fk" FOREIGN KEY ("trade_order_id") REFERENCES "public"."trade_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_milestones" ADD CONSTRAINT "trade_milestones_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_orders" ADD CONSTRAINT "trade_orders_rfq_id_trade_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."trade_rfqs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_orders" ADD CONSTRAINT "trade_orders_quote_id_trade_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."trade_quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_orders" ADD CONSTRAINT "trade_orders_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_orders" ADD CONSTRAINT "trade_orders_buyer_id_trade_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."trade_buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_milestones_one_per_kind" ON "trade_milestones" USING btree ("trade_order_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_orders_one_kind_per_quote" ON "trade_orders" USING btree ("quote_id","kind") WHERE status <> 'cancelled';