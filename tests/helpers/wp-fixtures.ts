import fs from 'node:fs';
import path from 'node:path';

/**
 * The WordPress export fixtures (real exports with personal data and unclear licences, so they
 * live beside the repository, never in it): MIDAD_WP_FIXTURES, else ../shared/fixtures from the
 * checkout, else the shared folder of this machine. Null when none exists; tests that need them
 * skip, and say so.
 */
function findFixtures(): string | null {
  const candidates = [
    process.env.MIDAD_WP_FIXTURES,
    path.resolve(process.cwd(), '../shared/fixtures'),
    '/work/shared/fixtures',
  ];
  for (const dir of candidates) {
    if (
      dir &&
      fs.existsSync(path.join(dir, 'wordpress-real')) &&
      fs.existsSync(path.join(dir, 'wordpress-importer'))
    )
      return dir;
  }
  return null;
}

export const WP_FIXTURES = findFixtures();

/** A file of ../shared/fixtures/wordpress-real/. */
export const realExport = (name: string) => path.join(WP_FIXTURES ?? '', 'wordpress-real', name);
/** A file of ../shared/fixtures/wordpress-importer/ (WordPress's own importer test data). */
export const importerExport = (name: string) => path.join(WP_FIXTURES ?? '', 'wordpress-importer', name);
