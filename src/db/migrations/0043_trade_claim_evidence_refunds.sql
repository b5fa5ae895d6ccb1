CREATE TABLE "trade_claim_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"name" text NOT NULL,
	"document_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_claim_refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"amount_satang" integer NOT NULL,
	"channel" text NOT NULL,
	"refund_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_claim_refunds_positive" CHECK ("trade_claim_refunds"."amount_satang" > 0)
);
--> statement-breakpoint
ALTER TABLE "trade_claim_evidence" ADD CONSTRAINT "trade_claim_evidence_claim_id_trade_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."trade_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_claim_evidence" ADD CONSTRAINT "trade_claim_evidence_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_claim_refunds" ADD CONSTRAINT "trade_claim_refunds_claim_id_trade_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."trade_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_claim_refunds" ADD CONSTRAINT "trade_claim_refunds_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_claim_refunds" ADD CONSTRAINT "trade_claim_refunds_milestone_id_trade_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."trade_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trade_claim_evidence_claim_idx" ON "trade_claim_evidence" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_claim_refunds_one_per_milestone" ON "trade_claim_refunds" USING btree ("claim_id","milestone_id");