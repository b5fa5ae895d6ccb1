CREATE TYPE "public"."academy_role" AS ENUM('centre_staff', 'academy_operator');--> statement-breakpoint
CREATE TABLE "academy_attendance" (
	"session_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	CONSTRAINT "academy_attendance_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "academy_centres" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"province_code" text NOT NULL,
	"district_code" text NOT NULL,
	"district_th" text NOT NULL,
	"subdistrict_th" text NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "academy_centres_capacity_ck" CHECK ("academy_centres"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "academy_cohorts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trainer_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"course_id" text NOT NULL,
	"module_ids" jsonb,
	"title" text NOT NULL,
	"join_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_cohorts_seats_ck" CHECK ("academy_cohorts"."enrolled" >= 0 and "academy_cohorts"."enrolled" <= "academy_cohorts"."capacity"),
	CONSTRAINT "academy_cohorts_dates_ck" CHECK ("academy_cohorts"."ends_on" >= "academy_cohorts"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "academy_enrolments" (
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_enrolments_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "academy_roles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "academy_role" NOT NULL,
	"centre_id" uuid,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_roles_uq" UNIQUE NULLS NOT DISTINCT("user_id","role","centre_id")
);
--> statement-breakpoint
CREATE TABLE "academy_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cohort_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"secret" text NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "academy_attendance" ADD CONSTRAINT "academy_attendance_session_id_academy_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."academy_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_cohorts" ADD CONSTRAINT "academy_cohorts_centre_id_academy_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."academy_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD CONSTRAINT "academy_enrolments_cohort_id_academy_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."academy_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_roles" ADD CONSTRAINT "academy_roles_centre_id_academy_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."academy_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD CONSTRAINT "academy_sessions_cohort_id_academy_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."academy_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "academy_attendance_cohort_idx" ON "academy_attendance" USING btree ("cohort_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_centres_code_uq" ON "academy_centres" USING btree ("code");--> statement-breakpoint
CREATE INDEX "academy_centres_province_idx" ON "academy_centres" USING btree ("province_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_cohorts_join_code_uq" ON "academy_cohorts" USING btree ("join_code");--> statement-breakpoint
CREATE INDEX "academy_cohorts_trainer_idx" ON "academy_cohorts" USING btree ("trainer_id","starts_on");--> statement-breakpoint
CREATE INDEX "academy_cohorts_centre_idx" ON "academy_cohorts" USING btree ("centre_id","starts_on");--> statement-breakpoint
CREATE INDEX "academy_enrolments_page_idx" ON "academy_enrolments" USING btree ("cohort_id","enrolled_at","user_id");--> statement-breakpoint
CREATE INDEX "academy_enrolments_user_idx" ON "academy_enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "academy_sessions_cohort_idx" ON "academy_sessions" USING btree ("cohort_id","starts_at");