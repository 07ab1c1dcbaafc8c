CREATE TABLE `cache_invalidations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tags` text NOT NULL,
	`origin` text NOT NULL,
	`content_from` integer NOT NULL,
	`content_to` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
-- hand-written: the content version starts at 0, and every change to what readers see bumps it
-- (see contentVersion in db/schema.ts). Columns and rows readers never see (the setup token, password_hash,
-- role, email, uploaded_by, …) are left out, so a login or a password change is not a content change.
INSERT INTO `content_version` (`id`, `n`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `articles_content_insert` AFTER INSERT ON `articles` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `articles_content_update` AFTER UPDATE ON `articles` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `articles_content_delete` AFTER DELETE ON `articles` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `article_tags_content_insert` AFTER INSERT ON `article_tags` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `article_tags_content_update` AFTER UPDATE ON `article_tags` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `article_tags_content_delete` AFTER DELETE ON `article_tags` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `article_authors_content_insert` AFTER INSERT ON `article_authors` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `article_authors_content_update` AFTER UPDATE ON `article_authors` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `article_authors_content_delete` AFTER DELETE ON `article_authors` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `sections_content_insert` AFTER INSERT ON `sections` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `sections_content_update` AFTER UPDATE ON `sections` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `sections_content_delete` AFTER DELETE ON `sections` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `tags_content_insert` AFTER INSERT ON `tags` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `tags_content_update` AFTER UPDATE ON `tags` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `tags_content_delete` AFTER DELETE ON `tags` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `settings_content_insert` AFTER INSERT ON `settings` WHEN NEW.`key` NOT LIKE 'setup.%' BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `settings_content_update` AFTER UPDATE ON `settings` WHEN NEW.`key` NOT LIKE 'setup.%' BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `settings_content_delete` AFTER DELETE ON `settings` WHEN OLD.`key` NOT LIKE 'setup.%' BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `pages_content_insert` AFTER INSERT ON `pages` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `pages_content_update` AFTER UPDATE ON `pages` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `pages_content_delete` AFTER DELETE ON `pages` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `redirects_content_insert` AFTER INSERT ON `redirects` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `redirects_content_update` AFTER UPDATE ON `redirects` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `redirects_content_delete` AFTER DELETE ON `redirects` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `corrections_content_insert` AFTER INSERT ON `corrections` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `corrections_content_update` AFTER UPDATE ON `corrections` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `corrections_content_delete` AFTER DELETE ON `corrections` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `users_content_update` AFTER UPDATE OF `name`, `name_en`, `slug`, `bio`, `bio_en` ON `users` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `users_content_delete` AFTER DELETE ON `users` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `media_content_update` AFTER UPDATE OF `stem`, `width`, `height`, `variant_widths`, `alt`, `caption`, `credit`, `focal_x`, `focal_y` ON `media` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `media_content_delete` AFTER DELETE ON `media` BEGIN UPDATE `content_version` SET `n` = `n` + 1; END;
