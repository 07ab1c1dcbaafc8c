/**
 * `npm run import:media [-- --media-dir wp-content/uploads] [--limit N]`: fetches the images an
 * import left pending (featured images and images in bodies), a few at a time; safe to stop and
 * run again — it picks up where it left off.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeProcessDb, prepareDatabase } from '@/db/client';
import { runImportMedia } from '@/lib/import/wordpress/media-job';
import { getMediaStorage } from '@/lib/media/storage';

const { values } = parseArgs({
  options: { 'media-dir': { type: 'string' }, limit: { type: 'string' }, source: { type: 'string' } },
});
const mediaDir = values['media-dir'];
if (mediaDir && !fs.existsSync(mediaDir)) {
  console.error(`import: no such folder: ${mediaDir}`);
  process.exit(2);
}
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
  console.error('import: --limit must be a positive whole number');
  process.exit(2);
}

async function main() {
  const db = await prepareDatabase();
  const started = Date.now();
  const result = await runImportMedia(db, {
    source: values.source ?? null,
    storage: getMediaStorage(),
    mediaDir,
    limit,
    log: (line) => console.log(`import: ${line}`),
  });
  await closeProcessDb();
  console.log(
    `import: images: ${result.done} stored, ${result.failed} failed, ${result.pending} still pending (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

void main().catch((error: unknown) => {
  console.error(`import: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
