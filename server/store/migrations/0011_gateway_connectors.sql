-- SPEC §10: payments may come from a gateway connector. Each payment records which connector
-- issued it, the gateway's id for it and what its channel needs shown (a biller code, a deep
-- link, a store), and when its status was last asked of the gateway.
ALTER TABLE "payments" ADD COLUMN "connector" text DEFAULT 'sandbox' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "gateway_ref" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "instrument" jsonb;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "gateway_checked_at" timestamp with time zone;--> statement-breakpoint
-- The worker's reconciliation scan: pending gateway payments by when they were last asked.
CREATE INDEX "payments_pending_gateway" ON "payments" USING btree (coalesce("gateway_checked_at", "created_at")) WHERE "status" = 'pending' AND "connector" NOT IN ('sandbox', 'none');--> statement-breakpoint
-- Orders to end at the gateway, so that an instrument Paylink no longer takes money for
-- refuses it there too: written in the same transaction as the change that ends the payment
-- (the trigger below), or for an order a failed start may have left behind; the worker
-- closes them, retrying until the gateway answers.
CREATE TABLE "gateway_closings" (
	"order_id" text PRIMARY KEY NOT NULL,
	"connector" text NOT NULL,
	"action" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gateway_closings_action" CHECK ("action" in ('cancel', 'expire'))
);
--> statement-breakpoint
CREATE INDEX "gateway_closings_due" ON "gateway_closings" USING btree ("due_at") WHERE "done_at" IS NULL;--> statement-breakpoint
-- Every way a pending payment ends (the customer's choice, another payment using the link up,
-- the pending cap, the link's expiry, the worker's deadline) passes through this one update;
-- catching it here means no path can forget the gateway.
CREATE FUNCTION paylink_close_at_gateway() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO gateway_closings (order_id, connector, action, due_at, created_at)
  VALUES (
    NEW.reff_no,
    NEW.connector,
    CASE WHEN NEW.status = 'cancelled' THEN 'cancel' ELSE 'expire' END,
    NEW.updated_at,
    NEW.updated_at
  )
  ON CONFLICT (order_id) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payments_close_at_gateway AFTER UPDATE OF status ON payments
  FOR EACH ROW
  WHEN (OLD.status = 'pending' AND NEW.status IN ('cancelled', 'expired') AND NEW.connector NOT IN ('sandbox', 'none'))
  EXECUTE FUNCTION paylink_close_at_gateway();
