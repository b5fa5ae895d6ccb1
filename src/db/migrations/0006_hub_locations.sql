ALTER TABLE "stock_locations" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "stock_locations" ADD COLUMN "bonded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_locations_code_key" ON "stock_locations" USING btree ("code");--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_hub_has_code" CHECK ("stock_locations"."kind" <> 'hub' or ("stock_locations"."code" is not null and "stock_locations"."seller_id" is null));--> statement-breakpoint
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_bonded_is_hub" CHECK (not "stock_locations"."bonded" or "stock_locations"."kind" = 'hub');--> statement-breakpoint
-- Reference data: the platform's two hubs (src/modules/inventory/hubs.ts names the same ids).
INSERT INTO "stock_locations" ("id", "seller_id", "kind", "code", "bonded", "name", "province_code") VALUES
  ('01930000-0000-7000-8000-00000000e001', NULL, 'hub', 'EEC-BONDED', true, 'Talad EEC Smart Digital Hub (bonded), Chon Buri', '20'),
  ('01930000-0000-7000-8000-00000000e002', NULL, 'hub', 'BKK-FC', false, 'Talad fulfilment centre, Samut Prakan', '11')
ON CONFLICT DO NOTHING;
