CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"status" text DEFAULT 'active' NOT NULL,
	"callback_url" text,
	"inquiry_callback_url" text,
	"api_key_hash" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_sealed" text NOT NULL,
	"webhook_secret_sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "accounts_api_key_hash_unique" UNIQUE("api_key_hash"),
	CONSTRAINT "accounts_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "payment_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"reff_no" text NOT NULL,
	"public_id" text NOT NULL,
	"dialect" text DEFAULT 'v1' NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"required_customer_detail" boolean NOT NULL,
	"max_usage" integer NOT NULL,
	"current_usage" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"expired_at" timestamp with time zone,
	"total_amount" integer NOT NULL,
	"items" jsonb,
	"whitelisted_payment_method" jsonb,
	"redirect_url" text,
	"callback_url" text,
	"optional_metadata" jsonb,
	"customer" jsonb,
	"payment_date" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_links_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "payment_links_usage_within_max" CHECK ("payment_links"."current_usage" <= "payment_links"."max_usage"),
	CONSTRAINT "payment_links_status" CHECK ("payment_links"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_links_account_reff_no" ON "payment_links" USING btree ("account_id","reff_no");--> statement-breakpoint
CREATE INDEX "payment_links_account_created" ON "payment_links" USING btree ("account_id","id" DESC NULLS LAST);