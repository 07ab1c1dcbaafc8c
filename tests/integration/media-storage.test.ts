import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMediaDir, getMediaStorageSettings } from '@/lib/config';
import { removeOrphanUploads } from '@/lib/media/orphans';
import { createMediaStorage, MediaStorageError, type MediaStorage } from '@/lib/media/storage';
import { uploadStem, uploadTimeOf } from '@/lib/media/upload';
import { startS3Server } from '../helpers/s3-server';

/** One contract, run against each adapter: what the media code relies on, whatever keeps the files. */
const adapters: [string, () => Promise<{ storage: MediaStorage; close: () => Promise<void> }>][] = [
  [
    'local disk',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-storage-'));
      return {
        storage: createMediaStorage({ kind: 'local', dir: path.join(dir, 'media') }),
        close: async () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'S3 (s3rver on 127.0.0.1)',
    async () => {
      const server = await startS3Server();
      // Pages of 7 keys: the paging of a long listing is exercised without writing 1000 keys.
      return { storage: createMediaStorage({ ...server.settings, pageSize: 7 }), close: server.stop };
    },
  ],
];

describe.each(adapters)('media storage on %s', (_name, open) => {
  let storage: MediaStorage;
  let close: () => Promise<void>;
  beforeAll(async () => ({ storage, close } = await open()));
  afterAll(() => close());

  it('gives back exactly the bytes it was given, every byte value included', async () => {
    const bytes = Buffer.concat([Buffer.from([...Array(256).keys()]), randomBytes(300_000)]);
    expect(await storage.putIfAbsent('trip-480.webp', bytes)).toBe(true);
    const back = await storage.get('trip-480.webp');
    expect(back?.equals(bytes)).toBe(true);
    expect(await storage.stat('trip-480.webp')).toEqual({ size: bytes.length });
  });

  it('never overwrites: a second write of a taken key keeps the first bytes', async () => {
    expect(await storage.putIfAbsent('once-960.webp', Buffer.from('first'))).toBe(true);
    expect(await storage.putIfAbsent('once-960.webp', Buffer.from('second, longer'))).toBe(false);
    expect((await storage.get('once-960.webp'))?.toString()).toBe('first');
  });

  it('answers null for a key it does not hold', async () => {
    expect(await storage.get('never-480.webp')).toBeNull();
    expect(await storage.stat('never-480.webp')).toBeNull();
  });

  it('lists keys by prefix in byte order, after a key and up to a limit', async () => {
    for (const key of ['list-b-1.webp', 'list-a-2.webp', 'list-a-1.webp', 'other-1.webp'])
      await storage.putIfAbsent(key, Buffer.from(key));
    expect(await storage.list('list-')).toEqual(['list-a-1.webp', 'list-a-2.webp', 'list-b-1.webp']);
    expect(await storage.list('list-a')).toEqual(['list-a-1.webp', 'list-a-2.webp']);
    expect(await storage.list('list-', { startAfter: 'list-a-1.webp', limit: 1 })).toEqual(['list-a-2.webp']);
    expect(await storage.list('nothing-')).toEqual([]);
  });

  it('lists a listing longer than one page, whole or up to a limit', async () => {
    const keys = [...Array(23).keys()].map((i) => `page-${String(i).padStart(2, '0')}.webp`);
    await Promise.all(keys.map((k) => storage.putIfAbsent(k, Buffer.from('x'))));
    expect(await storage.list('page-')).toEqual(keys);
    expect(await storage.list('page-', { limit: 15 })).toEqual(keys.slice(0, 15));
    expect(await storage.list('page-', { startAfter: 'page-03.webp', limit: 9 })).toEqual(keys.slice(4, 13));
  });

  it('deletes keys, one it never held included, and can store them anew', async () => {
    await storage.putIfAbsent('gone-1.webp', Buffer.from('a'));
    await storage.putIfAbsent('gone-2.webp', Buffer.from('b'));
    await storage.delete(['gone-1.webp', 'gone-2.webp', 'gone-3.webp']);
    expect(await storage.list('gone-')).toEqual([]);
    expect(await storage.get('gone-1.webp')).toBeNull();
    expect(await storage.putIfAbsent('gone-1.webp', Buffer.from('again'))).toBe(true);
  });

  it('refuses keys that are not one flat file name', async () => {
    for (const key of ['../escape.webp', 'a/b.webp', '.hidden.webp', 'UPPER.webp', 'no-extension', ''])
      await expect(storage.putIfAbsent(key, Buffer.from('x')), key).rejects.toThrow(/not a media key/);
    await expect(storage.get('../../etc/passwd')).rejects.toThrow(/not a media key/);
  });

  it('removes the files of cut-off uploads (no row), keeps those with a row and, when asked, recent ones', async () => {
    const now = Date.now();
    const stem = (ago: number, seed: string) => uploadStem(Buffer.from(seed), now - ago);
    const kept = stem(60 * 60_000, 'kept');
    const orphan = stem(60 * 60_000, 'orphan');
    const fresh = stem(60_000, 'fresh');
    const ancient = stem(30 * 24 * 3_600_000, 'ancient');
    for (const s of [kept, orphan, fresh, ancient])
      for (const suffix of ['480.webp', '16x9.webp'])
        await storage.putIfAbsent(`${s}-${suffix}`, Buffer.from(s));
    expect(uploadTimeOf(`${fresh}-480.webp`)).toBe(now - 60_000);
    // As on a bucket: ten minutes' grace, two days back.
    const bounded = { now, graceMs: 10 * 60_000, lookbackMs: 2 * 24 * 3_600_000 };
    expect(await removeOrphanUploads(storage, new Set([kept]), bounded)).toBe(2);
    const left = await storage.list('u');
    expect(left.filter((k) => k.startsWith(orphan))).toEqual([]);
    for (const s of [kept, fresh, ancient]) expect(left.filter((k) => k.startsWith(s))).toHaveLength(2);
    // As on local disk: everything without a row, at once.
    expect(await removeOrphanUploads(storage, new Set([kept]), { now })).toBe(4);
    expect(await storage.list('u')).toEqual([`${kept}-16x9.webp`, `${kept}-480.webp`]);
  });
});

describe('choosing the media storage', () => {
  it('is the local media folder unless MEDIA_STORAGE=s3', () => {
    expect(getMediaStorageSettings({})).toEqual({ kind: 'local', dir: getMediaDir() });
    expect(getMediaStorageSettings({ MEDIA_STORAGE: 'local' })).toEqual({
      kind: 'local',
      dir: getMediaDir(),
    });
  });

  it('reads the bucket from S3_* and never prints the secret', () => {
    const env = {
      MEDIA_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_BUCKET: 'news-media',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'very-secret-value',
    };
    const settings = getMediaStorageSettings(env);
    expect(settings).toMatchObject({ kind: 's3', bucket: 'news-media', region: 'us-east-1' });
    const storage = createMediaStorage(settings);
    expect(storage.description).toBe('S3 bucket news-media at http://127.0.0.1:9000');
    expect(storage.description).not.toContain('AKIDEXAMPLE');
    expect(() => getMediaStorageSettings({ ...env, S3_SECRET_ACCESS_KEY: '' })).toThrow(
      'MEDIA_STORAGE=s3 needs both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither',
    );
    expect(() => getMediaStorageSettings({ MEDIA_STORAGE: 's3' })).toThrow(
      'MEDIA_STORAGE=s3 needs S3_BUCKET',
    );
    expect(() => getMediaStorageSettings({ MEDIA_STORAGE: 'ftp' })).toThrow(
      /"local" \(the default\) or "s3"/,
    );
  });

  it('turns an unreachable bucket into a MediaStorageError that names no secret', async () => {
    const storage = createMediaStorage({
      kind: 's3',
      bucket: 'news-media',
      region: 'us-east-1',
      // Port 1 on loopback: nothing listens, the connection is refused at once.
      endpoint: 'http://127.0.0.1:1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'very-secret-value' },
    });
    const failure = await storage.get('any-480.webp').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MediaStorageError);
    expect(String((failure as Error).message)).not.toContain('very-secret-value');
  });
});
