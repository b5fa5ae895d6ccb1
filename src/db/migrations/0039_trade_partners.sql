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
ALTER TABLE "trade_partner_reviews" ADD CONSTRAINT "trade_partner_reviews_partner_id_trade_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."trade_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_partner_reviews" ADD CONSTRAINT "trade_partner_reviews_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_partner_reviews_one_per_shop" ON "trade_partner_reviews" USING btree ("partner_id","seller_id");