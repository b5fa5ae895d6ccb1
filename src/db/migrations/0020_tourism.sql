CREATE TYPE "public"."tourism_booking_status" AS ENUM('ON_HOLD', 'PENDING', 'CONFIRMED', 'REDEEMED', 'EXPIRED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "tourism_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"experience_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"buyer_key" text NOT NULL,
	"units" jsonb NOT NULL,
	"places" integer NOT NULL,
	"total_satang" integer NOT NULL,
	"locale" text DEFAULT 'th' NOT NULL,
	"status" "tourism_booking_status" NOT NULL,
	"hold_expires_at" timestamp with time zone NOT NULL,
	"order_id" uuid,
	"group_id" uuid,
	"reseller_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"redeemed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tourism_experiences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"options" jsonb NOT NULL,
	"meeting_point" jsonb NOT NULL,
	"guide_languages" jsonb NOT NULL,
	"inclusions" jsonb NOT NULL,
	"cancellation" jsonb NOT NULL,
	"cutoff_minutes" integer DEFAULT 120 NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tourism_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"experience_id" uuid NOT NULL,
	"option_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tourism_slots_taken_within" CHECK ("tourism_slots"."taken" >= 0 and "tourism_slots"."taken" <= "tourism_slots"."capacity")
);
--> statement-breakpoint
ALTER TABLE "tourism_bookings" ADD CONSTRAINT "tourism_bookings_slot_id_tourism_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."tourism_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tourism_slots" ADD CONSTRAINT "tourism_slots_experience_id_tourism_experiences_id_fk" FOREIGN KEY ("experience_id") REFERENCES "public"."tourism_experiences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tourism_bookings_slot" ON "tourism_bookings" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "tourism_bookings_hold" ON "tourism_bookings" USING btree ("status","hold_expires_at");--> statement-breakpoint
CREATE INDEX "tourism_bookings_order" ON "tourism_bookings" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "tourism_experiences_province" ON "tourism_experiences" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "tourism_experiences_seller" ON "tourism_experiences" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "tourism_slots_experience_start" ON "tourism_slots" USING btree ("experience_id","starts_at");--> statement-breakpoint
-- Hand-written (tourism): published for insights, bookings by province and day.
CREATE VIEW "tourism_bookings_by_province" AS SELECT "province_code", date_trunc('day', "created_at") AS "day", count(*) FILTER (WHERE "status" IN ('CONFIRMED', 'REDEEMED'))::int AS "confirmed", sum("places") FILTER (WHERE "status" IN ('CONFIRMED', 'REDEEMED'))::int AS "places", sum("total_satang") FILTER (WHERE "status" IN ('CONFIRMED', 'REDEEMED'))::bigint AS "total_satang" FROM "tourism_bookings" GROUP BY 1, 2;
