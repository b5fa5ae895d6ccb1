CREATE TABLE "academy_shop_links" (
	"seller_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"show_badges" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_shop_links_seller_id_user_id_pk" PRIMARY KEY("seller_id","user_id")
);
--> statement-breakpoint
CREATE INDEX "academy_shop_links_user_idx" ON "academy_shop_links" USING btree ("user_id");