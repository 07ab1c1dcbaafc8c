import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  WorkflowError,
  createDraft,
  restoreFromTrash,
  transitionArticle,
  updateArticle,
} from '@/db/mutations/articles';
import { getArticleRoute, getLiveArticle } from '@/db/queries/articles';
import { getTranslationKey } from '@/db/queries/newsroom';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { listReturnedToWriter, listTrash } from '@/db/queries/workflow';
import { auditLog, users } from '@/db/schema';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
let editorId: number;
let writerId: number;
let otherWriterId: number;
let sectionId: number;
const t0 = new Date('2026-11-28T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const DAY = 24 * 60;

beforeAll(async () => {
  t = await createSeededDb({ articles: 0, now: t0 });
  const id = async (slug: string) =>
    (await t.db.select({ id: users.id }).from(users).where(eq(users.slug, slug)).limit(1))[0]!.id;
  editorId = await id('rana-haddad');
  writerId = await id('omar-khatib');
  otherWriterId = await id('layla-nasser');
  sectionId = (await getSectionBySlug(t.db, 'local'))!.id;
});
afterAll(() => t.cleanup());

const code = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
    return 'ok';
  } catch (error) {
    return error instanceof WorkflowError ? error.code : String(error);
  }
};

function story(title: string, authorId = writerId, locale = 'ar') {
  return createDraft(
    t.db,
    authorId,
    articleFields({ title, sectionId, authorIds: [authorId], locale }),
    at(0),
  );
}

const audits = async (id: number, action: string) =>
  (
    await t.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)))
  ).length;

describe('trash', () => {
  it('takes a published story off the site (410) and brings it back as a draft with its URL', async () => {
    const { id, slug } = await story('مهرجان الزيتون يعود إلى القرية');
    await transitionArticle(t.db, editorId, id, 'publish', { now: at(1) });
    await transitionArticle(t.db, editorId, id, 'delete', { now: at(2) });
    expect((await getArticleRoute(t.db, id))?.deletedAt).toEqual(at(2));
    expect(await getLiveArticle(t.db, id, at(3))).toBeNull();
    // Another story with the same headline does not take the deleted one's slug.
    expect((await story('مهرجان الزيتون يعود إلى القرية')).slug).not.toBe(slug);
    expect((await listTrash(t.db, { now: at(3), days: 30 })).find((r) => r.id === id)).toMatchObject({
      restorable: true,
      status: 'published',
    });

    expect(await restoreFromTrash(t.db, editorId, id, at(29 * DAY))).toEqual({
      from: 'published',
      to: 'draft',
    });
    const back = (await getArticleRoute(t.db, id))!;
    expect(back).toMatchObject({ status: 'draft', deletedAt: null, slug, publishedAt: at(1) });
    expect(await audits(id, 'article.restore')).toBe(1);
    // Republishing keeps the first publish time.
    expect(
      (await transitionArticle(t.db, editorId, id, 'publish', { now: at(30 * DAY) })).publishedAt,
    ).toEqual(at(1));
  });

  it('refuses to restore after 30 days, and leaves the story deleted', async () => {
    const { id } = await story('سوق الأحد ينتقل إلى الساحة الجديدة');
    await transitionArticle(t.db, editorId, id, 'delete', { now: at(1) });
    expect(await code(() => restoreFromTrash(t.db, editorId, id, at(1 + 30 * DAY + 1)))).toBe('expired');
    expect((await getArticleRoute(t.db, id))?.deletedAt).toEqual(at(1));
    expect(
      (await listTrash(t.db, { now: at(31 * DAY), days: 30 })).find((r) => r.id === id)?.restorable,
    ).toBe(false);
    expect(await audits(id, 'article.restore')).toBe(0);
  });

  it('refuses to restore a story that is not in the trash', async () => {
    const { id } = await story('حملة لتنظيف ضفاف النهر');
    expect(await code(() => restoreFromTrash(t.db, editorId, id, at(1)))).toBe('notFound');
  });

  it('keeps a translation link cut by the delete cut after the restore', async () => {
    const ar = await story('افتتاح مكتبة الأطفال في الحي القديم');
    const en = await story('A children’s library opens in the old quarter', writerId, 'en');
    await updateArticle(
      t.db,
      editorId,
      ar.id,
      articleFields({
        title: 'افتتاح مكتبة الأطفال في الحي القديم',
        sectionId,
        authorIds: [writerId],
        translationId: en.id,
      }),
      at(1),
    );
    expect(await getTranslationKey(t.db, en.id)).not.toBeNull();
    await transitionArticle(t.db, editorId, ar.id, 'delete', { now: at(2) });
    await restoreFromTrash(t.db, editorId, ar.id, at(3));
    expect(await getTranslationKey(t.db, ar.id)).toBeNull();
    expect(await getTranslationKey(t.db, en.id)).toBeNull();
  });
});

