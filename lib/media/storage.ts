import { getMediaStorageSettings, type MediaStorageSettings } from '@/lib/config';
import { createLocalMediaStorage } from './storage-local';
import { createS3MediaStorage } from './storage-s3';

/**
 * Where image files are kept, by flat key (`{stem}-960.webp`). Keys are content-addressed: an
 * upload's stem carries its time and a hash of its bytes, and every derived name adds the inputs
 * it was made from (width, ratio, focal point), so a key never has to hold other bytes. Writes are
 * therefore put-if-absent and nothing is ever overwritten; delete exists for a deleted image and
 * for cut-off uploads.
 */
export interface MediaStorage {
  readonly kind: 'local' | 's3';
  /** Which storage this is, for the start line: never a secret. */
  readonly description: string;
  /** Stores `bytes` under `key` unless the key is taken; true when this call stored them. */
  putIfAbsent(key: string, bytes: Uint8Array): Promise<boolean>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** The size under `key`, or null when there is nothing. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Keys that begin with `prefix`, in byte order, after `startAfter`, at most `limit` (else all). */
  list(prefix: string, options?: { startAfter?: string; limit?: number }): Promise<string[]>;
  /** Removes the keys; one already gone is not an error. */
  delete(keys: string[]): Promise<void>;
}

/** A key is one flat, lower-case file name: no folders, nothing a path or a URL would read twice. */
export const MEDIA_KEY = /^[a-z0-9][a-z0-9-]{0,150}\.[a-z0-9]{1,8}$/;

/**
 * The storage could not be reached or refused a request: a reason to answer 503 and try again,
 * unlike an image that cannot be decoded. The message is the adapter's, which names no secret.
 */
export class MediaStorageError extends Error {
  constructor(cause: unknown) {
    super(`media storage: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MediaStorageError';
  }
}

/** Runs one adapter call for `keys`, each checked first, its failure a MediaStorageError. */
async function guarded<T>(keys: string[], work: () => Promise<T>): Promise<T> {
  for (const key of keys)
    if (!MEDIA_KEY.test(key)) throw new Error(`not a media key: ${JSON.stringify(key.slice(0, 40))}`);
  try {
    return await work();
  } catch (e) {
    throw new MediaStorageError(e);
  }
}

/** The adapter for `settings`, behind one check of every key and one kind of error. */
export function createMediaStorage(settings: MediaStorageSettings): MediaStorage {
  const adapter =
    settings.kind === 's3' ? createS3MediaStorage(settings) : createLocalMediaStorage(settings.dir);
  return {
    kind: adapter.kind,
    description: adapter.description,
    putIfAbsent: (key, bytes) => guarded([key], () => adapter.putIfAbsent(key, bytes)),
    get: (key) => guarded([key], () => adapter.get(key)),
    stat: (key) => guarded([key], () => adapter.stat(key)),
    list: (prefix, options) => guarded([], () => adapter.list(prefix, options)),
    delete: (keys) => guarded(keys, () => adapter.delete(keys)),
  };
}

let chosen: MediaStorage | undefined;

/** The storage this process uses, chosen once from the environment (lib/config.ts). */
export function getMediaStorage(): MediaStorage {
  chosen ??= createMediaStorage(getMediaStorageSettings());
  return chosen;
}
