CREATE TABLE "academy_lesson_videos" (
	"course_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"media_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_lesson_videos_course_id_lesson_id_pk" PRIMARY KEY("course_id","lesson_id")
);
