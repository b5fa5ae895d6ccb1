CREATE TABLE "document_waits" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "seller_tax_profiles" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "document_waits" ADD CONSTRAINT "document_waits_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_waits_seller_idx" ON "document_waits" USING btree ("seller_id","created_at");