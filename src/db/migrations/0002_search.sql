CREATE TABLE "search_cards" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"card" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"category_ids" uuid[] NOT NULL,
	"variant_ids" uuid[] NOT NULL,
	"province_code" text NOT NULL,
	"seller_type" text NOT NULL,
	"seller_tier" smallint DEFAULT 1 NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_satang" bigint NOT NULL,
	"in_stock" boolean DEFAULT false NOT NULL,
	"sales_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"lexemes" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_sales" (
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "search_sales_order_id_product_id_pk" PRIMARY KEY("order_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "search_shops" (
	"seller_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"lexemes" "tsvector" NOT NULL,
	"products" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"folded" text NOT NULL,
	"docs" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_cards" ADD CONSTRAINT "search_cards_product_id_search_documents_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."search_documents"("product_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_lexemes_idx" ON "search_documents" USING gin ("lexemes");--> statement-breakpoint
CREATE INDEX "search_documents_category_idx" ON "search_documents" USING gin ("category_ids");--> statement-breakpoint
CREATE INDEX "search_documents_variants_idx" ON "search_documents" USING gin ("variant_ids");--> statement-breakpoint
CREATE INDEX "search_documents_seller_idx" ON "search_documents" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "search_sales_product_idx" ON "search_sales" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "search_shops_lexemes_idx" ON "search_shops" USING gin ("lexemes");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_terms_folded_idx" ON "search_terms" USING btree ("folded");--> statement-breakpoint
CREATE VIEW "public"."stock_available_by_variant" AS (select variant_id, sum(on_hand - reserved)::int as available from stock_levels group by variant_id);--> statement-breakpoint
CREATE VIEW "public"."order_product_lines" AS (select l.order_id, o.status, l.product_id, l.variant_id, l.quantity from order_lines l join orders o on o.id = l.order_id);