CREATE TABLE "tourism_resellers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "tourism_resellers_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "tourism_bookings" ADD COLUMN "reseller_id" uuid;--> statement-breakpoint
ALTER TABLE "tourism_bookings" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "tourism_bookings" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "tourism_bookings" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "tourism_bookings" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tourism_bookings" ADD COLUMN "refund_satang" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "tourism_bookings_reference" ON "tourism_bookings" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "tourism_bookings_reseller" ON "tourism_bookings" USING btree ("reseller_id","reseller_reference");