CREATE TABLE "payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"reff_no" text NOT NULL,
	"link_id" integer NOT NULL,
	"account_id" text NOT NULL,
	"method_code" text NOT NULL,
	"method_value" text NOT NULL,
	"qr_string" text,
	"amount" integer NOT NULL,
	"status" text NOT NULL,
	"customer" jsonb,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_reff_no_unique" UNIQUE("reff_no"),
	CONSTRAINT "payments_status" CHECK ("payments"."status" in ('pending', 'paid', 'settled', 'expired', 'cancelled')),
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_link_id_payment_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."payment_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_pending_method_value" ON "payments" USING btree ("method_code","method_value") WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "payments_method_value" ON "payments" USING btree ("method_value");--> statement-breakpoint
CREATE INDEX "payments_link" ON "payments" USING btree ("link_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_account" ON "payments" USING btree ("account_id","id" DESC NULLS LAST);