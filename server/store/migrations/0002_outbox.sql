CREATE TABLE "deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"link_id" integer,
	"payment_id" integer,
	"channel" text NOT NULL,
	"event" text NOT NULL,
	"target" text NOT NULL,
	"message_id" text NOT NULL,
	"payload" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deliveries_message_id_unique" UNIQUE("message_id"),
	CONSTRAINT "deliveries_channel" CHECK ("deliveries"."channel" in ('webhook', 'email'))
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "api_key_sealed" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_due" ON "deliveries" USING btree ("next_attempt_at") WHERE "deliveries"."delivered_at" is null and "deliveries"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "deliveries_account" ON "deliveries" USING btree ("account_id","id" DESC NULLS LAST);