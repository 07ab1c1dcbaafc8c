-- Full-text search over live articles (lib/search, db/search). The index holds only published,
-- undeleted articles; JavaScript fills it (the Arabic normaliser and stemmer live there), in the
-- same transaction as every mutation that changes what readers see. Rows go in already
-- normalised, as words joined by spaces, each field twice: its words ("exact") and their stems
-- ("stem"). So the tokenizer has nothing left to decide: 'ascii' only splits at the spaces (and
-- indexes a third faster than unicode61, which would split at harakat and fold case again).
-- Contentless: the text lives in `articles`, and snippets are cut from it there; rowid is the
-- article id.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `title_exact`, `title_stem`, `dek_exact`, `dek_stem`, `tags_exact`, `tags_stem`, `body_exact`, `body_stem`,
  content='', contentless_delete=1, tokenize='ascii'
);--> statement-breakpoint
-- What search filters and ranks on besides the text, one narrow row per indexed article, so a
-- query with thousands of matches never reads the wide `articles` rows.
CREATE TABLE `search_docs` (
  `article_id` integer PRIMARY KEY NOT NULL,
  `locale` text NOT NULL,
  `section_id` integer NOT NULL,
  `published_at` integer
);--> statement-breakpoint
-- Whatever path takes an article off the site (newsroom, scheduler, CLI, raw SQL), its text
-- leaves the index with it; going live needs the normaliser, so that is done in JavaScript.
CREATE TRIGGER `search_hide_unpublished` AFTER UPDATE OF `status`, `deleted_at` ON `articles`
WHEN (NEW.`status` != 'published' OR NEW.`deleted_at` IS NOT NULL)
  AND EXISTS (SELECT 1 FROM `search_docs` WHERE `article_id` = NEW.`id`)
BEGIN
  DELETE FROM `search_index` WHERE `rowid` = NEW.`id`;
  DELETE FROM `search_docs` WHERE `article_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `search_forget_deleted` AFTER DELETE ON `articles`
WHEN EXISTS (SELECT 1 FROM `search_docs` WHERE `article_id` = OLD.`id`)
BEGIN
  DELETE FROM `search_index` WHERE `rowid` = OLD.`id`;
  DELETE FROM `search_docs` WHERE `article_id` = OLD.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `search_copy_facts` AFTER UPDATE OF `locale`, `section_id`, `published_at` ON `articles` BEGIN
  UPDATE `search_docs` SET
    `locale` = NEW.`locale`,
    `section_id` = NEW.`section_id`,
    `published_at` = NEW.`published_at`
  WHERE `article_id` = NEW.`id`;
END;
