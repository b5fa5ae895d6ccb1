CREATE TABLE "trade_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trade_order_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"requested_satang" integer NOT NULL,
	"status" text NOT NULL,
	"seller_answer" text,
	"answered_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"escalated_by" text,
	"refund_satang" integer,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_partner_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"provinces" jsonb NOT NULL,
	"languages" jsonb NOT NULL,
	"contact" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_partners_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "trade_claims" ADD CONSTRAINT "trade_claims_trade_order_id_trade_orders_id_fk" FOREIGN KEY ("trade_order_id") REFERENCES "public"."trade_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_claims" ADD CONSTRAINT "trade_claims_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_claims" ADD CONSTRAINT "trade_claims_buyer_id_trade_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."trade_buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_partner_reviews" ADD CONSTRAINT "trade_partner_reviews_partner_id_trade_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."trade_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_partner_reviews" ADD CONSTRAINT "trade_partner_reviews_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_claims_one_per_order" ON "trade_claims" USING btree ("trade_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_partner_reviews_one_per_shop" ON "trade_partner_reviews" USING btree ("partner_id","seller_id");