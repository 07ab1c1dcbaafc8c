ALTER TABLE `article_authors` ADD `locale` text DEFAULT 'ar' NOT NULL;--> statement-breakpoint
ALTER TABLE `article_authors` ADD `live_at` integer;--> statement-breakpoint
CREATE INDEX `article_authors_live_idx` ON `article_authors` (`user_id`,`locale`,`live_at`);--> statement-breakpoint
ALTER TABLE `article_tags` ADD `locale` text DEFAULT 'ar' NOT NULL;--> statement-breakpoint
ALTER TABLE `article_tags` ADD `live_at` integer;--> statement-breakpoint
CREATE INDEX `article_tags_live_idx` ON `article_tags` (`tag_id`,`locale`,`live_at`);--> statement-breakpoint
-- Tag and author pages count and page through live stories from the link tables alone; these
-- triggers keep each link row's copy of its article's locale and live time current, whatever
-- path changes the article (newsroom, scheduler, CLI, another instance).
UPDATE `article_tags` SET
  `locale` = (SELECT `locale` FROM `articles` WHERE `articles`.`id` = `article_tags`.`article_id`),
  `live_at` = (SELECT CASE WHEN `status` = 'published' AND `deleted_at` IS NULL THEN `published_at` END
               FROM `articles` WHERE `articles`.`id` = `article_tags`.`article_id`);--> statement-breakpoint
UPDATE `article_authors` SET
  `locale` = (SELECT `locale` FROM `articles` WHERE `articles`.`id` = `article_authors`.`article_id`),
  `live_at` = (SELECT CASE WHEN `status` = 'published' AND `deleted_at` IS NULL THEN `published_at` END
               FROM `articles` WHERE `articles`.`id` = `article_authors`.`article_id`);--> statement-breakpoint
CREATE TRIGGER `article_tags_copy_live` AFTER INSERT ON `article_tags` BEGIN
  UPDATE `article_tags` SET
    `locale` = (SELECT `locale` FROM `articles` WHERE `id` = NEW.`article_id`),
    `live_at` = (SELECT CASE WHEN `status` = 'published' AND `deleted_at` IS NULL THEN `published_at` END
                 FROM `articles` WHERE `id` = NEW.`article_id`)
  WHERE `rowid` = NEW.`rowid`;
END;--> statement-breakpoint
CREATE TRIGGER `article_authors_copy_live` AFTER INSERT ON `article_authors` BEGIN
  UPDATE `article_authors` SET
    `locale` = (SELECT `locale` FROM `articles` WHERE `id` = NEW.`article_id`),
    `live_at` = (SELECT CASE WHEN `status` = 'published' AND `deleted_at` IS NULL THEN `published_at` END
                 FROM `articles` WHERE `id` = NEW.`article_id`)
  WHERE `rowid` = NEW.`rowid`;
END;--> statement-breakpoint
CREATE TRIGGER `articles_live_copies` AFTER UPDATE OF `status`, `published_at`, `deleted_at`, `locale` ON `articles` BEGIN
  UPDATE `article_tags` SET
    `locale` = NEW.`locale`,
    `live_at` = CASE WHEN NEW.`status` = 'published' AND NEW.`deleted_at` IS NULL THEN NEW.`published_at` END
  WHERE `article_id` = NEW.`id`;
  UPDATE `article_authors` SET
    `locale` = NEW.`locale`,
    `live_at` = CASE WHEN NEW.`status` = 'published' AND NEW.`deleted_at` IS NULL THEN NEW.`published_at` END
  WHERE `article_id` = NEW.`id`;
END;
