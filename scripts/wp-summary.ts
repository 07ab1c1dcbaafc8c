/**
 * What a WordPress export holds, before importing it: counts by type and status, terms, media,
 * and what the import will have to report (missing images, dangling terms, shortcodes). Reads the
 * file as a stream and writes nothing.
 *   npx tsx scripts/wp-summary.ts export.xml [--time-zone Asia/Damascus] [--json]
 */
import { isValidTimeZone } from '@/lib/time/site-zone';
import { summariseExport, type ExportSummary } from '@/lib/import/wordpress/summary';
import { WxrParseError } from '@/lib/import/wordpress/types';

function usage(): never {
  console.error('usage: tsx scripts/wp-summary.ts export.xml [--time-zone Area/City] [--json]');
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let file: string | undefined;
  let timeZone = 'UTC';
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--time-zone') timeZone = argv[++i] ?? usage();
    else if (a.startsWith('--')) usage();
    else if (file) usage();
    else file = a;
  }
  if (!file) usage();
  if (!isValidTimeZone(timeZone)) {
    console.error(`wp-summary: unknown time zone "${timeZone}"`);
    process.exit(2);
  }
  return { file, timeZone, json };
}

const list = (o: Record<string, number>, max = 15) => {
  const entries = Object.entries(o);
  if (entries.length === 0) return 'none';
  const shown = entries.slice(0, max).map(([k, n]) => `${k || "''"} ${n}`);
  return shown.join(', ') + (entries.length > max ? `, … ${entries.length - max} more` : '');
};

function print(s: ExportSummary, ms: number) {
  const site = s.site;
  const lines = [
    `site: ${site?.title ?? '?'} (${site?.baseSiteUrl ?? '?'}), WXR ${site?.wxrVersion || '?'}, ${site?.generator || 'no generator'}, language ${site?.language || '?'}`,
    `items: ${s.items}${s.duplicatePostIds.length ? ` (post ids used twice: ${s.duplicatePostIds.join(', ')})` : ''}`,
    ...Object.entries(s.byType)
      .sort(
        ([, a], [, b]) =>
          Object.values(b).reduce((x, y) => x + y, 0) - Object.values(a).reduce((x, y) => x + y, 0),
      )
      .map(([type, statuses]) => `  ${type}: ${list(statuses)}`),
    `authors ${s.authors}, categories ${s.categories}, tags ${s.tags}, other terms: ${list(s.terms)}`,
    `attachments ${s.attachments}, comments ${s.comments}`,
    `missing thumbnails: ${s.missingThumbnails.count}${s.missingThumbnails.examples.length ? ` (${s.missingThumbnails.examples.map((t) => `post ${t.postId} → ${t.thumbnailId}`).join(', ')})` : ''}`,
    `dangling: item terms not declared in the channel: ${list(s.dangling.undeclaredItemTerms)}; parents missing: ${s.dangling.parents.join(', ') || 'none'}, primary categories missing: ${s.dangling.primaryCategories.join(', ') || 'none'}`,
    `body: ${s.blockComments} block comments, dynamic blocks: ${list(s.dynamicBlocks, 8)}; ${s.captions} captions; unknown shortcodes: ${list(s.unknownShortcodes)}; Elementor items ${s.elementorItems}`,
    `dates: ${s.dates.withoutGmt} without GMT, ${s.dates.undated} undated; local − GMT (minutes → items): ${list(s.dates.offsets)}`,
    `slugs: ${s.slugs.percentEncoded} percent-encoded, ${s.slugs.incomplete} not fully decodable`,
    `published posts: ${s.timeSpan.first ?? '–'} … ${s.timeSpan.last ?? '–'}`,
    `meta keys (${Object.keys(s.metaKeys).length}): ${list(s.metaKeys, 25)}`,
    `read in ${(ms / 1000).toFixed(2)} s`,
  ];
  console.log(lines.join('\n'));
}

async function main() {
  const { file, timeZone, json } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  try {
    const summary = await summariseExport(file, { timeZone });
    if (json) console.log(JSON.stringify(summary, null, 2));
    else print(summary, Date.now() - started);
  } catch (err) {
    if (err instanceof WxrParseError) {
      console.error(`wp-summary: ${file}: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

void main();
