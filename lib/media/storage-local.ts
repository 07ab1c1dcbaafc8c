import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MediaStorage } from './storage';

const isErrno = (e: unknown, ...codes: string[]) =>
  e instanceof Error && codes.includes((e as NodeJS.ErrnoException).code ?? '');

/**
 * Files in one folder, one file per key. A write goes to a hidden temporary file first and is
 * then hard-linked to its name: link() fails when the name exists, so two writers (two requests,
 * or two machines on a shared directory) never replace each other's file and a reader never sees
 * half of one. Hidden names (a leading dot) are never keys, so they are never listed or served.
 */
export function createLocalMediaStorage(dir: string): MediaStorage {
  let made: Promise<unknown> | undefined;
  const file = (key: string) => path.join(dir, key);

  async function stat(key: string) {
    try {
      const s = await fs.stat(file(key));
      return s.isFile() ? { size: s.size } : null;
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return null;
      throw e;
    }
  }

  return {
    kind: 'local',
    description: `local folder ${dir}`,

    async putIfAbsent(key, bytes) {
      const target = file(key);
      made ??= fs.mkdir(dir, { recursive: true });
      await made;
      const temporary = path.join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      await fs.writeFile(temporary, bytes, { flag: 'wx' });
      try {
        await fs.link(temporary, target);
        return true;
      } catch (e) {
        if (isErrno(e, 'EEXIST')) return false;
        // A file system without hard links: check, then rename. Two writers racing here both
        // write the same key, which by construction holds the same bytes either way.
        if (!isErrno(e, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS')) throw e;
        if (await stat(key)) return false;
        await fs.rename(temporary, target);
        return true;
      } finally {
        await fs.rm(temporary, { force: true });
      }
    },

    async get(key) {
      try {
        return await fs.readFile(file(key));
      } catch (e) {
        if (isErrno(e, 'ENOENT', 'EISDIR')) return null;
        throw e;
      }
    },

    stat,

    async list(prefix, options = {}) {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (e) {
        if (isErrno(e, 'ENOENT')) return [];
        throw e;
      }
      const after = options.startAfter ?? '';
      const keys = names
        .filter((n) => n.startsWith(prefix) && !n.startsWith('.') && n > after)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return options.limit === undefined ? keys : keys.slice(0, options.limit);
    },

    async delete(keys) {
      await Promise.all(keys.map((key) => fs.rm(file(key), { force: true })));
    },
  };
}
