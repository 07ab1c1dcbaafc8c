import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlugTakenError, saveSection, saveTag } from '@/db/mutations/taxonomy';
import { getRedirectTarget, getSectionBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
beforeAll(async () => {
  t = await createSeededDb({ articles: 16 });
});
afterAll(() => t.cleanup());

describe('renaming slugs keeps old URLs working', () => {
  it('redirects a renamed section, in both editions and for its feed, without chains', async () => {
    const s = (await getSectionBySlug(t.db, 'tech'))!;
    const base = { nameAr: s.nameAr, nameEn: s.nameEn, parentId: null, position: 6 };
    await saveSection(t.db, 1, s.id, { ...base, slug: 'science' });
    expect(await getRedirectTarget(t.db, '/category/tech')).toBe('/category/science');
    expect(await getRedirectTarget(t.db, '/en/category/tech')).toBe('/en/category/science');
    expect(await getRedirectTarget(t.db, '/category/tech/feed.xml')).toBe('/category/science/feed.xml');
    await saveSection(t.db, 1, s.id, { ...base, slug: 'science-tech' });
    expect(await getRedirectTarget(t.db, '/category/tech')).toBe('/category/science-tech');
    expect(await getRedirectTarget(t.db, '/category/science')).toBe('/category/science-tech');
    // Taking the old slug back removes the redirect that would now shadow it.
    await saveSection(t.db, 1, s.id, { ...base, slug: 'tech' });
    expect(await getRedirectTarget(t.db, '/category/tech')).toBeNull();
  });

  it('refuses a slug another section has', async () => {
    const s = (await getSectionBySlug(t.db, 'health'))!;
    await expect(
      saveSection(t.db, 1, s.id, { nameAr: 'x', nameEn: 'x', parentId: null, position: 1, slug: 'sports' }),
    ).rejects.toThrow(SlugTakenError);
  });

  it('redirects a renamed Arabic tag by its percent-encoded path', async () => {
    const tag =
      (await getTagBySlug(t.db, 'سوريا')) ??
      (await getTagBySlug(
        t.db,
        t.db.$client.prepare('select slug from tags limit 1').pluck().get() as string,
      ))!;
    await saveTag(t.db, 1, tag.id, { name: tag.name, slug: 'الجمهورية-العربية-السورية' });
    expect(await getRedirectTarget(t.db, `/tag/${encodeURIComponent(tag.slug)}`)).toBe(
      `/tag/${encodeURIComponent('الجمهورية-العربية-السورية')}`,
    );
  });
});
