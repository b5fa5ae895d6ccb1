// The academy in the field: community digital centres (ศูนย์ดิจิทัลชุมชน), the roles beyond learner
// (centre staff at a centre, academy operator; a trainer is whoever holds an unrevoked
// train-the-trainer credential), cohorts a trainer opens at a centre over a course or some of its
// modules, enrolments, in-person sessions with the secret their rotating QR codes are signed with,
// and attendance.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const academyCentres = pgTable(
  'academy_centres',
  {
    id: uuid('id').primaryKey(),
    /** CDC-<province>-<nn>, stable across loads of the centre list. */
    code: text('code').notNull(),
    nameTh: text('name_th').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** 2-digit DOPA province code. */
    provinceCode: text('province_code').notNull(),
    /** 4-digit DOPA district code and its Thai name. */
    districtCode: text('district_code').notNull(),
    districtTh: text('district_th').notNull(),
    subdistrictTh: text('subdistrict_th').notNull(),
    /** Seats in the centre's room: no cohort there takes more learners. */
    capacity: integer('capacity').notNull(),
  },
  (t) => [
    uniqueIndex('academy_centres_code_uq').on(t.code),
    index('academy_centres_province_idx').on(t.provinceCode, t.code),
    check('academy_centres_capacity_ck', sql`${t.capacity} > 0`),
  ],
);

export const academyRole = pgEnum('academy_role', ['centre_staff', 'academy_operator']);

export const academyRoles = pgTable(
  'academy_roles',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    role: academyRole('role').notNull(),
    /** The centre a centre-staff member works at; null for an academy operator. */
    centreId: uuid('centre_id').references(() => academyCentres.id),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('academy_roles_uq').on(t.userId, t.role, t.centreId).nullsNotDistinct()],
);

export const academyCohorts = pgTable(
  'academy_cohorts',
  {
    id: uuid('id').primaryKey(),
    trainerId: uuid('trainer_id').notNull(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => academyCentres.id),
    courseId: text('course_id').notNull(),
    /** The course's modules this cohort takes (a custom course, like Open edX CCX); all when null. */
    moduleIds: jsonb('module_ids').$type<string[] | null>(),
    title: text('title').notNull(),
    /** What a learner types or scans to enrol (8 letters and digits, no look-alikes). */
    joinCode: text('join_code').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** At most the centre's seats; enrolled never passes it (a conditional update). */
    capacity: integer('capacity').notNull(),
    enrolled: integer('enrolled').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('academy_cohorts_join_code_uq').on(t.joinCode),
    index('academy_cohorts_trainer_idx').on(t.trainerId, t.startsOn),
    index('academy_cohorts_centre_idx').on(t.centreId, t.startsOn),
    check('academy_cohorts_seats_ck', sql`${t.enrolled} >= 0 and ${t.enrolled} <= ${t.capacity}`),
    check('academy_cohorts_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const academyEnrolments = pgTable(
  'academy_enrolments',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => academyCohorts.id),
    userId: uuid('user_id').notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.userId] }),
    index('academy_enrolments_page_idx').on(t.cohortId, t.enrolledAt, t.userId),
    index('academy_enrolments_user_idx').on(t.userId),
  ],
);

export const academySessions = pgTable(
  'academy_sessions',
  {
    id: uuid('id').primaryKey(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => academyCohorts.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** HMAC-SHA256 key of this session's rotating check-in codes (base64url, 32 random bytes). */
    secret: text('secret').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('academy_sessions_cohort_idx').on(t.cohortId, t.startsAt)],
);

export const academyAttendance = pgTable(
  'academy_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => academySessions.id),
    cohortId: uuid('cohort_id').notNull(),
    userId: uuid('user_id').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
    /** Checked in more than 15 minutes after the session began. */
    late: boolean('late').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    index('academy_attendance_cohort_idx').on(t.cohortId, t.userId),
  ],
);
