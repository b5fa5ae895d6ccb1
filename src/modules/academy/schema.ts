// Talad Academy: a learner's lesson progress, quiz attempts (the questions drawn for that attempt and
// the answers given, graded on the server), the Open Badges 3.0 credentials issued for a passed course
// with their revocation, and the issuer's Ed25519 signing key. Course content lives in code (course.ts).
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const academyLessonProgress = pgTable(
  'academy_lesson_progress',
  {
    userId: uuid('user_id').notNull(),
    courseId: text('course_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.lessonId] }),
    index('academy_progress_course_idx').on(t.courseId, t.userId),
  ],
);

export const academyAttempts = pgTable(
  'academy_attempts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    courseId: text('course_id').notNull(),
    quizId: text('quiz_id').notNull(),
    /** 1, 2, 3 ... per learner and quiz: the unique index makes a concurrent extra attempt fail. */
    attemptNo: integer('attempt_no').notNull(),
    /** The client's id for the attempt, so a resent submission (offline sync) is graded once. */
    clientAttemptId: text('client_attempt_id'),
    questionIds: jsonb('question_ids').$type<string[]>().notNull(),
    answers: jsonb('answers').$type<Record<string, unknown> | null>(),
    scorePercent: integer('score_percent'),
    passed: boolean('passed'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('academy_attempts_no_uq').on(t.userId, t.quizId, t.attemptNo),
    uniqueIndex('academy_attempts_client_uq').on(t.userId, t.clientAttemptId),
  ],
);

export const academyCredentials = pgTable(
  'academy_credentials',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    courseId: text('course_id').notNull(),
    learnerName: text('learner_name').notNull(),
    /** The signed VC-JWT (compact JWS, EdDSA). */
    jwt: text('jwt').notNull(),
    keyId: text('key_id').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [uniqueIndex('academy_credentials_user_course_uq').on(t.userId, t.courseId)],
);

export const academyIssuerKeys = pgTable('academy_issuer_keys', {
  id: text('id').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, string>>().notNull(),
  /** PKCS#8 PEM of the Ed25519 private key. */
  privatePem: text('private_pem').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/**
 * The shops a learner acts for, as the academy knows them (recorded when the learner passes a course
 * or opens the academy in the seller centre), and whether the shop shows that learner's completed
 * courses as badges: off until a member of the shop turns it on.
 */
export const academyShopLinks = pgTable(
  'academy_shop_links',
  {
    sellerId: uuid('seller_id').notNull(),
    userId: uuid('user_id').notNull(),
    showBadges: boolean('show_badges').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.userId] }), index('academy_shop_links_user_idx').on(t.userId)],
);
export * from './cohort-schema.ts';

/**
 * A lesson's uploaded video (MP4 or WebM) in the public media storage; at most one per lesson, and
 * it is shown instead of the lesson's video link. Replacing it writes a new key (keys are never
 * rewritten, so browsers may cache them) and removes the old object.
 */
export const academyLessonVideos = pgTable(
  'academy_lesson_videos',
  {
    courseId: text('course_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    mediaKey: text('media_key').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.lessonId] })],
);
