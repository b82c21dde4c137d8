-- SPEC §6 "Order": deliveries that share an ordering key go out one at a time, in id order
-- (docs/decisions/018-callback-order.md). Rows queued before this migration get their key
-- when they are still waiting; finished rows never take part in ordering and are left as
-- they are, so the upgrade does not rewrite a large outbox.
ALTER TABLE "deliveries" ADD COLUMN "ordering_key" text;--> statement-breakpoint
UPDATE "deliveries" SET "ordering_key" = CASE
    WHEN "event" LIKE 'payment\_link.inquiry%' THEN 'payment:' || "payment_id" || ':inquiry'
    ELSE 'payment:' || "payment_id"
  END
  WHERE "channel" = 'webhook' AND "payment_id" IS NOT NULL
    AND "delivered_at" IS NULL AND "failed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "deliveries_pending_order" ON "deliveries" USING btree ("ordering_key","id") WHERE "deliveries"."delivered_at" is null and "deliveries"."failed_at" is null;
