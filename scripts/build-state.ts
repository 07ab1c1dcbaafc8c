import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'db', 'lib', 'i18n', 'messages', 'public'];
const SOURCE_FILES = ['next.config.ts', 'proxy.ts', 'package-lock.json', 'postcss.config.mjs'];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** True when the production build is missing or older than any source it is built from. */
export function needsBuild(root: string): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (!built) return true;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((p) => newestMtime(path.join(root, p)) > built);
}
