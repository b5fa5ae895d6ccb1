DROP VIEW "public"."stock_available_by_variant";--> statement-breakpoint
CREATE VIEW "public"."stock_available_by_variant" AS (select s.variant_id, sum(s.on_hand - s.reserved)::int as available from stock_levels s
  join stock_locations l on l.id = s.location_id where not l.bonded group by s.variant_id);