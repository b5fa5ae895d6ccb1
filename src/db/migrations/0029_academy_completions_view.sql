-- Completed courses (credentials not revoked) per course and province, for insights. A learner counts
-- under the province of the first shop the academy knows them by (academy_shop_links, read through
-- the sellers module's published shops_on_sale view), or under 'unknown'.
CREATE VIEW "academy_completions_by_province" AS
SELECT c.course_id,
       coalesce(shop.province_code, 'unknown') AS province_code,
       count(DISTINCT c.user_id)::int AS completions
FROM academy_credentials c
LEFT JOIN LATERAL (
  SELECT s.province_code
  FROM academy_shop_links l
  JOIN shops_on_sale s ON s.id = l.seller_id
  WHERE l.user_id = c.user_id
  ORDER BY l.created_at, l.seller_id
  LIMIT 1
) shop ON true
WHERE c.revoked_at IS NULL
GROUP BY c.course_id, coalesce(shop.province_code, 'unknown');
