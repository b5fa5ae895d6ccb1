CREATE TABLE "trade_buyer_members" (
	"buyer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "trade_buyer_members_buyer_id_user_id_pk" PRIMARY KEY("buyer_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "trade_buyers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_name" text NOT NULL,
	"country" text NOT NULL,
	"registration_number" text NOT NULL,
	"registration_verified_at" timestamp with time zone,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_quotes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rfq_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"unit_price_satang" integer NOT NULL,
	"moq" integer NOT NULL,
	"tiers" jsonb NOT NULL,
	"lead_time_days" integer NOT NULL,
	"valid_until" date NOT NULL,
	"terms" text NOT NULL,
	"language" text NOT NULL,
	"attachments" jsonb NOT NULL,
	"edits" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_rfqs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"buyer_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"product" text NOT NULL,
	"language" text NOT NULL,
	"category_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit" text NOT NULL,
	"target_price_minor" integer,
	"currency" text NOT NULL,
	"incoterm" text NOT NULL,
	"transport_mode" text NOT NULL,
	"place" text NOT NULL,
	"delivery_from" date NOT NULL,
	"delivery_to" date NOT NULL,
	"certifications" jsonb NOT NULL,
	"sample_wanted" boolean NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"closed_reason" text,
	"quote_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_seller_profiles" (
	"seller_id" uuid PRIMARY KEY NOT NULL,
	"category_ids" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trade_buyer_members" ADD CONSTRAINT "trade_buyer_members_buyer_id_trade_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."trade_buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_buyer_members" ADD CONSTRAINT "trade_buyer_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_quotes" ADD CONSTRAINT "trade_quotes_rfq_id_trade_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."trade_rfqs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_quotes" ADD CONSTRAINT "trade_quotes_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_rfqs" ADD CONSTRAINT "trade_rfqs_buyer_id_trade_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."trade_buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_seller_profiles" ADD CONSTRAINT "trade_seller_profiles_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_quotes_one_per_shop" ON "trade_quotes" USING btree ("rfq_id","seller_id");