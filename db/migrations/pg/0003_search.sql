-- hand-written: full-text search over live articles (db/search/pg.ts), PostgreSQL's counterpart
-- of SQLite's 0002_search. One row per indexed article: the facts search filters and ranks on,
-- and two tsvectors filled by JavaScript (the Arabic normaliser and stemmer live there) in the
-- same transaction as every change to what readers see. `exact` holds each field's normalised
-- words, `stem` their stems and clitic-free forms, both made by to_tsvector('simple', …) from text
-- that is already words joined by spaces, weighted by field: A headline, B summary, C tags and
-- section, D body. Not in db/schema/pg.ts, as SQLite's FTS5 table is not in its schema.
CREATE TABLE "search_index" (
	"article_id" integer PRIMARY KEY NOT NULL REFERENCES "articles" ("id") ON DELETE CASCADE,
	"locale" text NOT NULL,
	"section_id" integer NOT NULL,
	"published_at" timestamp (3) with time zone,
	"exact" tsvector NOT NULL,
	"stem" tsvector NOT NULL
);--> statement-breakpoint
CREATE INDEX "search_index_text_idx" ON "search_index" USING gin ("exact", "stem");--> statement-breakpoint
-- Whatever path takes an article off the site (newsroom, scheduler, CLI, raw SQL), its text
-- leaves the index with it; going live needs the normaliser, so that is done in JavaScript. A
-- deleted article's row goes by the foreign key.
CREATE FUNCTION "midad_search_hide"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "search_index" WHERE "article_id" = NEW."id";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "search_hide_unpublished" AFTER UPDATE OF "status", "deleted_at" ON "articles"
  FOR EACH ROW WHEN (NEW."status" <> 'published' OR NEW."deleted_at" IS NOT NULL)
  EXECUTE FUNCTION "midad_search_hide"();--> statement-breakpoint
CREATE FUNCTION "midad_search_copy_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_index" SET "locale" = NEW."locale", "section_id" = NEW."section_id",
    "published_at" = NEW."published_at"
  WHERE "article_id" = NEW."id";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "search_copy_facts" AFTER UPDATE OF "locale", "section_id", "published_at" ON "articles"
  FOR EACH ROW
  WHEN (OLD."locale" IS DISTINCT FROM NEW."locale" OR OLD."section_id" IS DISTINCT FROM NEW."section_id"
        OR OLD."published_at" IS DISTINCT FROM NEW."published_at")
  EXECUTE FUNCTION "midad_search_copy_facts"();
