-- Every committed change of a link, one of its payments or an account is announced on the
-- channel paylink_changes (payload 'l:<link id>' or 'a:<account id>'), so that every process
-- sharing this database drops what it cached (docs/decisions/009). PostgreSQL delivers a
-- notification only when its transaction commits, and identical ones of one transaction once.
CREATE FUNCTION paylink_notify_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('paylink_changes', 'l:' || OLD.id);
  ELSE
    PERFORM pg_notify('paylink_changes', 'l:' || NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION paylink_notify_payment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('paylink_changes', 'l:' || OLD.link_id);
  ELSE
    PERFORM pg_notify('paylink_changes', 'l:' || NEW.link_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION paylink_notify_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('paylink_changes', 'a:' || OLD.id);
  ELSE
    PERFORM pg_notify('paylink_changes', 'a:' || NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_links_notify_change AFTER INSERT OR UPDATE OR DELETE ON payment_links
  FOR EACH ROW EXECUTE FUNCTION paylink_notify_link_change();
--> statement-breakpoint
CREATE TRIGGER payments_notify_change AFTER INSERT OR UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION paylink_notify_payment_change();
--> statement-breakpoint
CREATE TRIGGER accounts_notify_change AFTER UPDATE OR DELETE ON accounts
  FOR EACH ROW EXECUTE FUNCTION paylink_notify_account_change();
