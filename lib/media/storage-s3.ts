import type { S3Client } from '@aws-sdk/client-s3';
import type { MediaStorageSettings } from '@/lib/config';
import type { MediaStorage } from './storage';

type S3Settings = Extract<MediaStorageSettings, { kind: 's3' }>;

const statusOf = (e: unknown) =>
  (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

/** S3 answers at most 1000 keys a page and deletes at most 1000 keys a call. */
const MAX_PAGE = 1000;

/**
 * An S3-compatible bucket, addressed path-style (`{endpoint}/{bucket}/{key}`), which every
 * S3-compatible server understands. The SDK is loaded on first use, so a site on local disk
 * never loads it.
 *
 * Put-if-absent: a HEAD first (which also spares an upload of bytes already there), then a PUT
 * with `If-None-Match: *`, which Amazon S3 and most current servers refuse with 412 when the key
 * exists. A server that ignores the header (s3rver, older MinIO) leaves a race between the HEAD
 * and the PUT: two writers of one key may both write. Keys are content-addressed, so both write
 * the same bytes and the key still never changes content.
 */
export function createS3MediaStorage(settings: S3Settings): MediaStorage {
  const { bucket } = settings;
  const page = Math.min(MAX_PAGE, settings.pageSize ?? MAX_PAGE);
  let client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;
  const connect = () =>
    (client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: true,
        credentials: settings.credentials,
        // Checksums only where S3 requires them: many S3-compatible servers predate the
        // integrity checksums the SDK now adds to every request by default.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // A stalled bucket answers a reader with an error, not with a request that never ends.
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
      }),
    })));

  async function stat(key: string) {
    const { s3, sdk } = await connect();
    try {
      const head = await s3.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? 0 };
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  return {
    kind: 's3',
    description: `S3 bucket ${bucket}${settings.endpoint ? ` at ${new URL(settings.endpoint).origin}` : ''}`,

    async putIfAbsent(key, bytes) {
      if (await stat(key)) return false;
      const { s3, sdk } = await connect();
      try {
        await s3.send(
          new sdk.PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: bytes,
            IfNoneMatch: '*',
            ContentType: key.endsWith('.webp') ? 'image/webp' : 'application/octet-stream',
            CacheControl: 'public, max-age=31536000, immutable',
          }),
        );
        return true;
      } catch (e) {
        // 412: the key exists. 409: another conditional write of it is under way and will land.
        if (statusOf(e) === 412 || statusOf(e) === 409) return false;
        throw e;
      }
    },

    async get(key) {
      const { s3, sdk } = await connect();
      try {
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (e) {
        if (statusOf(e) === 404) return null;
        throw e;
      }
    },

    stat,

    async list(prefix, options = {}) {
      const { s3, sdk } = await connect();
      const keys: string[] = [];
      const limit = options.limit ?? Infinity;
      let token: string | undefined;
      do {
        const answer = await s3.send(
          new sdk.ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            StartAfter: token ? undefined : options.startAfter,
            ContinuationToken: token,
            MaxKeys: Math.min(page, limit - keys.length),
          }),
        );
        for (const o of answer.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = answer.IsTruncated ? answer.NextContinuationToken : undefined;
      } while (token && keys.length < limit);
      return keys;
    },

    async delete(keys) {
      if (keys.length === 0) return;
      const { s3, sdk } = await connect();
      for (let i = 0; i < keys.length; i += MAX_PAGE) {
        const done = await s3.send(
          new sdk.DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: keys.slice(i, i + MAX_PAGE).map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = (done.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
        if (failed.length)
          throw new Error(`S3 refused to delete ${failed.length} key(s): ${failed[0]!.Code}`);
      }
    },
  };
}
