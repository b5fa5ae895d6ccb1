CREATE TABLE "insights_analysts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"province_code" text,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_buyers" (
	"month" date NOT NULL,
	"seller_id" uuid NOT NULL,
	"market" text NOT NULL,
	"buyer_hash" text NOT NULL,
	CONSTRAINT "insights_buyers_month_seller_id_market_buyer_hash_pk" PRIMARY KEY("month","seller_id","market","buyer_hash")
);
--> statement-breakpoint
CREATE TABLE "insights_categories" (
	"month" date NOT NULL,
	"seller_id" uuid NOT NULL,
	"market" text NOT NULL,
	"category_slug" text NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"gross_satang" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_categories_month_seller_id_market_category_slug_pk" PRIMARY KEY("month","seller_id","market","category_slug")
);
--> statement-breakpoint
CREATE TABLE "insights_counted_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"month" date NOT NULL,
	"seller_id" uuid NOT NULL,
	"market" text NOT NULL,
	"gross_satang" bigint NOT NULL,
	"cbec_tax_fen" bigint NOT NULL,
	"shipped" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_sales" (
	"month" date NOT NULL,
	"seller_id" uuid NOT NULL,
	"market" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"gross_satang" bigint DEFAULT 0 NOT NULL,
	"cbec_tax_fen" bigint DEFAULT 0 NOT NULL,
	"shipped" integer DEFAULT 0 NOT NULL,
	"ship_hours" bigint DEFAULT 0 NOT NULL,
	"buyers" integer DEFAULT 0 NOT NULL,
	"simulated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_sales_month_seller_id_market_pk" PRIMARY KEY("month","seller_id","market")
);
--> statement-breakpoint
CREATE INDEX "insights_categories_slug_idx" ON "insights_categories" USING btree ("category_slug");--> statement-breakpoint
CREATE VIEW "public"."product_category_facts" AS (select p.id as product_id, c.slug as category_slug, c.name_th, c.name_zh, c.name_en from products p join categories c on c.id = p.category_id);--> statement-breakpoint
CREATE VIEW "public"."cbec_order_tax_facts" AS (select order_id, tax_fen, status from cbec_orders);--> statement-breakpoint
CREATE VIEW "public"."hub_dispatch_facts" AS (select location_id, seller_id, paid_at, packed_at, dispatched_at from hub_outbound_orders where dispatched_at is not null);--> statement-breakpoint
CREATE VIEW "public"."order_line_units" AS (select order_id, product_id, quantity, line_total_satang from order_lines where product_id is not null);--> statement-breakpoint
CREATE VIEW "public"."order_sales_facts" AS (select o.id as order_id, o.seller_id, g.market, g.kind, md5(coalesce(o.buyer_user_id::text, o.guest_token_hash, o.id::text)) as buyer_hash, o.status, o.paid_at, o.shipped_at, o.total_satang from orders o join order_groups g on g.id = o.group_id where o.paid_at is not null);--> statement-breakpoint
CREATE VIEW "public"."seller_onboarding_facts" AS (select id as seller_id, province_code, business_type, status, created_at as applied_at, case when status in ('approved', 'suspended') then reviewed_at end as approved_at from sellers);