import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft } from '@/db/mutations/articles';
import { getArticleForEdit } from '@/db/queries/newsroom';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articleLocks, articles, revisions } from '@/db/schema';
import { articleDraftSchema } from '@/lib/articles/input';
import { callAction } from '../helpers/actions';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

/** The lock and unsaved-copy actions, and the stale-save answer, called over HTTP as each role. */
const base = inject('baseURL');
let db: Db;
let owner: Awaited<ReturnType<typeof signedInUser>>;
let writer: Awaited<ReturnType<typeof signedInUser>>;
let editor: Awaited<ReturnType<typeof signedInUser>>;
const made: number[] = [];
const TOKEN = 'matrix-token-0123456789abcdef';

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  owner = await signedInUser(db, 'lock-owner', 'writer', 'صاحبة الخبر');
  writer = await signedInUser(db, 'lock-writer', 'writer', 'كاتب آخر');
  editor = await signedInUser(db, 'lock-editor', 'editor', 'محررة');
});

afterAll(async () => {
  if (made.length) await db.delete(articles).where(inArray(articles.id, made));
  for (const u of [owner, writer, editor]) await u.remove();
  await closeDb(db);
});

async function ownersDraft(): Promise<number> {
  const { id } = await createDraft(
    db,
    owner.id,
    articleFields({
      title: `مسودة لاختبار الأقفال ${Date.now()}`,
      sectionId: (await getSectionBySlug(db, 'local'))!.id,
      authorIds: [owner.id],
    }),
  );
  made.push(id);
  return id;
}

const lockOf = async (id: number) =>
  (await db.select().from(articleLocks).where(eq(articleLocks.articleId, id)).limit(1))[0];
const copy = {
  title: 'نص لم يحفظ',
  slug: '',
  dek: '',
  body: '<p>س</p>',
  sectionId: 0,
  tags: [],
  heroMediaId: null,
  sourceOutlet: '',
  sourceAgency: '',
};

describe('who may lock a story and keep an unsaved copy', () => {
  it('refuses a logged-out caller and a writer on someone else’s draft; allows the author and editors', async () => {
    const id = await ownersDraft();
    for (const name of ['heartbeatLockAction', 'takeOverLockAction'])
      expect(await callAction(base, name, [id, TOKEN])).toContain('"error":"session"');
    expect(await callAction(base, 'heartbeatLockAction', [id, TOKEN], writer.cookie)).toContain(
      '"error":"forbidden"',
    );
    expect(await callAction(base, 'takeOverLockAction', [id, TOKEN], writer.cookie)).toContain(
      '"error":"forbidden"',
    );
    expect(await callAction(base, 'keepUnsavedCopyAction', [id, copy, 'takenOver'], writer.cookie)).toContain(
      '"error":"forbidden"',
    );
    expect(await lockOf(id)).toBeUndefined();
    expect(
      await db
        .select()
        .from(revisions)
        .where(and(eq(revisions.articleId, id), eq(revisions.kind, 'unsaved'))),
    ).toEqual([]);

    expect(await callAction(base, 'heartbeatLockAction', [id, TOKEN], owner.cookie)).toContain('"held":true');
    expect((await lockOf(id))?.userId).toBe(owner.id);
    expect(await callAction(base, 'heartbeatLockAction', [id, 'bad token!'], editor.cookie)).toContain(
      '"error":"invalid"',
    );
    expect(await callAction(base, 'takeOverLockAction', [id, `${TOKEN}-2`], editor.cookie)).toContain(
      '"held":true',
    );
    expect((await lockOf(id))?.userId).toBe(editor.id);
    expect(await callAction(base, 'keepUnsavedCopyAction', [id, copy, 'takenOver'], owner.cookie)).toContain(
      '"ok":true',
    );
  });

  it('the release route refuses other sites and logged-out callers, and frees only the caller’s own tab', async () => {
    const id = await ownersDraft();
    await callAction(base, 'heartbeatLockAction', [id, TOKEN], owner.cookie);
    const release = (headers: Record<string, string>, token = TOKEN) =>
      fetch(`${base}/api/locks/release`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ articleId: id, token }),
      });
    expect((await release({ Origin: 'https://evil.example', Cookie: owner.cookie })).status).toBe(403);
    expect((await release({ Origin: base })).status).toBe(401);
    expect((await release({ Origin: base, Cookie: owner.cookie }, `${TOKEN}-other`)).status).toBe(204);
    expect((await lockOf(id))?.token).toBe(TOKEN);
    expect((await release({ Origin: base, Cookie: owner.cookie })).status).toBe(204);
    expect(await lockOf(id)).toBeUndefined();
  });

  it('a save without its version, or from an old one, writes nothing and answers with the current copy', async () => {
    const id = await ownersDraft();
    const story = (await getArticleForEdit(db, id))!;
    const input: Record<string, unknown> = {
      ...story,
      title: 'عنوان من نسخة قديمة',
      breakingUntil: '',
      seoTitle: '',
      seoDescription: '',
      translation: '',
    };
    const keys = Object.keys(articleDraftSchema.shape);
    const pick = (over: Record<string, unknown>) =>
      Object.fromEntries(keys.map((k) => [k, { ...input, ...over }[k]]));
    expect(
      await callAction(base, 'saveArticleAction', [pick({ version: undefined })], owner.cookie),
    ).toContain('"error":"invalid"');
    await db
      .update(articles)
      .set({ version: story.version + 1 })
      .where(eq(articles.id, id));
    const answer = await callAction(
      base,
      'saveArticleAction',
      [pick({ version: story.version })],
      owner.cookie,
    );
    expect(answer).toContain('"error":"conflict"');
    expect(answer).toContain(`"version":${story.version + 1}`);
    expect(answer).toContain(story.title);
    expect((await getArticleForEdit(db, id))!.title).toBe(story.title);
  });
});
