import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { inviteUser } from '@/db/mutations/account-tokens';
import {
  WorkflowError,
  addCorrection,
  createDraft,
  moveArticlesToSection,
  publishDueArticles,
  restoreFromTrash,
  transitionArticle,
  updateArticle,
  type ArticleFields,
} from '@/db/mutations/articles';
import { heartbeatLock } from '@/db/mutations/edit-locks';
import { deleteMedia, insertMedia, setMediaFocalPoint, updateMediaText } from '@/db/mutations/media';
import { OUTBOX_KEEP_ROWS, instanceId, openOutbox } from '@/db/mutations/outbox';
import { saveStaticPage } from '@/db/mutations/pages';
import { insertSession, recordLoginFailure } from '@/db/mutations/sessions';
import { saveSettings } from '@/db/mutations/settings';
import { SlugTakenError, deleteTag, mergeTags, saveSection, saveTag } from '@/db/mutations/taxonomy';
import {
  createUser,
  setUserDisabled,
  setUserPassword,
  setUserRole,
  updateUserProfile,
} from '@/db/mutations/users';
import { addArticleViews } from '@/db/mutations/views';
import { readOutbox } from '@/db/change-feed';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { ensureSearchIndex, rebuildSearchIndex } from '@/db/search/maintain';
import { articles, cacheInvalidations, media, sections, tags, users } from '@/db/schema';
import { writeTx } from '@/db/tx';
import { CACHE_TAGS } from '@/lib/cache-tags';
import { followOutbox, type OutboxPosition } from '@/lib/page-cache/change-gate';
import { changingArticles } from '@/lib/server/invalidation';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

/**
 * The outbox of page-cache invalidations (issue 12 item 8, issue 13 item 3): every write that
 * changes what readers see records, in its own transaction, the tags of the pages it changed, and
 * another instance following the outbox invalidates exactly those — everything only when a change
 * came without a row. Views, sessions and locks record nothing and invalidate nothing.
 */
let t: Awaited<ReturnType<typeof createSeededDb>>;
let db: Db;
let editorId: number;
let localId: number;
let economyId: number;

beforeAll(async () => {
  t = await createSeededDb({ articles: 40 });
  db = t.db;
  editorId = (await db.select({ id: users.id }).from(users).where(eq(users.slug, 'rana-haddad')))[0]!.id;
  localId = (await getSectionBySlug(db, 'local'))!.id;
  economyId = (await getSectionBySlug(db, 'economy'))!.id;
});
afterAll(() => t.cleanup());

const ANOTHER_INSTANCE = 'another-instance';

async function position(on: Db = db): Promise<OutboxPosition> {
  const read = await readOutbox(on, Number.MAX_SAFE_INTEGER, 0);
  return { lastId: read.newestId ?? 0, contentVersion: read.contentVersion };
}

/**
 * Runs a change and reports what it wrote to the outbox and what another instance, following
 * it from just before, would invalidate (`null`: nothing; `{ all: true }`: every page).
 */
async function follow(change: () => unknown, on: Db = db) {
  const at = await position(on);
  let error: unknown = null;
  try {
    await change();
  } catch (e) {
    error = e;
  }
  return since(at, error, on);
}

async function since(at: OutboxPosition, error: unknown, on: Db) {
  const read = await readOutbox(on, at.lastId);
  const seen = followOutbox(at, read, ANOTHER_INSTANCE).invalidation;
  return {
    rows: read.rows,
    seen,
    tags: seen && 'tags' in seen ? seen.tags : [],
    error,
  };
}

function fields(title: string, extra: Partial<ArticleFields> = {}): ArticleFields {
  return articleFields({ title, sectionId: localId, authorIds: [editorId], ...extra });
}

async function publishedStory(title: string, extra: Partial<ArticleFields> = {}) {
  const { id } = await createDraft(db, editorId, fields(title, extra));
  await transitionArticle(db, editorId, id, 'publish');
  return id;
}

