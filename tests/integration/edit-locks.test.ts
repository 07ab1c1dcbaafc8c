import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  StaleSaveError,
  addCorrection,
  createDraft,
  moveArticlesToSection,
  transitionArticle,
  updateArticle,
  type ArticleFields,
} from '@/db/mutations/articles';
import { heartbeatLock, keepUnsavedCopy, releaseLock, takeOverLock } from '@/db/mutations/edit-locks';
import { LOCK_TTL_MS, listLiveLocks } from '@/db/queries/edit-locks';
import { getArticleForEdit, listRevisions } from '@/db/queries/newsroom';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { auditLog, users } from '@/db/schema';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
let ranaId: number;
let otherId: number;
let fields: ArticleFields;
const t0 = new Date('2026-11-28T09:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const TAB_A = 'tab-a-0123456789abcdef';
const TAB_B = 'tab-b-0123456789abcdef';

beforeAll(async () => {
  t = await createSeededDb({ articles: 4, now: t0 });
  const people = await t.db.select({ id: users.id, slug: users.slug }).from(users);
  ranaId = people.find((p) => p.slug === 'rana-haddad')!.id;
  otherId = people.find((p) => p.id !== ranaId)!.id;
  fields = articleFields({
    title: 'مكتبة الحي تمدد ساعات عملها في الشتاء',
    body: '<p>تفتح المكتبة أبوابها حتى العاشرة مساءً.</p>',
    sectionId: (await getSectionBySlug(t.db, 'local'))!.id,
    authorIds: [ranaId],
  });
});
afterAll(() => t.cleanup());

const version = async (id: number) => (await getArticleForEdit(t.db, id))!.version;

describe('versioned saves', () => {
  it('refuses a save that started from an older version and writes nothing', async () => {
    const { id } = await createDraft(t.db, ranaId, fields, at(0));
    expect(await version(id)).toBe(1);
    // Tab A and tab B both opened version 1. A saves a new headline first.
    await updateArticle(
      t.db,
      ranaId,
      id,
      { ...fields, title: 'عنوان من النافذة الأولى', expectedVersion: 1 },
      at(1),
    );
    expect(await version(id)).toBe(2);
    const revisionsBefore = (await listRevisions(t.db, id)).length;
    // B, still on version 1, saves a sentence in the body: refused, with the current version.
    let refused: unknown;
    try {
      await updateArticle(
        t.db,
        otherId,
        id,
        { ...fields, body: '<p>جملة من النافذة الثانية.</p>', expectedVersion: 1 },
        at(2),
      );
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(StaleSaveError);
    expect((refused as StaleSaveError).currentVersion).toBe(2);
    const stored = (await getArticleForEdit(t.db, id))!;
    expect(stored.title).toBe('عنوان من النافذة الأولى');
    expect(stored.body).toBe(fields.body);
    expect(await listRevisions(t.db, id)).toHaveLength(revisionsBefore);
    // B merges on the new version: both changes are kept.
    await updateArticle(
      t.db,
      otherId,
      id,
      { ...fields, title: stored.title, body: '<p>جملة من النافذة الثانية.</p>', expectedVersion: 2 },
      at(3),
    );
    const merged = (await getArticleForEdit(t.db, id))!;
    expect(merged.title).toBe('عنوان من النافذة الأولى');
    expect(merged.body).toContain('جملة من النافذة الثانية');
    expect(merged.version).toBe(3);
  });

  it('bumps the version on transitions, corrections and bulk moves, so an open editor notices', async () => {
    const { id } = await createDraft(t.db, ranaId, fields, at(10));
    expect((await transitionArticle(t.db, ranaId, id, 'submit', { now: at(11) })).version).toBe(2);
    expect(await version(id)).toBe(2);
    await transitionArticle(t.db, ranaId, id, 'publish', { now: at(12) });
    expect(await version(id)).toBe(3);
    await addCorrection(t.db, ranaId, id, 'صُحّح اسم الشارع.', at(13));
    expect(await version(id)).toBe(4);
    await moveArticlesToSection(t.db, ranaId, [id], (await getSectionBySlug(t.db, 'culture'))!.id, at(14));
    expect(await version(id)).toBe(5);
    await expect(updateArticle(t.db, ranaId, id, { ...fields, expectedVersion: 1 }, at(15))).rejects.toThrow(
      StaleSaveError,
    );
  });
});

describe('soft edit locks', () => {
  it('gives a free story to the first tab, shows the holder to everyone else, and frees it after a minute', async () => {
    const { id } = await createDraft(t.db, ranaId, fields, at(20));
    expect(await heartbeatLock(t.db, id, ranaId, TAB_A, at(20))).toEqual({ held: true });
    const seen = await heartbeatLock(t.db, id, otherId, TAB_B, at(25));
    expect(seen.held).toBe(false);
    if (!seen.held) expect(seen.holder.userId).toBe(ranaId);
    // A keeps beating: still A's, B still sees A.
    expect(await heartbeatLock(t.db, id, ranaId, TAB_A, at(40))).toEqual({ held: true });
    expect((await heartbeatLock(t.db, id, otherId, TAB_B, at(40 + LOCK_TTL_MS / 1000))).held).toBe(false);
    expect((await listLiveLocks(t.db, [id], at(60))).get(id)?.userId).toBe(ranaId);
    // A's tab went away without letting go: a minute later the story is free for B.
    expect((await listLiveLocks(t.db, [id], at(41 + LOCK_TTL_MS / 1000))).has(id)).toBe(false);
    expect(await heartbeatLock(t.db, id, otherId, TAB_B, at(41 + LOCK_TTL_MS / 1000))).toEqual({
      held: true,
    });
    expect((await heartbeatLock(t.db, id, ranaId, TAB_A, at(42 + LOCK_TTL_MS / 1000))).held).toBe(false);
  });

  it('counts the same person in two tabs as two holders', async () => {
    const { id } = await createDraft(t.db, ranaId, fields, at(200));
    expect((await heartbeatLock(t.db, id, ranaId, TAB_A, at(200))).held).toBe(true);
    const second = await heartbeatLock(t.db, id, ranaId, TAB_B, at(201));
    expect(second.held).toBe(false);
    if (!second.held) expect(second.holder.userId).toBe(ranaId);
  });

  it('lets someone take over; the first tab learns at its next heartbeat; release frees only its own lock', async () => {
    const { id } = await createDraft(t.db, ranaId, fields, at(300));
    await heartbeatLock(t.db, id, ranaId, TAB_A, at(300));
    expect((await takeOverLock(t.db, id, otherId, TAB_B, at(305))).from?.userId).toBe(ranaId);
    const a = await heartbeatLock(t.db, id, ranaId, TAB_A, at(310));
    expect(a.held).toBe(false);
    if (!a.held) expect(a.holder.userId).toBe(otherId);
    const audit = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'article.lockTakeover'), eq(auditLog.entityId, id)));
    expect(audit).toEqual([{ details: { fromUserId: ranaId } }]);
    // A closing its tab does not free B's lock.
    await releaseLock(t.db, id, TAB_A);
    expect((await listLiveLocks(t.db, [id], at(311))).get(id)?.userId).toBe(otherId);
    await releaseLock(t.db, id, TAB_B);
    expect((await listLiveLocks(t.db, [id], at(312))).has(id)).toBe(false);
  });

  it("keeps the first editor's unsaved text as a revision, not over the article", async () => {
    const { id } = await createDraft(t.db, ranaId, fields, at(400));
    const before = (await getArticleForEdit(t.db, id))!;
    const revisionId = await keepUnsavedCopy(
      t.db,
      ranaId,
      id,
      {
        title: before.title,
        dek: '',
        body: '<p>فقرة لم تُحفظ بعد.</p>',
        slug: before.slug,
        sectionId: before.sectionId,
        tags: [],
        heroMediaId: null,
        sourceOutlet: '',
        sourceAgency: '',
      },
      'takenOver',
      at(401),
    );
    const after = (await getArticleForEdit(t.db, id))!;
    expect(after.body).toBe(before.body);
    expect(after.version).toBe(before.version);
    const kept = (await listRevisions(t.db, id)).find((r) => r.id === revisionId)!;
    expect(kept.kind).toBe('unsaved');
    expect(kept.snapshot.body).toContain('فقرة لم تُحفظ بعد');
    expect((await listRevisions(t.db, id)).filter((r) => r.kind === 'save')).toHaveLength(1);
  });
});
