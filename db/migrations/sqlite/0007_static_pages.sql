CREATE TABLE `pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pages_slug_locale_idx` ON `pages` (`slug`,`locale`);--> statement-breakpoint
-- hand-written: the three pages in both editions, so every database (new or migrated) has them.
INSERT INTO `pages` (`slug`, `locale`, `title`, `body`) VALUES
  ('about', 'ar', 'من نحن', '<p>مداد منصة أخبار عربية تُعنى بالخبر المحلي وبما يمسّ حياة الناس كل يوم: المدارس والأسواق والمستشفيات والملاعب والمسارح.</p><p>نكتب بلغة واضحة، ونسمّي مصادرنا، ونصحّح أخطاءنا علناً في أسفل الخبر نفسه. ما تقرؤه هنا الآن محتوى تجريبي كُتب خصيصاً للمنصة.</p>'),
  ('about', 'en', 'About us', '<p>Midad is an Arabic news platform for local news and for what touches everyday life: schools, markets, hospitals, stadiums and theatres.</p><p>We write plainly, name our sources, and correct our mistakes in the open, at the foot of the story itself. What you read here for now is demo content written for the platform.</p>'),
  ('contact', 'ar', 'اتصل بنا', '<p>يسعدنا أن نسمع منك: خبر تعرفه، أو خطأ لاحظته، أو رأي في ما ننشر.</p><ul><li>هيئة التحرير: <a href="mailto:newsroom@midad.example">newsroom@midad.example</a></li><li>التصحيحات: <a href="mailto:corrections@midad.example">corrections@midad.example</a></li></ul><p>نقرأ كل رسالة، ونردّ عادةً خلال يومَي عمل.</p>'),
  ('contact', 'en', 'Contact us', '<p>We would like to hear from you: a story you know of, a mistake you spotted, or a view on what we publish.</p><ul><li>Newsroom: <a href="mailto:newsroom@midad.example">newsroom@midad.example</a></li><li>Corrections: <a href="mailto:corrections@midad.example">corrections@midad.example</a></li></ul><p>We read every message and usually answer within two working days.</p>'),
  ('privacy', 'ar', 'سياسة الخصوصية', '<p>لا تضع صفحات القرّاء في متصفحك ملفات تعريف ارتباط (كوكيز)، ولا تحمّل أدوات تتبّع من أطراف أخرى، ولا تحتاج إلى حساب لقراءة أي خبر.</p><p>نعدّ مرات قراءة كل خبر عدّاً إجمالياً في اليوم لنعرض «الأكثر قراءة»، من غير أن نربط ذلك بك أو بجهازك. أزرار المشاركة روابط عادية: لا يصل شيء إلى الشبكة التي تختارها إلا حين تنقر عليها.</p><p>إن راسلتنا بالبريد الإلكتروني فلن نستخدم عنوانك إلا للرد عليك.</p>'),
  ('privacy', 'en', 'Privacy policy', '<p>Reader pages put no cookies in your browser, load no third-party trackers, and need no account to read any story.</p><p>We count how often each story is read, as one total per day, to show “Most read”, without tying it to you or your device. The share buttons are plain links: nothing reaches the network you pick until you click one.</p><p>If you write to us by email, we use your address only to answer you.</p>');
