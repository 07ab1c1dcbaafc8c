CREATE TABLE `import_items` (
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`old_id` text NOT NULL,
	`new_id` integer NOT NULL,
	`digest` text DEFAULT '' NOT NULL,
	`imported_at` integer NOT NULL,
	PRIMARY KEY(`source`, `kind`, `old_id`)
);
--> statement-breakpoint
CREATE INDEX `import_items_new_idx` ON `import_items` (`kind`,`new_id`);--> statement-breakpoint
CREATE TABLE `import_media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`url` text NOT NULL,
	`article_id` integer NOT NULL,
	`role` text NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`media_id` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_media_item_idx` ON `import_media` (`source`,`url`,`article_id`,`role`);--> statement-breakpoint
CREATE INDEX `import_media_state_idx` ON `import_media` (`state`,`id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`file_name` text NOT NULL,
	`dry_run` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'running' NOT NULL,
	`started_by` integer,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`report` text NOT NULL,
	`error` text,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `redirects` ADD `source` text;