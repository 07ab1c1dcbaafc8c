import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { insertMedia } from '@/db/mutations/media';
import { media } from '@/db/schema';
import { actionId } from '../helpers/actions';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

/**
 * The library's server actions called straight over HTTP, as an attacker would: the server
 * decides who may change an image, whatever the page shows.
 */
const base = inject('baseURL');
let db: Db;
let accounts: Record<'owner' | 'other' | 'editor', Awaited<ReturnType<typeof signedInUser>>>;
const stamp = Date.now();

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  accounts = {
    owner: await signedInUser(db, 'media-owner', 'writer', 'كاتبة الصورة'),
    other: await signedInUser(db, 'media-other', 'writer', 'كاتب آخر'),
    editor: await signedInUser(db, 'media-ed', 'editor', 'محررة'),
  };
});
afterAll(async () => {
  await db.delete(media).where(eq(media.alt, `صورة صلاحيات ${stamp}`));
  for (const a of Object.values(accounts)) await a.remove();
  await closeDb(db);
});

/** A library row of the owner's (no files: the refused calls never reach them). */
async function ownersImage(): Promise<number> {
  return insertMedia(db, accounts.owner.id, {
    stem: `perm-${stamp}-${Math.random().toString(36).slice(2, 8)}`,
    width: 1440,
    height: 810,
    variantWidths: [480],
    alt: `صورة صلاحيات ${stamp}`,
    caption: '',
    credit: '',
  });
}

/** Posts to the library page, whose screen uses these actions (Next serves an action only there). */
async function call(name: string, args: unknown[], who?: keyof typeof accounts): Promise<string> {
  const res = await fetch(`${base}/admin/media`, {
    method: 'POST',
    headers: {
      'Next-Action': actionId(name),
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: base,
      ...(who ? { Cookie: accounts[who].cookie } : {}),
    },
    body: JSON.stringify(args),
  });
  return res.text();
}
const row = async (id: number) => (await db.select().from(media).where(eq(media.id, id)).limit(1))[0];

describe('media actions enforce who may change an image', () => {
  it.each([undefined, 'other'] as const)('refuses edits, focal moves and deletes as %s', async (who) => {
    const id = await ownersImage();
    expect(await call('updateMediaTextAction', [{ id, alt: 'مخترق', caption: '', credit: '' }], who)).toMatch(
      /"error":"(session|forbidden)"/,
    );
    expect(await call('setFocalPointAction', [{ id, x: 0.1, y: 0.1 }], who)).toMatch(
      /"error":"(session|forbidden)"/,
    );
    expect(await call('deleteMediaAction', [id], who)).toMatch(/"error":"(session|forbidden)"/);
    expect(await row(id)).toMatchObject({ alt: `صورة صلاحيات ${stamp}`, focalX: null });
  });

  it.each(['owner', 'editor'] as const)(
    'lets %s correct the text and delete the unused image',
    async (who) => {
      const id = await ownersImage();
      const alt = `صورة صلاحيات ${stamp}`;
      expect(
        await call('updateMediaTextAction', [{ id, alt, caption: `صححها ${who}`, credit: '' }], who),
      ).toContain('"ok":true');
      expect((await row(id))?.caption).toBe(`صححها ${who}`);
      // Empty alt text is refused with its reason, and nothing changes.
      expect(await call('updateMediaTextAction', [{ id, alt: ' ', caption: '', credit: '' }], who)).toContain(
        '"reason":"alt"',
      );
      expect(await call('deleteMediaAction', [id], who)).toContain('"ok":true');
      expect(await row(id)).toBeUndefined();
    },
  );
});
