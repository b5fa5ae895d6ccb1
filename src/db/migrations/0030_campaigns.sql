ALTER TYPE "public"."ledger_account" ADD VALUE 'platform_promotions';--> statement-breakpoint
CREATE TABLE "campaign_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"price_satang" integer NOT NULL,
	"stock_limit" integer NOT NULL,
	"per_buyer_limit" integer NOT NULL,
	"sold" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_items_sold" CHECK ("campaign_items"."sold" >= 0 and "campaign_items"."sold" <= "campaign_items"."stock_limit"),
	CONSTRAINT "campaign_items_price" CHECK ("campaign_items"."price_satang" > 0),
	CONSTRAINT "campaign_items_limits" CHECK ("campaign_items"."stock_limit" > 0 and "campaign_items"."per_buyer_limit" > 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_purchases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_item_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"buyer_key" text NOT NULL,
	"group_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_window" CHECK ("campaigns"."ends_at" > "campaigns"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "shop_free_shipping" (
	"seller_id" uuid PRIMARY KEY NOT NULL,
	"min_subtotal_satang" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher_redemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"voucher_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"buyer_key" text NOT NULL,
	"group_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"amount_satang" integer NOT NULL,
	"funded_by" text NOT NULL,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"amount_satang" integer,
	"percent" integer,
	"min_spend_satang" integer DEFAULT 0 NOT NULL,
	"cap_satang" integer,
	"per_buyer_limit" integer NOT NULL,
	"total_limit" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vouchers_used" CHECK ("vouchers"."used" >= 0 and "vouchers"."used" <= "vouchers"."total_limit"),
	CONSTRAINT "vouchers_window" CHECK ("vouchers"."ends_at" > "vouchers"."starts_at"),
	CONSTRAINT "vouchers_value" CHECK (("vouchers"."kind" = 'amount' and "vouchers"."amount_satang" > 0) or ("vouchers"."kind" = 'percent' and "vouchers"."percent" between 1 and 90))
);
--> statement-breakpoint
ALTER TABLE "order_groups" ADD COLUMN "discount_satang" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "list_unit_price_satang" bigint;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount_satang" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discounts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_purchases" ADD CONSTRAINT "campaign_purchases_campaign_item_id_campaign_items_id_fk" FOREIGN KEY ("campaign_item_id") REFERENCES "public"."campaign_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_free_shipping" ADD CONSTRAINT "shop_free_shipping_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_redemptions" ADD CONSTRAINT "voucher_redemptions_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_items_variant_uq" ON "campaign_items" USING btree ("campaign_id","variant_id");--> statement-breakpoint
CREATE INDEX "campaign_items_variant_idx" ON "campaign_items" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "campaign_items_product_idx" ON "campaign_items" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "campaign_purchases_buyer_idx" ON "campaign_purchases" USING btree ("buyer_key","campaign_item_id");--> statement-breakpoint
CREATE INDEX "campaign_purchases_order_idx" ON "campaign_purchases" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "campaigns_seller_idx" ON "campaigns" USING btree ("seller_id","starts_at");--> statement-breakpoint
CREATE INDEX "voucher_redemptions_buyer_idx" ON "voucher_redemptions" USING btree ("voucher_id","buyer_key");--> statement-breakpoint
CREATE INDEX "voucher_redemptions_order_idx" ON "voucher_redemptions" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_code_uq" ON "vouchers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "vouchers_seller_idx" ON "vouchers" USING btree ("seller_id");