CREATE TYPE "public"."hub_staff_role" AS ENUM('manager', 'receiver', 'picker', 'packer');--> statement-breakpoint
CREATE TYPE "public"."hub_zone_temperature" AS ENUM('ambient', 'chilled');--> statement-breakpoint
CREATE TYPE "public"."hub_inbound_status" AS ENUM('sent', 'receiving', 'received', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."hub_outbound_status" AS ENUM('awaiting_release', 'ready', 'allocated', 'picking', 'picked', 'packed', 'dispatched', 'cancelled');--> statement-breakpoint
CREATE SEQUENCE "public"."shipping_s10_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999999 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "hub_bin_stock" (
	"bin_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"allocated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hub_bin_stock_bin_id_lot_id_pk" PRIMARY KEY("bin_id","lot_id"),
	CONSTRAINT "hub_bin_stock_allocated_within" CHECK ("hub_bin_stock"."allocated" >= 0 and "hub_bin_stock"."allocated" <= "hub_bin_stock"."quantity")
);
--> statement-breakpoint
CREATE TABLE "hub_customs_releases" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"waybill_no" text NOT NULL,
	"logistics_code" text NOT NULL,
	"payload" jsonb NOT NULL,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_cycle_counts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"bin_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"expected_qty" integer NOT NULL,
	"counted_qty" integer NOT NULL,
	"reason" text NOT NULL,
	"counted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_bins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"capacity_units" integer NOT NULL,
	CONSTRAINT "hub_bins_capacity_positive" CHECK ("hub_bins"."capacity_units" > 0)
);
--> statement-breakpoint
CREATE TABLE "hub_lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"production_date" date,
	"expiry_date" date,
	"blocked_at" timestamp with time zone,
	"block_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_staff" (
	"user_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"role" "hub_staff_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_staff_user_id_location_id_pk" PRIMARY KEY("user_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "hub_zones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"code" text NOT NULL,
	"temperature" "hub_zone_temperature" NOT NULL,
	"bonded" boolean DEFAULT false NOT NULL,
	"dock" boolean DEFAULT false NOT NULL,
	"name_th" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_inbound_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shipment_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"lot_number" text NOT NULL,
	"production_date" date,
	"expiry_date" date,
	"expected_qty" integer NOT NULL,
	"received_qty" integer DEFAULT 0 NOT NULL,
	"damaged_qty" integer DEFAULT 0 NOT NULL,
	"lot_id" uuid,
	CONSTRAINT "hub_inbound_lines_counts" CHECK ("hub_inbound_lines"."expected_qty" >= 0 and "hub_inbound_lines"."received_qty" >= 0 and "hub_inbound_lines"."damaged_qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hub_inbound_shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"seller_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"status" "hub_inbound_status" DEFAULT 'sent' NOT NULL,
	"cartons" integer NOT NULL,
	"expected_at" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	CONSTRAINT "hub_inbound_shipments_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "hub_outbound_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outbound_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"title" text NOT NULL,
	"quantity" integer NOT NULL,
	"allocated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hub_outbound_lines_allocated" CHECK ("hub_outbound_lines"."allocated" >= 0 and "hub_outbound_lines"."allocated" <= "hub_outbound_lines"."quantity")
);
--> statement-breakpoint
CREATE TABLE "hub_outbound_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_number" text NOT NULL,
	"seller_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"status" "hub_outbound_status" NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"handling_hours" integer NOT NULL,
	"ship_by" timestamp with time zone NOT NULL,
	"ship_to" jsonb NOT NULL,
	"cross_border" jsonb,
	"wave_id" uuid,
	"parcels" jsonb,
	"shipment_id" text,
	"carrier" text,
	"tracking_number" text,
	"packed_at" timestamp with time zone,
	"packed_by" uuid,
	"dispatched_at" timestamp with time zone,
	"dispatched_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_picks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outbound_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"wave_id" uuid,
	"location_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"bin_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"picked_at" timestamp with time zone,
	"picked_by" uuid,
	CONSTRAINT "hub_picks_quantity_positive" CHECK ("hub_picks"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "hub_stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"from_bin_id" uuid,
	"to_bin_id" uuid,
	"quantity" integer NOT NULL,
	"reason" text NOT NULL,
	"ref_id" uuid,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_movements_quantity_positive" CHECK ("hub_stock_movements"."quantity" > 0),
	CONSTRAINT "hub_movements_has_bin" CHECK ("hub_stock_movements"."from_bin_id" is not null or "hub_stock_movements"."to_bin_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "hub_waves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"location_id" uuid NOT NULL,
	"orders" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_waves_number_unique" UNIQUE("number")
);
--> statement-breakpoint
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
ALTER TABLE "sellers" ADD COLUMN "handling_hours" integer;--> statement-breakpoint
ALTER TABLE "hub_bin_stock" ADD CONSTRAINT "hub_bin_stock_bin_id_hub_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."hub_bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bin_stock" ADD CONSTRAINT "hub_bin_stock_lot_id_hub_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."hub_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bins" ADD CONSTRAINT "hub_bins_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bins" ADD CONSTRAINT "hub_bins_zone_id_hub_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."hub_zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_staff" ADD CONSTRAINT "hub_staff_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_zones" ADD CONSTRAINT "hub_zones_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_inbound_lines" ADD CONSTRAINT "hub_inbound_lines_shipment_id_hub_inbound_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."hub_inbound_shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_inbound_shipments" ADD CONSTRAINT "hub_inbound_shipments_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_outbound_lines" ADD CONSTRAINT "hub_outbound_lines_outbound_id_hub_outbound_orders_id_fk" FOREIGN KEY ("outbound_id") REFERENCES "public"."hub_outbound_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_sandbox_schedule" ADD CONSTRAINT "carrier_sandbox_schedule_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_events" ADD CONSTRAINT "tracking_events_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_bin_stock_variant_idx" ON "hub_bin_stock" USING btree ("location_id","variant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_bins_code_key" ON "hub_bins" USING btree ("code");--> statement-breakpoint
CREATE INDEX "hub_bins_zone_idx" ON "hub_bins" USING btree ("zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_lots_key" ON "hub_lots" USING btree ("location_id","variant_id","lot_number");--> statement-breakpoint
CREATE INDEX "hub_lots_expiry_idx" ON "hub_lots" USING btree ("expiry_date") WHERE blocked_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "hub_zones_code_key" ON "hub_zones" USING btree ("location_id","code");--> statement-breakpoint
CREATE INDEX "hub_inbound_lines_shipment_idx" ON "hub_inbound_lines" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "hub_inbound_seller_idx" ON "hub_inbound_shipments" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "hub_inbound_location_idx" ON "hub_inbound_shipments" USING btree ("location_id","status");--> statement-breakpoint
CREATE INDEX "hub_outbound_lines_outbound_idx" ON "hub_outbound_lines" USING btree ("outbound_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_outbound_order_key" ON "hub_outbound_orders" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "hub_outbound_status_idx" ON "hub_outbound_orders" USING btree ("location_id","status","ship_by");--> statement-breakpoint
CREATE INDEX "hub_outbound_wave_idx" ON "hub_outbound_orders" USING btree ("wave_id");--> statement-breakpoint
CREATE INDEX "hub_picks_outbound_idx" ON "hub_picks" USING btree ("outbound_id");--> statement-breakpoint
CREATE INDEX "hub_picks_wave_idx" ON "hub_picks" USING btree ("wave_id");--> statement-breakpoint
CREATE INDEX "hub_movements_from_idx" ON "hub_stock_movements" USING btree ("from_bin_id","lot_id");--> statement-breakpoint
CREATE INDEX "hub_movements_to_idx" ON "hub_stock_movements" USING btree ("to_bin_id","lot_id");--> statement-breakpoint
CREATE INDEX "hub_movements_location_idx" ON "hub_stock_movements" USING btree ("location_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_sandbox_schedule_key" ON "carrier_sandbox_schedule" USING btree ("shipment_id","step");--> statement-breakpoint
CREATE INDEX "carrier_sandbox_schedule_due_idx" ON "carrier_sandbox_schedule" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "shipments_order_idx" ON "shipments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "shipments_seller_idx" ON "shipments" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_booking_key" ON "shipments" USING btree ("order_id","booking_key");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_tracking_key" ON "shipments" USING btree ("carrier","tracking_number");--> statement-breakpoint
CREATE INDEX "tracking_events_shipment_idx" ON "tracking_events" USING btree ("shipment_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_events_step_key" ON "tracking_events" USING btree ("shipment_id","step");--> statement-breakpoint
-- custom SQL (re-append if this migration is regenerated)
-- Reference data: the two hubs' zones and bins (ids derived from their codes, so every database has the same).
INSERT INTO "hub_zones" ("id", "location_id", "code", "temperature", "bonded", "dock", "name_th", "name_zh", "name_en") VALUES
  (md5('hub-zone-EEC-DOCK')::uuid, '01930000-0000-7000-8000-00000000e001', 'DOCK', 'ambient', true, true, 'ลานรับสินค้า (ทัณฑ์บน)', '收货区（保税）', 'Receiving dock (bonded)'),
  (md5('hub-zone-EEC-A')::uuid, '01930000-0000-7000-8000-00000000e001', 'A', 'ambient', true, false, 'โซนอุณหภูมิปกติ (ทัณฑ์บน)', '常温区（保税）', 'Ambient zone (bonded)'),
  (md5('hub-zone-EEC-C')::uuid, '01930000-0000-7000-8000-00000000e001', 'C', 'chilled', true, false, 'ห้องเย็น (ทัณฑ์บน) สำหรับทุเรียนและผลไม้สด', '冷库（保税），存放榴莲和鲜果', 'Cold room (bonded) for durians and fresh fruit'),
  (md5('hub-zone-BKK-DOCK')::uuid, '01930000-0000-7000-8000-00000000e002', 'DOCK', 'ambient', false, true, 'ลานรับสินค้า', '收货区', 'Receiving dock'),
  (md5('hub-zone-BKK-A')::uuid, '01930000-0000-7000-8000-00000000e002', 'A', 'ambient', false, false, 'โซนอุณหภูมิปกติ', '常温区', 'Ambient zone'),
  (md5('hub-zone-BKK-C')::uuid, '01930000-0000-7000-8000-00000000e002', 'C', 'chilled', false, false, 'ห้องเย็น', '冷库', 'Cold room')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "hub_bins" ("id", "location_id", "zone_id", "code", "capacity_units")
SELECT md5('hub-bin-' || b.code)::uuid, z.location_id, z.id, b.code, b.capacity
FROM (
  SELECT 'EEC' AS hub, 'DOCK' AS zone, 'EEC-DOCK' AS code, 1000000 AS capacity
  UNION ALL SELECT 'BKK', 'DOCK', 'BKK-DOCK', 1000000
  UNION ALL SELECT 'EEC', 'A', 'EEC-A-' || lpad(n::text, 2, '0'), 2000 FROM generate_series(1, 20) n
  UNION ALL SELECT 'EEC', 'C', 'EEC-C-' || lpad(n::text, 2, '0'), 1000 FROM generate_series(1, 10) n
  UNION ALL SELECT 'BKK', 'A', 'BKK-A-' || lpad(n::text, 2, '0'), 2000 FROM generate_series(1, 20) n
  UNION ALL SELECT 'BKK', 'C', 'BKK-C-' || lpad(n::text, 2, '0'), 1000 FROM generate_series(1, 10) n
) b JOIN "hub_zones" z ON z.id = md5('hub-zone-' || b.hub || '-' || b.zone)::uuid
ON CONFLICT DO NOTHING;
