import fs from 'node:fs';
import path from 'node:path';

/** The stem an upload gets (app/api/media/route.ts): `u` + base-36 time + 8 hex digits. */
const UPLOAD_FILE = /^(u[0-9a-z]+-[0-9a-f]{8})-/;

/**
 * An upload writes its files first and its row last, so a crash in between (kill -9, power)
 * leaves files that no row names: the upload never got its answer. Run at start, before any
 * request, they are removed so no such file is ever served. Returns how many were removed.
 */
export function removeOrphanUploads(mediaDir: string, stems: Set<string>): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(mediaDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const stem = UPLOAD_FILE.exec(name)?.[1];
    if (!stem || stems.has(stem)) continue;
    fs.rmSync(path.join(mediaDir, name), { force: true });
    removed += 1;
  }
  return removed;
}
