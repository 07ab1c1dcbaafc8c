import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Test support. The demo seed draws the same two dozen illustrations into every test database,
 * and encoding them with sharp was most of a seeded test file's time. When a test run names a
 * folder in MIDAD_TEST_IMAGE_MEMO (tests/helpers/test-db.ts does, around the seed only), each
 * derived image is kept there under a hash of its source and recipe and read back the next time
 * the same bytes are asked for. The folder lives for one run, so a change to the code that makes
 * the images can never be hidden by an old copy. Unset, as in production, `make` simply runs.
 */
export async function memoImage(
  /** The source bytes, or the path of the file holding them. */
  source: Buffer | string,
  /** Everything besides the source that changes the output, within one version of the code. */
  recipe: unknown,
  make: () => Promise<Buffer>,
): Promise<Buffer> {
  const dir = process.env.MIDAD_TEST_IMAGE_MEMO;
  if (!dir) return make();
  const bytes = typeof source === 'string' ? await fs.readFile(source) : source;
  const key = createHash('sha256').update(bytes).update(JSON.stringify(recipe)).digest('hex');
  const file = path.join(dir, key);
  const kept = await fs.readFile(file).catch(() => null);
  if (kept) return kept;
  const made = await make();
  await fs.mkdir(dir, { recursive: true });
  // Two test workers may make the same image at once: each renames a whole file into place.
  const temporary = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(temporary, made);
  await fs.rename(temporary, file);
  return made;
}
