-- Flash-sale results now come from the campaigns module (issue 21): insights no longer declares its
-- own sales. Its declared sales and their counts go (their ids name no campaign); what remains is
-- a log of one row per campaign and paid order and two small roll-ups the dashboard reads (per
-- campaign and market; per campaign, market and minute), kept from the outbox over the views
-- campaigns publishes.
DELETE FROM "insights_flash_orders";--> statement-breakpoint
DROP TABLE "insights_flash_buyers" CASCADE;--> statement-breakpoint
DROP TABLE "insights_flash_minutes" CASCADE;--> statement-breakpoint
DROP TABLE "insights_flash_sale_variants" CASCADE;--> statement-breakpoint
DROP TABLE "insights_flash_sales" CASCADE;--> statement-breakpoint
CREATE TABLE "insights_flash_campaigns" (
	"sale_id" uuid NOT NULL,
	"market" text NOT NULL,
	"seller_id" uuid NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"buyers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_flash_campaigns_sale_id_market_pk" PRIMARY KEY("sale_id","market")
);
--> statement-breakpoint
CREATE TABLE "insights_flash_minutes" (
	"sale_id" uuid NOT NULL,
	"market" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_flash_minutes_sale_id_market_minute_pk" PRIMARY KEY("sale_id","market","minute")
);--> statement-breakpoint
ALTER TABLE "insights_flash_orders" ADD COLUMN "seller_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "insights_flash_orders" ADD COLUMN "market" text NOT NULL;--> statement-breakpoint
ALTER TABLE "insights_flash_orders" ADD COLUMN "buyer_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "insights_flash_orders" ADD COLUMN "minute" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "insights_flash_orders" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "insights_flash_orders_order_idx" ON "insights_flash_orders" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "insights_flash_orders_minute_idx" ON "insights_flash_orders" USING btree ("minute");--> statement-breakpoint
-- campaigns publishes (read-only; the columns are a contract): each campaign's items with the
-- campaign's window and stock limit, and the units each order bought at a campaign price
-- (released_at set when the order was cancelled and the units went back).
CREATE VIEW "campaign_item_facts" AS
  SELECT ci.campaign_id, ci.seller_id, ci.variant_id, c.starts_at, c.ends_at, c.cancelled_at, ci.stock_limit, ci.sold
  FROM campaign_items ci JOIN campaigns c ON c.id = ci.campaign_id;
--> statement-breakpoint
CREATE VIEW "campaign_purchase_facts" AS
  SELECT ci.campaign_id, p.seller_id, ci.variant_id, p.order_id, p.quantity, p.released_at
  FROM campaign_purchases p JOIN campaign_items ci ON ci.id = p.campaign_item_id;
