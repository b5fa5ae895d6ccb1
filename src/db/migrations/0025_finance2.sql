CREATE TABLE "finance_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"loan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"params" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_notices_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
ALTER TABLE "finance_applications" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "finance_notices" ADD CONSTRAINT "finance_notices_loan_id_finance_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."finance_loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finance_notices_seller_idx" ON "finance_notices" USING btree ("seller_id","at");