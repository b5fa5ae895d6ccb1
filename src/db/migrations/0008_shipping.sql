CREATE SEQUENCE "public"."shipping_s10_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999999 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "carrier_sandbox_schedule" (
	"shipment_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"code" text NOT NULL,
	"place" jsonb,
	"due_at" timestamp with time zone NOT NULL,
	"emitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"tracking_number" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"fulfilment" text NOT NULL,
	"from_location_id" uuid,
	"parcels" jsonb NOT NULL,
	"booking_key" text NOT NULL,
	"waybill_no" text,
	"consignee" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handed_over_at" timestamp with time zone,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tracking_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shipment_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"code" text NOT NULL,
	"place" jsonb,
	"occurred_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"step" integer
);
--> statement-breakpoint
ALTER TABLE "carrier_sandbox_schedule" ADD CONSTRAINT "carrier_sandbox_schedule_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_events" ADD CONSTRAINT "tracking_events_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_sandbox_schedule_key" ON "carrier_sandbox_schedule" USING btree ("shipment_id","step");--> statement-breakpoint
CREATE INDEX "carrier_sandbox_schedule_due_idx" ON "carrier_sandbox_schedule" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "shipments_order_idx" ON "shipments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "shipments_seller_idx" ON "shipments" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_booking_key" ON "shipments" USING btree ("order_id","booking_key");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_tracking_key" ON "shipments" USING btree ("carrier","tracking_number");--> statement-breakpoint
CREATE INDEX "tracking_events_shipment_idx" ON "tracking_events" USING btree ("shipment_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_events_step_key" ON "tracking_events" USING btree ("shipment_id","step");