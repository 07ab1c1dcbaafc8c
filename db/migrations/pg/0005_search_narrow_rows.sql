-- hand-written: search_index keeps its two vectors out of line (TOAST), so its rows are a few
-- dozen bytes. A search counts its matches through the GIN index and then reads each match's row
-- for the edition, publish time and section (db/search/pg.ts); with the vectors inline (most fit
-- the default 2 kB threshold) a common word visited most of the table's 130 MB on 100,000
-- stories, and the planner, seeing a heap that large, chose to scan it all and read every vector.
-- Vectors are now read only for the stories ranked and for phrase rechecks.
ALTER TABLE "search_index" SET (toast_tuple_target = 128);--> statement-breakpoint
-- Rows filed before keep their layout until written again: copy them out and back in (the copy
-- goes through the toaster anew). TRUNCATE, not DELETE, so the old wide pages go too.
CREATE TEMPORARY TABLE "search_index_copy" AS SELECT * FROM "search_index";--> statement-breakpoint
TRUNCATE "search_index";--> statement-breakpoint
INSERT INTO "search_index" SELECT * FROM "search_index_copy";--> statement-breakpoint
DROP TABLE "search_index_copy";--> statement-breakpoint
ANALYZE "search_index";
