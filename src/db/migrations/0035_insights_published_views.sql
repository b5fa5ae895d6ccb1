-- Views the owning modules publish for insights (read-only; the columns are a contract). Each names
-- no person: people appear only as one-way hashes, for the at-least-5 rule's distinct counts.

-- sellers: which shop a member belongs to (their own shop first), keyed by the member's hash, so that
-- a learner can be placed in the province of their shop.
CREATE VIEW "seller_member_facts" AS
  SELECT DISTINCT ON (user_id) md5(user_id::text) AS member_hash, seller_id
  FROM seller_members ORDER BY user_id, (role = 'owner') DESC, created_at;
--> statement-breakpoint
-- academy: one row per learner and course: when they started (first lesson or quiz), completed
-- (first passed quiz) and were certified (credential issued; revoked_at when taken back). centre_id
-- is null until the academy records community digital centres; insights groups by it when set.
CREATE VIEW "academy_learning_facts" AS
  WITH starts AS (
    SELECT user_id, course_id, completed_at AS at FROM academy_lesson_progress
    UNION ALL SELECT user_id, course_id, started_at FROM academy_attempts
  ), started AS (
    SELECT user_id, course_id, min(at) AS started_at FROM starts GROUP BY 1, 2
  ), passed AS (
    SELECT user_id, course_id, min(submitted_at) AS completed_at FROM academy_attempts WHERE passed GROUP BY 1, 2
  )
  SELECT md5(s.user_id::text) AS learner_hash, s.course_id, NULL::text AS centre_id, s.started_at,
         p.completed_at, c.issued_at AS certified_at, c.revoked_at
  FROM started s
  LEFT JOIN passed p ON p.user_id = s.user_id AND p.course_id = s.course_id
  LEFT JOIN academy_credentials c ON c.user_id = s.user_id AND c.course_id = s.course_id;
--> statement-breakpoint
-- tourism: confirmed (or redeemed) bookings, by the experience's province, operator and booker's hash.
CREATE VIEW "tourism_booking_facts" AS
  SELECT province_code, seller_id, md5(buyer_key) AS buyer_hash, places, total_satang,
         coalesce(confirmed_at, created_at) AS confirmed_at
  FROM tourism_bookings WHERE status IN ('CONFIRMED', 'REDEEMED');
--> statement-breakpoint
-- finance: each loan application, its decision, the loan it became and what has been repaid.
CREATE VIEW "finance_loan_facts" AS
  SELECT a.seller_id, a.created_at AS applied_at, a.amount AS applied_satang, a.outcome::text AS outcome,
         l.disbursed_at, l.principal AS principal_satang, l.status::text AS loan_status,
         CASE WHEN l.status = 'repaid' THEN (SELECT max(m.at) FROM finance_loan_movements m WHERE m.loan_id = l.id AND m.kind = 'repayment') END AS repaid_at,
         coalesce((SELECT sum(m.amount) FROM finance_loan_movements m WHERE m.loan_id = l.id AND m.kind = 'repayment'), 0)::bigint AS repaid_satang
  FROM finance_applications a LEFT JOIN finance_loans l ON l.application_id = a.id;
--> statement-breakpoint
-- hub: its dispatches by order (insights counts each when the order ships).
CREATE VIEW "hub_order_dispatch_facts" AS
  SELECT order_id, location_id, seller_id, paid_at, packed_at, dispatched_at
  FROM hub_outbound_orders WHERE dispatched_at IS NOT NULL;
