ALTER TABLE `media` ADD `focal_x` real;--> statement-breakpoint
ALTER TABLE `media` ADD `focal_y` real;--> statement-breakpoint
ALTER TABLE `media` ADD `uploaded_by` integer REFERENCES users(id) ON DELETE set null;