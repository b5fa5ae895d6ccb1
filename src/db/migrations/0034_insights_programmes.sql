CREATE TABLE "insights_flash_buyers" (
	"sale_id" uuid NOT NULL,
	"buyer_hash" text NOT NULL,
	CONSTRAINT "insights_flash_buyers_sale_id_buyer_hash_pk" PRIMARY KEY("sale_id","buyer_hash")
);
--> statement-breakpoint
CREATE TABLE "insights_flash_minutes" (
	"sale_id" uuid NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_flash_minutes_sale_id_minute_pk" PRIMARY KEY("sale_id","minute")
);
--> statement-breakpoint
CREATE TABLE "insights_flash_orders" (
	"sale_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"units" integer NOT NULL,
	CONSTRAINT "insights_flash_orders_sale_id_order_id_pk" PRIMARY KEY("sale_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "insights_flash_sale_variants" (
	"sale_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_flash_sale_variants_sale_id_variant_id_pk" PRIMARY KEY("sale_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "insights_flash_sales" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"buyers" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_hub" (
	"month" date NOT NULL,
	"seller_id" uuid NOT NULL,
	"market" text NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"dispatch_hours" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_hub_month_seller_id_market_pk" PRIMARY KEY("month","seller_id","market")
);
--> statement-breakpoint
CREATE INDEX "insights_flash_variant_idx" ON "insights_flash_sale_variants" USING btree ("variant_id");