describe('articles: each change records the pages it changed, in its transaction', () => {
  it('a new draft explains its change but invalidates nothing', async () => {
    const r = await follow(() => createDraft(db, editorId, fields('مسودة لا يراها أحد')));
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.origin).toBe(instanceId());
    expect(r.seen).toBeNull();
  });

  it('publishing puts the story in every page (the ticker: layout) and in its listings', async () => {
    const { id } = await createDraft(db, editorId, fields('خبر ينشر الآن'));
    const r = await follow(() => transitionArticle(db, editorId, id, 'publish'));
    expect(r.tags).toEqual(
      expect.arrayContaining([CACHE_TAGS.layout, CACHE_TAGS.home, CACHE_TAGS.latest, CACHE_TAGS.feeds]),
    );
  });

  it('an edit of a live story reaches its pages, the feeds and search, not every page', async () => {
    const id = await publishedStory('خبر يعدل بعد نشره');
    const r = await follow(() =>
      updateArticle(db, editorId, id, fields('خبر يعدل بعد نشره', { body: '<p>جديد</p>' })),
    );
    expect(r.tags).toEqual(
      expect.arrayContaining([CACHE_TAGS.article(id), CACHE_TAGS.feeds, CACHE_TAGS.search]),
    );
    expect(r.tags).not.toContain(CACHE_TAGS.layout);
  });

  it('unpublishing and deleting take it out of its listings; restoring records too', async () => {
    const id = await publishedStory('خبر يسحب ثم يحذف');
    const out = await follow(() => transitionArticle(db, editorId, id, 'unpublish'));
    expect(out.tags).toEqual(
      expect.arrayContaining([
        CACHE_TAGS.article(id),
        CACHE_TAGS.home,
        CACHE_TAGS.latest,
        CACHE_TAGS.section('local'),
        CACHE_TAGS.author('rana-haddad'),
      ]),
    );
    await transitionArticle(db, editorId, id, 'publish');
    const gone = await follow(() => transitionArticle(db, editorId, id, 'delete'));
    expect(gone.tags).toContain(CACHE_TAGS.article(id));
    const back = await follow(() => restoreFromTrash(db, editorId, id));
    expect(back.rows).toHaveLength(1);
    expect(back.seen).toBeNull(); // back as a draft: nothing readers see changed
  });

  it('a scheduled story going live, a correction and a section move', async () => {
    const { id } = await createDraft(db, editorId, fields('خبر مجدول'));
    const soon = new Date(Date.now() + 60_000);
    await transitionArticle(db, editorId, id, 'schedule', { at: soon });
    const due = await follow(() => publishDueArticles(db, new Date(soon.getTime() + 1000)));
    expect(due.tags).toEqual(expect.arrayContaining([CACHE_TAGS.layout, CACHE_TAGS.latest]));

    const live = await publishedStory('خبر يصحح وينقل');
    const corrected = await follow(() => addCorrection(db, editorId, live, 'صحح الاسم'));
    expect(corrected.tags).toContain(CACHE_TAGS.article(live));
    const moved = await follow(() => moveArticlesToSection(db, editorId, [live], economyId));
    expect(moved.tags).toEqual(
      expect.arrayContaining([CACHE_TAGS.section('local'), CACHE_TAGS.section('economy')]),
    );
  });

  it('linking a translation reaches the other edition’s story too', async () => {
    const ar = await publishedStory('خبر له ترجمة');
    const en = await publishedStory('A story with a translation', {
      locale: 'en',
      slug: 'a-story-with-a-translation',
    });
    const r = await follow(() =>
      updateArticle(
        db,
        editorId,
        en,
        fields('A story with a translation', {
          locale: 'en',
          slug: 'a-story-with-a-translation',
          translationId: ar,
        }),
      ),
    );
    expect(r.tags).toEqual(expect.arrayContaining([CACHE_TAGS.article(ar), CACHE_TAGS.article(en)]));
  });

  it('a refused change writes no row: a wrong transition, a stale save', async () => {
    const id = await publishedStory('خبر يرفض تغييره');
    const wrong = await follow(() => transitionArticle(db, editorId, id, 'submit'));
    expect(wrong.error).toBeInstanceOf(WorkflowError);
    const stale = await follow(() =>
      updateArticle(db, editorId, id, { ...fields('خبر يرفض تغييره'), expectedVersion: 1 }),
    );
    expect(stale.error).toBeTruthy();
    for (const r of [wrong, stale]) expect([r.rows, r.seen]).toEqual([[], null]);
  });

  it('the row shares the change’s transaction: a change rolled back after recording leaves none', async () => {
    const { id } = await createDraft(db, editorId, fields('خبر يلغى نشره في المعاملة'));
    const r = await follow(() =>
      changingArticles(db, [id], async (tx) => {
        await transitionArticle(tx, editorId, id, 'publish');
        throw new Error('the action fails after the publish');
      }),
    );
    expect(r.error).toBeInstanceOf(Error);
    expect([r.rows, r.seen]).toEqual([[], null]);
    expect(
      (await db.select({ status: articles.status }).from(articles).where(eq(articles.id, id)))[0]!.status,
    ).toBe('draft');
  });
});

