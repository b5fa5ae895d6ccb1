CREATE TYPE "public"."finance_application_status" AS ENUM('decided', 'accepted', 'lapsed');--> statement-breakpoint
CREATE TYPE "public"."finance_consent_purpose" AS ENUM('credit_assessment', 'loan_servicing');--> statement-breakpoint
CREATE TYPE "public"."finance_decision_outcome" AS ENUM('offer', 'decline', 'refer');--> statement-breakpoint
CREATE TYPE "public"."finance_loan_status" AS ENUM('active', 'late', 'repaid');--> statement-breakpoint
CREATE TYPE "public"."finance_repayment_kind" AS ENUM('revenue_share', 'instalments');--> statement-breakpoint
ALTER TYPE "public"."ledger_account" ADD VALUE 'lender_clearing';--> statement-breakpoint
CREATE TABLE "finance_access_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"consent_id" uuid,
	"user_id" uuid,
	"actor_kind" text NOT NULL,
	"purpose" "finance_consent_purpose" NOT NULL,
	"data_items" jsonb NOT NULL,
	"what" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"tenor_months" integer NOT NULL,
	"purpose_text" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"scorecard_version" text NOT NULL,
	"policy_version" text NOT NULL,
	"score" integer NOT NULL,
	"outcome" "finance_decision_outcome" NOT NULL,
	"reasons" jsonb NOT NULL,
	"offer" jsonb,
	"decided_by" text NOT NULL,
	"status" "finance_application_status" DEFAULT 'decided' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"purpose" "finance_consent_purpose" NOT NULL,
	"data_items" jsonb NOT NULL,
	"retention_days" integer NOT NULL,
	"wording" jsonb NOT NULL,
	"wording_version" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid
);
--> statement-breakpoint
CREATE TABLE "finance_instalments" (
	"loan_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"seller_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"paid" bigint DEFAULT 0 NOT NULL,
	"late_fee" bigint DEFAULT 0 NOT NULL,
	"late_since" date,
	CONSTRAINT "finance_instalments_loan_id_n_pk" PRIMARY KEY("loan_id","n")
);
--> statement-breakpoint
CREATE TABLE "finance_lender_staff" (
	"lender_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_lender_staff_lender_id_user_id_pk" PRIMARY KEY("lender_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "finance_lenders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"gateway" text NOT NULL,
	"webhook_url" text,
	"retention_days" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_loan_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"loan_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"amount" bigint NOT NULL,
	"outstanding_after" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_loan_movements_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
CREATE TABLE "finance_loan_products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lender_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"min_amount" bigint NOT NULL,
	"max_amount" bigint NOT NULL,
	"min_tenor_months" integer NOT NULL,
	"max_tenor_months" integer NOT NULL,
	"rate_bp" integer NOT NULL,
	"fee_bp" integer NOT NULL,
	"repayment" "finance_repayment_kind" NOT NULL,
	"revenue_share_bp" integer,
	"guarantee_scheme" text,
	"guarantee_fee_bp" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_loans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"lender_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"principal" bigint NOT NULL,
	"interest" bigint NOT NULL,
	"fee" bigint NOT NULL,
	"outstanding" bigint NOT NULL,
	"repayment" "finance_repayment_kind" NOT NULL,
	"revenue_share_bp" integer,
	"tenor_months" integer NOT NULL,
	"status" "finance_loan_status" DEFAULT 'active' NOT NULL,
	"disbursed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"final_due_on" date NOT NULL,
	CONSTRAINT "finance_loans_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
ALTER TABLE "finance_applications" ADD CONSTRAINT "finance_applications_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_applications" ADD CONSTRAINT "finance_applications_lender_id_finance_lenders_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."finance_lenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_applications" ADD CONSTRAINT "finance_applications_product_id_finance_loan_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."finance_loan_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_consents" ADD CONSTRAINT "finance_consents_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_consents" ADD CONSTRAINT "finance_consents_lender_id_finance_lenders_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."finance_lenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_instalments" ADD CONSTRAINT "finance_instalments_loan_id_finance_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."finance_loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_lender_staff" ADD CONSTRAINT "finance_lender_staff_lender_id_finance_lenders_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."finance_lenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_lender_staff" ADD CONSTRAINT "finance_lender_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_loan_movements" ADD CONSTRAINT "finance_loan_movements_loan_id_finance_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."finance_loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_loan_products" ADD CONSTRAINT "finance_loan_products_lender_id_finance_lenders_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."finance_lenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_loans" ADD CONSTRAINT "finance_loans_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_loans" ADD CONSTRAINT "finance_loans_lender_id_finance_lenders_id_fk" FOREIGN KEY ("lender_id") REFERENCES "public"."finance_lenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_loans" ADD CONSTRAINT "finance_loans_application_id_finance_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."finance_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finance_access_log_seller_idx" ON "finance_access_log" USING btree ("seller_id","at");--> statement-breakpoint
CREATE INDEX "finance_applications_seller_idx" ON "finance_applications" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "finance_applications_lender_idx" ON "finance_applications" USING btree ("lender_id","created_at");--> statement-breakpoint
CREATE INDEX "finance_consents_seller_idx" ON "finance_consents" USING btree ("seller_id","granted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_consents_live_key" ON "finance_consents" USING btree ("seller_id","lender_id","purpose") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "finance_instalments_due_idx" ON "finance_instalments" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "finance_lender_staff_user_idx" ON "finance_lender_staff" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "finance_loan_movements_loan_idx" ON "finance_loan_movements" USING btree ("loan_id","at");--> statement-breakpoint
CREATE INDEX "finance_loans_seller_idx" ON "finance_loans" USING btree ("seller_id","status");--> statement-breakpoint
CREATE VIEW "public"."seller_ledger_position" AS (select t.seller_id, coalesce(-sum(e.amount) filter (where e.account = 'seller_payable'), 0)::bigint as payable_satang, coalesce(sum(e.amount) filter (where e.account = 'seller_payable' and t.kind = 'payout'), 0)::bigint as paid_out_satang, (count(distinct t.id) filter (where t.kind = 'payout'))::int as payouts, coalesce(-sum(e.amount) filter (where e.account = 'payments_clearing' and t.kind = 'refund' and t.created_at > now() - interval '365 days'), 0)::bigint as refunded_365d_satang from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where t.seller_id is not null and e.currency = 'THB' group by t.seller_id);--> statement-breakpoint
CREATE VIEW "public"."seller_sales_monthly" AS (select o.seller_id, to_char(o.paid_at at time zone 'Asia/Bangkok', 'YYYY-MM') as month, count(*)::int as paid_orders, sum(o.total_satang)::bigint as gross_satang, coalesce(sum(o.total_satang) filter (where g.market <> 'TH'), 0)::bigint as crossborder_satang, (count(*) filter (where o.status = 'cancelled'))::int as cancelled_orders from orders o join order_groups g on g.id = o.group_id where o.paid_at is not null group by 1, 2);--> statement-breakpoint
CREATE VIEW "public"."seller_tenure" AS (select id as seller_id, status::text as status, reviewed_at as approved_at from sellers where status in ('approved', 'suspended'));--> statement-breakpoint
CREATE VIEW "public"."seller_shipping_monthly" AS (select seller_id, to_char(created_at at time zone 'Asia/Bangkok', 'YYYY-MM') as month, count(*)::int as shipments, (count(*) filter (where handed_over_at is not null and handed_over_at <= created_at + interval '48 hours'))::int as handed_over_on_time, (count(*) filter (where delivered_at is not null))::int as delivered from shipments group by 1, 2);--> statement-breakpoint
CREATE VIEW "public"."seller_verified_marks" AS (select seller_id, count(*)::int as verified_marks from standards_certificates where status = 'verified' and expires_on >= (now() at time zone 'Asia/Bangkok')::date group by seller_id);