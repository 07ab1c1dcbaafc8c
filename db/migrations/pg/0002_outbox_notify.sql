-- hand-written: every outbox row (db/mutations/outbox.ts) is announced on the channel
-- midad_outbox. PostgreSQL delivers a NOTIFY when, and only if, its transaction commits, so a
-- listening instance hears of the change the moment it is visible and never of a rolled-back one.
-- The payload is the row id; listeners read the rows themselves (db/change-feed.ts), so a lost or
-- coalesced notification costs nothing but the wait for the next poll.
CREATE FUNCTION "midad_announce_invalidation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('midad_outbox', NEW."id"::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "cache_invalidations_announce" AFTER INSERT ON "cache_invalidations"
  FOR EACH ROW EXECUTE FUNCTION "midad_announce_invalidation"();
