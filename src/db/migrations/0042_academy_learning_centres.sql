-- custom: academy_learning_facts now names the community digital centre a learner studied at (issue 20):
-- the centre of the learner's first cohort over that course (earliest enrolment), as the centre's
-- stable code, with its province and its names for the dashboards; learners who studied on their own
-- have none. The columns before stay as they were (the view is replaced, not dropped).
CREATE OR REPLACE VIEW "academy_learning_facts" AS
  WITH starts AS (
    SELECT user_id, course_id, completed_at AS at FROM academy_lesson_progress
    UNION ALL SELECT user_id, course_id, started_at FROM academy_attempts
  ), started AS (
    SELECT user_id, course_id, min(at) AS started_at FROM starts GROUP BY 1, 2
  ), passed AS (
    SELECT user_id, course_id, min(submitted_at) AS completed_at FROM academy_attempts WHERE passed GROUP BY 1, 2
  ), studied_at AS (
    SELECT DISTINCT ON (e.user_id, k.course_id) e.user_id, k.course_id, k.centre_id
    FROM academy_enrolments e JOIN academy_cohorts k ON k.id = e.cohort_id
    ORDER BY e.user_id, k.course_id, e.enrolled_at, k.id
  )
  SELECT md5(s.user_id::text) AS learner_hash, s.course_id, ctr.code AS centre_id, s.started_at,
         p.completed_at, c.issued_at AS certified_at, c.revoked_at,
         ctr.province_code AS centre_province_code, ctr.name_th AS centre_name_th,
         ctr.name_zh AS centre_name_zh, ctr.name_en AS centre_name_en
  FROM started s
  LEFT JOIN passed p ON p.user_id = s.user_id AND p.course_id = s.course_id
  LEFT JOIN academy_credentials c ON c.user_id = s.user_id AND c.course_id = s.course_id
  LEFT JOIN studied_at sa ON sa.user_id = s.user_id AND sa.course_id = s.course_id
  LEFT JOIN academy_centres ctr ON ctr.id = sa.centre_id;
