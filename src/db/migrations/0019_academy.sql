CREATE TABLE "academy_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" text NOT NULL,
	"quiz_id" text NOT NULL,
	"attempt_no" integer NOT NULL,
	"client_attempt_id" text,
	"question_ids" jsonb NOT NULL,
	"answers" jsonb,
	"score_percent" integer,
	"passed" boolean,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "academy_credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" text NOT NULL,
	"learner_name" text NOT NULL,
	"jwt" text NOT NULL,
	"key_id" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "academy_issuer_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_pem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "academy_lesson_progress" (
	"user_id" uuid NOT NULL,
	"course_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_lesson_progress_user_id_lesson_id_pk" PRIMARY KEY("user_id","lesson_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "academy_attempts_no_uq" ON "academy_attempts" USING btree ("user_id","quiz_id","attempt_no");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_attempts_client_uq" ON "academy_attempts" USING btree ("user_id","client_attempt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_credentials_user_course_uq" ON "academy_credentials" USING btree ("user_id","course_id");--> statement-breakpoint
CREATE INDEX "academy_progress_course_idx" ON "academy_lesson_progress" USING btree ("course_id","user_id");