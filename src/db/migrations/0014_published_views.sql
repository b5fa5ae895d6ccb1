CREATE VIEW "public"."shops_on_sale" AS (select id, slug, shop_name_th, shop_name_zh, shop_name_en, province_code, business_type, is_flagship from sellers where status = 'approved');--> statement-breakpoint
CREATE VIEW "public"."products_on_sale" AS (select p.id, p.seller_id from products p join shops_on_sale s on s.id = p.seller_id where p.status = 'active');