describe('sending a story back to its writer', () => {
  it('turns a story in review into a draft with the note, shown to its writer only', async () => {
    const { id } = await story('مدرسة الحي تزرع حديقتها الأولى');
    await transitionArticle(t.db, writerId, id, 'submit', { now: at(1) });
    expect(
      await code(() => transitionArticle(t.db, editorId, id, 'return', { note: '  ', now: at(2) })),
    ).toBe('noteRequired');
    expect(
      (
        await transitionArticle(t.db, editorId, id, 'return', {
          note: 'أضف اسم المدرسة وتصريح المديرة.',
          now: at(3),
        })
      ).to,
    ).toBe('draft');
    expect(await audits(id, 'article.return')).toBe(1);
    expect((await listReturnedToWriter(t.db, writerId)).find((r) => r.id === id)).toMatchObject({
      note: 'أضف اسم المدرسة وتصريح المديرة.',
      editorName: 'رنا حداد',
      createdAt: at(3),
    });
    expect((await listReturnedToWriter(t.db, otherWriterId)).find((r) => r.id === id)).toBeUndefined();
  });

  it('shows only the latest note, and drops the story once it is resubmitted', async () => {
    const { id } = await story('نادي الشطرنج يستقبل أعضاء جدداً');
    await transitionArticle(t.db, writerId, id, 'submit', { now: at(1) });
    await transitionArticle(t.db, editorId, id, 'return', { note: 'الملاحظة الأولى', now: at(2) });
    await transitionArticle(t.db, writerId, id, 'submit', { now: at(3) });
    expect((await listReturnedToWriter(t.db, writerId)).find((r) => r.id === id)).toBeUndefined();
    await transitionArticle(t.db, editorId, id, 'return', { note: 'الملاحظة الثانية', now: at(4) });
    expect(
      (await listReturnedToWriter(t.db, writerId)).filter((r) => r.id === id).map((r) => r.note),
    ).toEqual(['الملاحظة الثانية']);
  });

  it('only from review', async () => {
    const { id } = await story('ورشة لتعليم الخط العربي');
    expect(
      await code(() => transitionArticle(t.db, editorId, id, 'return', { note: 'ملاحظة', now: at(1) })),
    ).toBe('transition');
  });
});

describe('schedule changes', () => {
  it('reschedules a scheduled story and unschedules it back to a draft with no time', async () => {
    const { id } = await story('حفل تخريج الدفعة الأولى من المعهد');
    await transitionArticle(t.db, editorId, id, 'schedule', { at: at(120), now: at(1) });
    expect(
      (await transitionArticle(t.db, editorId, id, 'schedule', { at: at(180), now: at(2) })).publishedAt,
    ).toEqual(at(180));
    expect(await transitionArticle(t.db, editorId, id, 'unschedule', { now: at(3) })).toMatchObject({
      from: 'scheduled',
      to: 'draft',
      publishedAt: null,
    });
    expect(await code(() => transitionArticle(t.db, editorId, id, 'unschedule', { now: at(4) }))).toBe(
      'transition',
    );
  });

  it('never reschedules or unschedules a published story', async () => {
    const { id } = await story('افتتاح ملعب كرة السلة في الحي');
    await transitionArticle(t.db, editorId, id, 'publish', { now: at(1) });
    expect(
      await code(() => transitionArticle(t.db, editorId, id, 'schedule', { at: at(60), now: at(2) })),
    ).toBe('transition');
    expect(await code(() => transitionArticle(t.db, editorId, id, 'unschedule', { now: at(2) }))).toBe(
      'transition',
    );
    expect(await getArticleRoute(t.db, id)).toMatchObject({ status: 'published', publishedAt: at(1) });
  });
});
