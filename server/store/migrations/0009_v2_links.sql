-- The v2.0 dialect (SPEC §3.5). An unlimited link stores max_usage NULL (the API reads it as 0),
-- so the check current_usage <= max_usage still holds every limited link. Links already stored
-- keep their dialect ('v1' or 'v4'), which is their `source` ("api v1", "api v4"): nothing to
-- backfill.
ALTER TABLE "payment_links" ALTER COLUMN "max_usage" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "required_customer_number" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "required_customer_email" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "success_redirect_url" text;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "expired_redirect_url" text;--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_max_usage_positive" CHECK ("payment_links"."max_usage" is null or "payment_links"."max_usage" >= 1);--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_dialect" CHECK ("payment_links"."dialect" in ('v1', 'v2', 'v4'));
