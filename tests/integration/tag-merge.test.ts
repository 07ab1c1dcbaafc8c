import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '@/db/mutations/articles';
import { TagMergeError, deleteTag, mergeTags } from '@/db/mutations/taxonomy';
import { getArticleForEdit, listActivity } from '@/db/queries/newsroom';
import { getRedirectTarget, getSectionBySlug, getTagBySlug, listTagsForAdmin } from '@/db/queries/taxonomy';
import { tags, users } from '@/db/schema';
import { slugify } from '@/lib/arabic/slug';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
let author: number;
let sectionId: number;
beforeAll(async () => {
  t = await createSeededDb({ articles: 16 });
  author = (await t.db.select({ id: users.id }).from(users).orderBy(users.id).limit(1))[0]!.id;
  sectionId = (await getSectionBySlug(t.db, 'local'))!.id;
});
afterAll(() => t.cleanup());

const story = async (title: string, tagNames: string[]) =>
  (
    await createDraft(
      t.db,
      author,
      articleFields({
        title,
        sectionId,
        authorIds: [author],
        tags: tagNames.map((name) => ({ name, slug: slugify(name) })),
      }),
    )
  ).id;

describe('the tags screen', () => {
  it('finds tags by a folded part of the name and counts their stories', async () => {
    await story('خبر أول عن الدراجات', ['دراجات هوائية']);
    await story('خبر ثان عن الدراجات', ['دراجات هوائية']);
    const found = await listTagsForAdmin(t.db, { q: 'دراجات' });
    expect(found.rows.map((r) => [r.name, r.stories])).toEqual([['دراجات هوائية', 2]]);
    expect((await listTagsForAdmin(t.db, { q: 'لا-وسم-بهذا-الاسم' })).total).toBe(0);
    expect((await listTagsForAdmin(t.db, { q: 'درا\0جات' })).total).toBe(1);
  });

  it('merges tag A into B: A’s stories get B once, /tag/A answers 301 to /tag/B, an audit row', async () => {
    const both = await story('خبر يحمل الوسمين', ['مهرجان', 'مهرجانات']);
    const onlyA = await story('خبر بالوسم الأول', ['مهرجان']);
    const a = (await getTagBySlug(t.db, 'مهرجان'))!;
    const b = (await getTagBySlug(t.db, 'مهرجانات'))!;
    const result = await mergeTags(t.db, author, a.id, b.id);
    expect(result.articleIds.sort()).toEqual([both, onlyA].sort());
    expect((await getArticleForEdit(t.db, both))!.tags).toEqual(['مهرجانات']);
    expect((await getArticleForEdit(t.db, onlyA))!.tags).toEqual(['مهرجانات']);
    expect((await t.db.select().from(tags).where(eq(tags.id, a.id)).limit(1))[0]).toBeUndefined();
    expect(await getRedirectTarget(t.db, `/tag/${encodeURIComponent('مهرجان')}`)).toBe(
      `/tag/${encodeURIComponent('مهرجانات')}`,
    );
    expect(await getRedirectTarget(t.db, `/en/tag/${encodeURIComponent('مهرجان')}`)).toBe(
      `/en/tag/${encodeURIComponent('مهرجانات')}`,
    );
    const audit = (await listActivity(t.db, { entity: 'tag', limit: 1 }))[0]!;
    expect(audit).toMatchObject({ action: 'tag.merge', entityId: b.id, tagName: 'مهرجانات' });
    expect(audit.details).toMatchObject({ fromName: 'مهرجان' });
    await expect(mergeTags(t.db, author, b.id, b.id)).rejects.toThrow(TagMergeError);
  });

  it('deletes a tag: stories lose it, no redirect is left, redirects to it are removed', async () => {
    const id = await story('خبر بوسم سيُحذف', ['وسم مؤقت', 'وسم باق']);
    const doomed = (await getTagBySlug(t.db, 'وسم-مؤقت'))!;
    const old = await story('خبر بوسم قديم', ['وسم أقدم']);
    await mergeTags(t.db, author, (await getTagBySlug(t.db, 'وسم-أقدم'))!.id, doomed.id);
    expect(await getRedirectTarget(t.db, `/tag/${encodeURIComponent('وسم-أقدم')}`)).not.toBeNull();
    expect((await deleteTag(t.db, author, doomed.id))!.articleIds.sort()).toEqual([id, old].sort());
    expect((await getArticleForEdit(t.db, id))!.tags).toEqual(['وسم باق']);
    expect((await getArticleForEdit(t.db, old))!.tags).toEqual([]);
    expect(await getRedirectTarget(t.db, `/tag/${encodeURIComponent('وسم-مؤقت')}`)).toBeNull();
    expect(await getRedirectTarget(t.db, `/tag/${encodeURIComponent('وسم-أقدم')}`)).toBeNull();
    expect((await listActivity(t.db, { entity: 'tag', limit: 1 }))[0]).toMatchObject({
      action: 'tag.delete',
    });
    expect(await deleteTag(t.db, author, doomed.id)).toBeNull();
  });
});
