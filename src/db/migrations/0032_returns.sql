CREATE TABLE "return_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"return_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"document_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_policies" (
	"seller_id" uuid PRIMARY KEY NOT NULL,
	"window_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_policies_window" CHECK ("return_policies"."window_days" between 0 and 30)
);
--> statement-breakpoint
CREATE TABLE "returns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"seller_id" uuid NOT NULL,
	"buyer_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"quantity" integer NOT NULL,
	"requested_satang" integer NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"offer_satang" integer,
	"agreed_satang" integer,
	"seller_reason" text,
	"escalation_note" text,
	"operator_note" text,
	"cross_border" boolean DEFAULT false NOT NULL,
	"hub_location_id" uuid,
	"shipment_id" uuid,
	"tracking_number" text,
	"disposition" text,
	"customs_guid" text,
	"refund_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	CONSTRAINT "returns_quantity" CHECK ("returns"."quantity" > 0),
	CONSTRAINT "returns_agreed_within_request" CHECK ("returns"."agreed_satang" is null or "returns"."agreed_satang" <= "returns"."requested_satang")
);
--> statement-breakpoint
CREATE TABLE "return_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"return_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"step" text NOT NULL,
	"by" text NOT NULL,
	"note" text,
	"amount_satang" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_photos" ADD CONSTRAINT "return_photos_return_id_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_steps" ADD CONSTRAINT "return_steps_return_id_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_photos_return_idx" ON "return_photos" USING btree ("return_id");--> statement-breakpoint
CREATE UNIQUE INDEX "returns_open_line_uq" ON "returns" USING btree ("order_id","line_no") WHERE "returns"."status" in ('requested', 'offered', 'refused', 'escalated', 'awaiting_return', 'in_transit', 'received');--> statement-breakpoint
CREATE INDEX "returns_seller_idx" ON "returns" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "returns_buyer_idx" ON "returns" USING btree ("buyer_user_id","created_at");--> statement-breakpoint
CREATE INDEX "returns_status_idx" ON "returns" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "returns_shipment_uq" ON "returns" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "return_steps_return_idx" ON "return_steps" USING btree ("return_id","at");