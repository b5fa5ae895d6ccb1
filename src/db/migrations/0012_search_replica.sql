CREATE TABLE "search_removals" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "search_removals_change_idx" ON "search_removals" USING btree ("change_xid");--> statement-breakpoint
CREATE INDEX "search_removals_at_idx" ON "search_removals" USING btree ("removed_at");--> statement-breakpoint
CREATE INDEX "search_documents_change_idx" ON "search_documents" USING btree ("change_xid");