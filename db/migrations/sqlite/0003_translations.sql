ALTER TABLE `articles` ADD `translation_key` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `articles_translation_idx` ON `articles` (`translation_key`,`locale`);