describe('taxonomy, settings, pages, media and bylines', () => {
  it('sections and tags', async () => {
    const section = await follow(() =>
      saveSection(db, editorId, null, {
        slug: 'science',
        nameAr: 'علوم',
        nameEn: 'Science',
        parentId: null,
        position: 9,
      }),
    );
    expect(section.tags).toEqual([CACHE_TAGS.layout]);
    const taken = await follow(() =>
      saveSection(db, editorId, null, {
        slug: 'local',
        nameAr: 'محلي',
        nameEn: 'Local',
        parentId: null,
        position: 1,
      }),
    );
    expect(taken.error).toBeInstanceOf(SlugTakenError);
    expect([taken.rows, taken.seen]).toEqual([[], null]);

    const a = await publishedStory('خبر بوسم أول', { tags: [{ name: 'وسم أول', slug: 'وسم-أول' }] });
    await publishedStory('خبر بوسم ثان', { tags: [{ name: 'وسم ثان', slug: 'وسم-ثان' }] });
    const tagId = async (slug: string) =>
      (await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)))[0]!.id;
    const first = await tagId('وسم-أول');
    const renamed = await follow(() => saveTag(db, editorId, first, { name: 'وسم أول', slug: 'وسم-اول' }));
    expect(renamed.tags).toEqual([CACHE_TAGS.layout]);
    const [from, into] = [await tagId('وسم-اول'), await tagId('وسم-ثان')];
    const merged = await follow(() => mergeTags(db, editorId, from, into));
    expect(merged.tags).toEqual(
      expect.arrayContaining([CACHE_TAGS.tag('وسم-اول'), CACHE_TAGS.tag('وسم-ثان'), CACHE_TAGS.article(a)]),
    );
    const doomed = await tagId('وسم-ثان');
    const deleted = await follow(() => deleteTag(db, editorId, doomed));
    expect(deleted.tags).toEqual(expect.arrayContaining([CACHE_TAGS.tag('وسم-ثان'), CACHE_TAGS.article(a)]));
  });

  it('settings and the site’s pages', async () => {
    expect((await follow(() => saveSettings(db, editorId, { 'site.tagline': 'شعار جديد' }))).tags).toEqual([
      CACHE_TAGS.layout,
    ]);
    const page = await follow(() =>
      saveStaticPage(db, editorId, { slug: 'about', locale: 'ar', title: 'من نحن', body: '<p>نحن</p>' }),
    );
    expect(page.tags).toEqual([CACHE_TAGS.page('about'), CACHE_TAGS.sitemaps]);
  });

  it('a search index rebuild (npm run search:reindex, another process) reaches every instance', async () => {
    // Its version setting bumps the content version with no row to explain it: every page goes
    // stale everywhere — coarse, for a rare operation, and no cached search page outlives it.
    expect((await follow(() => rebuildSearchIndex(db))).seen).toEqual({ all: true });
    // At start, an index already current rebuilds nothing and says nothing.
    expect((await follow(() => ensureSearchIndex(db))).seen).toBeNull();
  });

  it('an image’s text and crop reach the stories that show it; an upload or unused delete nothing', async () => {
    const [used] = await db
      .select({ id: articles.id, heroMediaId: articles.heroMediaId })
      .from(articles)
      .where(and(isNotNull(articles.heroMediaId), eq(articles.status, 'published')))
      .orderBy(articles.id)
      .limit(1);
    if (!used) throw new Error('the seed has a published story with an image');
    const mediaId = used.heroMediaId!;
    const text = await follow(() =>
      updateMediaText(db, editorId, mediaId, { alt: 'وصف جديد', caption: '', credit: '' }),
    );
    expect(text.tags).toContain(CACHE_TAGS.article(used.id));
    const focal = await follow(() => setMediaFocalPoint(db, editorId, mediaId, { x: 0.2, y: 0.3 }));
    expect(focal.tags).toContain(CACHE_TAGS.article(used.id));

    const uploaded = await follow(() =>
      insertMedia(db, editorId, {
        stem: 'outbox-test',
        width: 10,
        height: 10,
        variantWidths: [10],
        alt: 'صورة',
        caption: '',
        credit: '',
      }),
    );
    expect([uploaded.rows, uploaded.seen]).toEqual([[], null]);
    const unused = (await db.select({ id: media.id }).from(media).where(eq(media.stem, 'outbox-test')))[0]!
      .id;
    const removed = await follow(() => deleteMedia(db, editorId, unused));
    expect(removed.rows).toHaveLength(1);
    expect(removed.seen).toBeNull();
  });

  it('bylines: a profile edit, and an account that takes over a byline-only author', async () => {
    expect(
      (
        await follow(() =>
          updateUserProfile(
            db,
            editorId,
            { name: 'رنا حداد', nameEn: 'Rana Haddad', bio: 'سيرة', bioEn: '' },
            editorId,
          ),
        )
      ).tags,
    ).toEqual([CACHE_TAGS.layout]);
    const fresh = await follow(() =>
      createUser(
        db,
        { email: 'new@example.com', name: 'جديد', slug: 'new', role: 'writer', passwordHash: 'x' },
        editorId,
      ),
    );
    expect([fresh.rows, fresh.seen]).toEqual([[], null]);
    const [bylineOnly] = await db
      .insert(users)
      .values({ email: 'byline@example.com', name: 'كاتب', slug: 'byline' })
      .returning({ id: users.id });
    expect(bylineOnly!.id).toBeGreaterThan(0);
    const claimed = await follow(() =>
      inviteUser(
        db,
        editorId,
        { email: 'byline@example.com', name: 'كاتب ضيف', slug: 'byline', role: 'writer' },
        'hash-of-a-token',
      ),
    );
    expect(claimed.tags).toEqual([CACHE_TAGS.layout]);
  });
});

