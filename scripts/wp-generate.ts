/**
 * A generated WordPress export of an imaginary Arabic news site, for the importer's tests and
 * benchmarks (lib/import/wordpress/generate.ts): the XML, `out.xml.expect.json` beside it with the
 * counts a WordPress admin would show and each post's expected id, status, slug, link, image,
 * views, translation and category path, and with --uploads the images under DIR.
 *   npm run wp:generate -- --posts 50000 [--seed 1] [--uploads DIR] [--site-url https://old.example] out.xml
 */
import { parseArgs } from 'node:util';
import { writeExportFiles } from '@/lib/import/wordpress/generate-files';

const USAGE =
  'usage: npm run wp:generate -- --posts N [--seed S] [--uploads DIR] [--site-url https://old.example] out.xml';

function fail(message: string): never {
  console.error(`wp-generate: ${message}\n${USAGE}`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        posts: { type: 'string' },
        seed: { type: 'string' },
        uploads: { type: 'string' },
        'site-url': { type: 'string' },
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail('give one output file');
  const posts = Number(values.posts);
  if (!values.posts || !Number.isInteger(posts) || posts < 1) fail('--posts must be a positive whole number');
  const seed =
    values.seed === undefined ? undefined : /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const siteUrl = values['site-url'];
  if (siteUrl !== undefined && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(siteUrl))
    fail(`--site-url is not an http(s) address: ${siteUrl}`);
  return { out: positionals[0]!, posts, seed, siteUrl, uploadsDir: values.uploads };
}

async function main() {
  const o = options();
  const r = await writeExportFiles(o.out, {
    posts: o.posts,
    seed: o.seed,
    siteUrl: o.siteUrl,
    uploadsDir: o.uploadsDir,
  });
  const MB = 1024 * 1024;
  const a = r.totals.admin;
  console.log(
    [
      `wp-generate: ${o.out}: ${(r.xmlBytes / MB).toFixed(1)} MB, ${r.totals.summary.items} items in ${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.peakRss / MB).toFixed(0)} MB`,
      `  posts ${a.posts.all} (published ${a.posts.publish}, drafts ${a.posts.draft}, pending ${a.posts.pending}, scheduled ${a.posts.future}, private ${a.posts.private}; trash ${a.posts.trash}), pages ${a.pages.all}, attachments ${a.attachments}, categories ${a.categories}, tags ${a.tags}, authors ${a.authors}, comments ${a.comments.all}, menu items ${a.menuItems}`,
      `  expectations: ${r.expectPath}`,
      ...(o.uploadsDir
        ? [`  uploads: ${r.uploads.files} files, ${(r.uploads.bytes / MB).toFixed(1)} MB in ${o.uploadsDir}`]
        : []),
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  console.error(`wp-generate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
