import path from 'node:path';

/** Settings come from the environment, with safe defaults for a single machine. */
export function getDataDir(): string {
  // Runtime data, not code: the build's file tracer must not follow this path (it would take in
  // the whole project).
  return path.resolve(
    /* turbopackIgnore: true */ process.env.DATA_DIR ||
      path.join(/* turbopackIgnore: true */ process.cwd(), 'data'),
  );
}

export function getDatabasePath(): string {
  return path.join(getDataDir(), 'midad.db');
}

export function getMediaDir(): string {
  return path.join(getDataDir(), 'media');
}

export function getSiteUrl(): string {
  const fallback = `http://localhost:${process.env.PORT || 3000}`;
  return (process.env.SITE_URL || fallback).replace(/\/+$/, '');
}

/** Newsroom time zone: dates are shown in it on server and client alike. */
export const SITE_TIME_ZONE = process.env.SITE_TIME_ZONE || 'Asia/Damascus';