describe('what readers never see records nothing and invalidates nothing', () => {
  it('views, sessions, login throttles, edit locks, passwords, roles, disabling', async () => {
    const story = (
      await db
        .select({ id: articles.id })
        .from(articles)
        .where(eq(articles.status, 'published'))
        .orderBy(articles.id)
        .limit(1)
    )[0]!.id;
    const quiet = [
      () => addArticleViews(db, '2026-12-02', new Map([[story, 5]])),
      () =>
        insertSession(db, { idHash: 'outbox-session', userId: editorId, now: new Date(), userAgent: 'test' }),
      () => recordLoginFailure(db, ['email:someone@example.com'], new Date(), 60_000),
      () => heartbeatLock(db, story, editorId, 'tab-token'),
      () => setUserPassword(db, editorId, 'new-hash', editorId),
      () => setUserRole(db, editorId, 'admin', editorId),
      () => setUserDisabled(db, editorId, false, editorId),
    ];
    for (const change of quiet) {
      const r = await follow(change);
      expect(r.error).toBeNull();
      expect([r.rows, r.seen]).toEqual([[], null]);
    }
  });
});

describe('another instance, on its own connection, following the outbox', () => {
  it('sees exactly the tags of a change made on another connection', async () => {
    const other = t.openAnother();
    try {
      const { id } = await createDraft(other, editorId, fields('خبر من اتصال آخر'));
      await transitionArticle(other, editorId, id, 'publish');
      const r = await follow(() =>
        updateArticle(other, editorId, id, fields('خبر من اتصال آخر', { body: '<p>معدل</p>' })),
      );
      expect(r.tags).toContain(CACHE_TAGS.article(id));
      expect(r.seen).not.toEqual({ all: true });
    } finally {
      await closeDb(other);
    }
  });

  it('a change written without a row (the sqlite3 shell) marks every page stale', async () => {
    const story = (
      await db
        .select({ id: articles.id })
        .from(articles)
        .where(eq(articles.status, 'published'))
        .orderBy(articles.id)
        .limit(1)
    )[0]!.id;
    const r = await follow(async () => {
      await db.update(articles).set({ title: 'عنوان غيره أحد باليد' }).where(eq(articles.id, story));
    });
    expect(r.rows).toEqual([]);
    expect(r.seen).toEqual({ all: true });
  });

  it('a row written after an unexplained change does not hide it', async () => {
    const section = (
      await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'local'))
    )[0]!.id;
    const r = await follow(async () => {
      await db.update(sections).set({ nameAr: 'محليات' }).where(eq(sections.id, section));
      await saveSettings(db, editorId, { 'site.tagline': 'شعار آخر' });
    });
    expect(r.rows).toHaveLength(1);
    expect(r.seen).toEqual({ all: true });
  });

  it('rows this instance wrote itself are skipped; `*` means everything', async () => {
    const at = await position();
    await saveSettings(db, editorId, { 'site.tagline': 'شعار ثالث' });
    expect(followOutbox(at, await readOutbox(db, at.lastId), instanceId()).invalidation).toBeNull();
    const r = await follow(() => writeTx(db, async (tx) => (await openOutbox(tx)).record('*')));
    expect(r.seen).toEqual({ all: true });
  });

  it('the table stays bounded, and an instance left behind the pruned rows marks everything stale', async () => {
    const behind = await position();
    for (let i = 0; i < OUTBOX_KEEP_ROWS + 200; i++)
      await writeTx(db, async (tx) => (await openOutbox(tx)).record([CACHE_TAGS.article(i)]));
    const count = (await db.select({ id: cacheInvalidations.id }).from(cacheInvalidations)).length;
    expect(count).toBeLessThanOrEqual(OUTBOX_KEEP_ROWS + 64);
    const read = await readOutbox(db, behind.lastId);
    expect(followOutbox(behind, read, ANOTHER_INSTANCE).invalidation).toEqual({ all: true });
  });
});
