ALTER TABLE `users` ADD `name_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `bio_en` text DEFAULT '' NOT NULL;