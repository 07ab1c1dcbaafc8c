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

/** Where media files live: this machine's disk (the default, also right for a shared directory) or an S3 bucket. */
export type MediaStorageSettings =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      /** Absent: Amazon S3 itself, found from the region. */
      endpoint?: string;
      /** Absent: the SDK's own chain (instance role, shared credentials file). Never logged. */
      credentials?: { accessKeyId: string; secretAccessKey: string };
      /** Keys per list request: S3's maximum, 1000, unless a server (or a test) wants fewer. */
      pageSize?: number;
    };

/**
 * `MEDIA_STORAGE=s3` with `S3_BUCKET` (and `S3_ENDPOINT`, `S3_REGION`, `S3_ACCESS_KEY_ID`,
 * `S3_SECRET_ACCESS_KEY` as needed) selects a bucket; anything missing stops the start with the
 * names of the variables, never their values.
 */
export function getMediaStorageSettings(
  env: Record<string, string | undefined> = process.env,
): MediaStorageSettings {
  const kind = (env.MEDIA_STORAGE || 'local').trim().toLowerCase();
  if (kind === 'local') return { kind: 'local', dir: getMediaDir() };
  if (kind !== 's3') throw new Error('MEDIA_STORAGE must be "local" (the default) or "s3"');
  if (!env.S3_BUCKET) throw new Error('MEDIA_STORAGE=s3 needs S3_BUCKET');
  const accessKeyId = env.S3_ACCESS_KEY_ID ?? '';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? '';
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new Error('MEDIA_STORAGE=s3 needs both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  if (env.S3_ENDPOINT && !/^https?:\/\/[^/]/.test(env.S3_ENDPOINT))
    throw new Error('S3_ENDPOINT must be an http:// or https:// address');
  return {
    kind: 's3',
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || 'us-east-1',
    endpoint: env.S3_ENDPOINT || undefined,
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : undefined,
  };
}

export function getSiteUrl(): string {
  const fallback = `http://localhost:${process.env.PORT || 3000}`;
  return (process.env.SITE_URL || fallback).replace(/\/+$/, '');
}

/** Newsroom time zone: dates are shown in it on server and client alike. */
export const SITE_TIME_ZONE = process.env.SITE_TIME_ZONE || 'Asia/Damascus';
