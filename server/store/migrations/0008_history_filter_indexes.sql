-- The histories list (SPEC §3.4, docs/decisions/017-history-filters.md): one B-tree per range
-- filter and sort key within an account (generated from schema.ts), then, by hand, trigram
-- indexes for the partial reff_no and payment_method_value filters (ILIKE '%…%'). pg_trgm ships
-- with PostgreSQL (contrib) and PGlite (loaded in pglite-settings.ts); where the server lacks it
-- or the role may not create it, the block leaves them out and those filters scan the
-- account's payments instead: slower at scale, the same answers.
CREATE INDEX "payments_account_created_at" ON "payments" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_account_amount" ON "payments" USING btree ("account_id","amount","id");--> statement-breakpoint
CREATE INDEX "payments_account_paid_at" ON "payments" USING btree ("account_id","paid_at","id");--> statement-breakpoint
CREATE INDEX "payments_account_paid_at_desc" ON "payments" USING btree ("account_id","paid_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "payments_account_settled_at" ON "payments" USING btree ("account_id","settled_at") WHERE "payments"."settled_at" is not null;--> statement-breakpoint
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX "payments_reff_no_trigrams" ON "payments" USING gin ("reff_no" gin_trgm_ops);
  CREATE INDEX "payments_method_value_trigrams" ON "payments" USING gin ("method_value" gin_trgm_ops);
EXCEPTION WHEN undefined_file OR undefined_object OR insufficient_privilege OR feature_not_supported THEN
  RAISE NOTICE 'pg_trgm unavailable (%): partial reff_no and payment_method_value filters will scan', SQLERRM;
END $$;
