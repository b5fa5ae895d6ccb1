CREATE TYPE "public"."standards_certificate_kind" AS ENUM('fda', 'tis', 'community_standard', 'gap', 'organic', 'halal', 'gi', 'otop', 'thai_hom_mali', 'trademark', 'trademark_authorisation');--> statement-breakpoint
CREATE TYPE "public"."standards_certificate_status" AS ENUM('pending', 'verified', 'rejected', 'expired', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."standards_flagship_status" AS ENUM('pending', 'approved', 'rejected', 'lapsed');--> statement-breakpoint
CREATE TYPE "public"."standards_lot_status" AS ENUM('active', 'recalled');--> statement-breakpoint
CREATE TABLE "standards_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid,
	"variant_id" uuid,
	"kind" "standards_certificate_kind" NOT NULL,
	"number" text NOT NULL,
	"number_key" text NOT NULL,
	"standard_ref" text,
	"gi_id" uuid,
	"origin_area_code" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"document_key" text NOT NULL,
	"document_type" text NOT NULL,
	"document_bytes" integer NOT NULL,
	"status" "standards_certificate_status" DEFAULT 'pending' NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"agency_answer" jsonb,
	"expiry_notice_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standards_certificates_dates" CHECK ("standards_certificates"."expires_on" > "standards_certificates"."issued_on"),
	CONSTRAINT "standards_certificates_variant_has_product" CHECK ("standards_certificates"."variant_id" is null or "standards_certificates"."product_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "standards_flagship_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"status" "standards_flagship_status" DEFAULT 'pending' NOT NULL,
	"brand_name" text NOT NULL,
	"story_th" text NOT NULL,
	"story_zh" text,
	"story_en" text,
	"product_ids" uuid[] NOT NULL,
	"featured_lot_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"banner_key" text,
	"requirements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"lapsed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standards_gis" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_th" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	"registration_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standards_gis_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "standards_gi_areas" (
	"gi_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "standards_gi_areas_gi_id_area_code_pk" PRIMARY KEY("gi_id","area_code"),
	CONSTRAINT "standards_gi_areas_code" CHECK ("standards_gi_areas"."area_code" ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$')
);
--> statement-breakpoint
CREATE TABLE "standards_lot_certificates" (
	"lot_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	CONSTRAINT "standards_lot_certificates_lot_id_certificate_id_pk" PRIMARY KEY("lot_id","certificate_id")
);
--> statement-breakpoint
CREATE TABLE "standards_lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"trace_code" text NOT NULL,
	"producer_name" text NOT NULL,
	"member_code" text,
	"plot" text,
	"area_code" text NOT NULL,
	"harvested_on" date NOT NULL,
	"processed_on" date,
	"processing_note" text,
	"status" "standards_lot_status" DEFAULT 'active' NOT NULL,
	"recall_reason" text,
	"recalled_at" timestamp with time zone,
	"recalled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standards_lots_dates" CHECK ("standards_lots"."processed_on" is null or "standards_lots"."processed_on" >= "standards_lots"."harvested_on")
);
--> statement-breakpoint
CREATE TABLE "standards_number_claims" (
	"kind" "standards_certificate_kind" NOT NULL,
	"number_key" text NOT NULL,
	"seller_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standards_number_claims_kind_number_key_pk" PRIMARY KEY("kind","number_key")
);
--> statement-breakpoint
CREATE TABLE "standards_shop_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"code" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "standards_certificates" ADD CONSTRAINT "standards_certificates_gi_id_standards_gis_id_fk" FOREIGN KEY ("gi_id") REFERENCES "public"."standards_gis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standards_gi_areas" ADD CONSTRAINT "standards_gi_areas_gi_id_standards_gis_id_fk" FOREIGN KEY ("gi_id") REFERENCES "public"."standards_gis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standards_lot_certificates" ADD CONSTRAINT "standards_lot_certificates_lot_id_standards_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."standards_lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standards_lot_certificates" ADD CONSTRAINT "standards_lot_certificates_certificate_id_standards_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."standards_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "standards_certificates_seller_idx" ON "standards_certificates" USING btree ("seller_id","status");--> statement-breakpoint
CREATE INDEX "standards_certificates_product_idx" ON "standards_certificates" USING btree ("product_id") WHERE status = 'verified';--> statement-breakpoint
CREATE INDEX "standards_certificates_expiry_idx" ON "standards_certificates" USING btree ("expires_on") WHERE status = 'verified';--> statement-breakpoint
CREATE INDEX "standards_certificates_queue_idx" ON "standards_certificates" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "standards_flagship_seller_key" ON "standards_flagship_applications" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "standards_flagship_status_idx" ON "standards_flagship_applications" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "standards_lots_number_key" ON "standards_lots" USING btree ("seller_id","lot_number");--> statement-breakpoint
CREATE UNIQUE INDEX "standards_lots_trace_key" ON "standards_lots" USING btree ("trace_code");--> statement-breakpoint
CREATE INDEX "standards_lots_product_idx" ON "standards_lots" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "standards_notices_dedupe_key" ON "standards_shop_notices" USING btree ("seller_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "standards_notices_seller_idx" ON "standards_shop_notices" USING btree ("seller_id","created_at");