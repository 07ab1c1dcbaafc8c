/**
 * `npm run import:wordpress -- export.xml [options]`: brings a WordPress site's export into this
 * Midad (DATA_DIR's SQLite file, or DATABASE_URL's PostgreSQL) while the site may keep serving.
 *   --site-url https://old.example   the old address, when the file's own is not what readers used
 *   --time-zone Asia/Damascus        the old site's zone, for dates given in local time only
 *   --media-dir wp-content/uploads   take images from this folder (else they are fetched later)
 *   --categories sections|tags|one   where categories go (default: sections)
 *   --section slug                   the section of every story with --categories tags or one
 *   --category-base, --tag-base, --author-base   the old site's archive bases
 *   --locale ar|en                   the edition of stories without a Polylang language
 *   --shortcodes strip|keep          unknown shortcodes: keep their text, or only what they enclose
 *   --dry-run                        read everything, write nothing, print what would happen
 *   --no-media                       do not fetch images after the import (npm run import:media does)
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeProcessDb, describeDatabase, prepareDatabase } from '@/db/client';
import { importWordPress } from '@/lib/import/wordpress/import';
import { formatReport } from '@/lib/import/wordpress/report';
import { runImportMedia } from '@/lib/import/wordpress/media-job';
import { WxrParseError } from '@/lib/import/wordpress/types';
import { getMediaStorage } from '@/lib/media/storage';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'site-url': { type: 'string' },
    'time-zone': { type: 'string' },
    'media-dir': { type: 'string' },
    categories: { type: 'string' },
    section: { type: 'string' },
    'category-base': { type: 'string' },
    'tag-base': { type: 'string' },
    'author-base': { type: 'string' },
    locale: { type: 'string' },
    shortcodes: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'no-media': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(2);
}

const file = positionals[0];
if (!file) fail('name the export file: npm run import:wordpress -- export.xml');
if (!fs.existsSync(file) || !fs.statSync(file).isFile()) fail(`no such file: ${file}`);
const categories = values.categories ?? 'sections';
if (!['sections', 'tags', 'one'].includes(categories)) fail('--categories is sections, tags or one');
const locale = values.locale;
if (locale !== undefined && locale !== 'ar' && locale !== 'en') fail('--locale is ar or en');
const shortcodes = values.shortcodes ?? 'strip';
if (shortcodes !== 'strip' && shortcodes !== 'keep') fail('--shortcodes is strip or keep');
const timeZone = values['time-zone'] ?? 'UTC';
try {
  new Intl.DateTimeFormat('en', { timeZone });
} catch {
  fail(`unknown time zone: ${timeZone} (for example Asia/Damascus)`);
}
const mediaDir = values['media-dir'];
if (mediaDir && !fs.existsSync(mediaDir)) fail(`no such folder: ${mediaDir}`);

async function main() {
  const db = await prepareDatabase();
  console.log(
    `import: ${file} into ${describeDatabase()}${values['dry-run'] ? ' (dry run: nothing is written)' : ''}`,
  );
  let shown = 0;
  try {
    const result = await importWordPress(db, file!, {
      siteUrl: values['site-url'],
      timeZone,
      categories: categories as 'sections' | 'tags' | 'one',
      section: values.section,
      bases: {
        ...(values['category-base'] ? { category: values['category-base'] } : {}),
        ...(values['tag-base'] ? { tag: values['tag-base'] } : {}),
        ...(values['author-base'] ? { author: values['author-base'] } : {}),
      },
      locale: locale as 'ar' | 'en' | undefined,
      unknownShortcodes: shortcodes as 'strip' | 'keep',
      dryRun: values['dry-run'],
      onProgress: (r) => {
        if (!process.stderr.isTTY || Date.now() - shown < 1000) return;
        shown = Date.now();
        process.stderr.write(`\rimport: ${r.read} of ${r.total} items read`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(formatReport(result.report, { source: result.source, dryRun: values['dry-run'] }));
    if (!values['dry-run'] && !values['no-media']) {
      const media = await runImportMedia(db, {
        source: result.source,
        storage: getMediaStorage(),
        mediaDir,
        log: (line) => console.log(`import: ${line}`),
      });
      console.log(
        `import: images: ${media.done} stored, ${media.failed} failed, ${media.pending} still to fetch (npm run import:media)`,
      );
    }
  } catch (error) {
    if (error instanceof WxrParseError)
      fail(`${file} is not a well-formed WordPress export (${error.message}); nothing was imported`);
    throw error;
  } finally {
    await closeProcessDb();
  }
}

void main().catch((error: unknown) => {
  console.error(`import: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
