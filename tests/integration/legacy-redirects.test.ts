import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT_BATCH, removeImportedRedirects, saveImportedRedirects } from '@/db/mutations/redirects';
import { saveSection, saveTag } from '@/db/mutations/taxonomy';
import { findLegacyRedirect } from '@/db/queries/redirects';
import { getRedirectTarget, getSectionBySlug } from '@/db/queries/taxonomy';
import { cacheInvalidations, redirects, tags } from '@/db/schema';
import { writeTx } from '@/db/tx';
import { legacyKeys } from '@/lib/import/wordpress/legacy-urls';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
beforeAll(async () => {
  t = await createSeededDb({ articles: 4 });
});
afterAll(() => t.cleanup());

const SOURCE = 'https://old.example';
const save = (rows: { from: string; to: string }[], source = SOURCE) =>
  writeTx(t.db, (tx) => saveImportedRedirects(tx, source, rows));
const sourceOf = async (from: string) =>
  (await t.db.select({ source: redirects.source }).from(redirects).where(eq(redirects.fromPath, from)))[0]
    ?.source;

describe('saveImportedRedirects and findLegacyRedirect', () => {
  it('stores old addresses under their keys and finds the first key that has one, in the order asked', async () => {
    const post = legacyKeys('/2024/05/%d8%b3%d9%88%d8%b1%d9%8a%d8%a7/')[0]!;
    const upload = legacyKeys('/wp-content/uploads/2024/05/photo.jpg')[0]!;
    expect(
      await save([
        { from: post, to: '/news/1/syria' },
        { from: '/?p=41', to: '/news/1/syria' },
        { from: upload, to: '/media/u1-abc-960.webp' },
      ]),
    ).toBe(3);
    // Requested in upper-case hex, without the slash: the same key.
    expect(await findLegacyRedirect(t.db, legacyKeys('/2024/05/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7'))).toEqual({
      from: '/2024/05/سوريا',
      to: '/news/1/syria',
    });
    // A resized copy: its own key has no row, its upload's does.
    expect(
      await findLegacyRedirect(t.db, legacyKeys('/wp-content/uploads/2024/05/photo-300x200.jpg')),
    ).toEqual({
      from: upload,
      to: '/media/u1-abc-960.webp',
    });
    expect(await findLegacyRedirect(t.db, ['/?p=41', post])).toEqual({ from: '/?p=41', to: '/news/1/syria' });
    expect(await findLegacyRedirect(t.db, ['/nothing', post])).toMatchObject({ from: post });
    expect(await findLegacyRedirect(t.db, ['/nothing'])).toBeNull();
    expect(await findLegacyRedirect(t.db, [])).toBeNull();
    // More keys than the prepared statements take: the same answer.
    const many = Array.from({ length: 12 }, (_, i) => `/none-${i}`);
    expect(await findLegacyRedirect(t.db, [...many, '/?p=41'])).toMatchObject({ from: '/?p=41' });
    expect(await sourceOf('/?p=41')).toBe(SOURCE);
  });

  it('skips a row leading to itself, keeps the last of repeated keys, and spells targets as Midad links them', async () => {
    expect(
      await save([
        { from: '/category/same', to: '/category/same' },
        // The decoded key of an Arabic address and the same address as Midad spells it: kept.
        { from: '/tag/سوريا-اليوم', to: '/tag/سوريا-اليوم' },
        { from: '/old-twice', to: '/news/2/first' },
        { from: '/old-twice', to: '/news/2/second' },
        { from: '/old-tag', to: '/tag/سوريا' },
        // Never a way off the site.
        { from: '/off-site', to: '//evil.example/x' },
        { from: '/off-site-2', to: 'https://evil.example/x' },
      ]),
    ).toBe(3);
    expect(await findLegacyRedirect(t.db, ['/category/same', '/off-site', '/off-site-2'])).toBeNull();
    expect((await findLegacyRedirect(t.db, ['/tag/سوريا-اليوم']))?.to).toBe(
      `/tag/${encodeURIComponent('سوريا-اليوم')}`,
    );
    expect((await findLegacyRedirect(t.db, ['/old-twice']))?.to).toBe('/news/2/second');
    expect((await findLegacyRedirect(t.db, ['/old-tag']))?.to).toBe(`/tag/${encodeURIComponent('سوريا')}`);
  });

  it('writes thousands of rows in batches, and a second run updates instead of adding', async () => {
    const rows = Array.from({ length: REDIRECT_BATCH * 2 + 7 }, (_, i) => ({
      from: `/bulk/${i}`,
      to: `/news/${i + 1}/x`,
    }));
    expect(await save(rows)).toBe(rows.length);
    expect(await save(rows.map((r) => ({ ...r, to: `${r.to}-new` })))).toBe(rows.length);
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(redirects)
      .where(eq(redirects.source, SOURCE))) as [{ n: number }];
    expect(Number(n)).toBe(rows.length + 6);
    expect((await findLegacyRedirect(t.db, [`/bulk/${rows.length - 1}`]))?.to).toBe(
      `/news/${rows.length}/x-new`,
    );
  });

  it('runs inside the caller’s transaction and records no outbox row of its own', async () => {
    const outboxRows = async () =>
      Number(((await t.db.select({ n: count() }).from(cacheInvalidations)) as [{ n: number }])[0].n);
    const before = await outboxRows();
    await expect(
      writeTx(t.db, async (tx) => {
        await saveImportedRedirects(tx, SOURCE, [{ from: '/rolled-back', to: '/news/1/x' }]);
        throw new Error('the post failed');
      }),
    ).rejects.toThrow('the post failed');
    expect(await findLegacyRedirect(t.db, ['/rolled-back'])).toBeNull();
    await save([{ from: '/kept', to: '/news/1/x' }]);
    expect(await findLegacyRedirect(t.db, ['/kept'])).not.toBeNull();
    expect(await outboxRows()).toBe(before);
  });

  it('never replaces the newsroom’s own redirect; another import takes over a row', async () => {
    await t.db
      .insert(redirects)
      .values({ fromPath: '/category/renamed-by-hand', toPath: '/category/sports' });
    await save([{ from: '/category/renamed-by-hand', to: '/category/economy' }]);
    expect((await findLegacyRedirect(t.db, ['/category/renamed-by-hand']))?.to).toBe('/category/sports');
    expect(await sourceOf('/category/renamed-by-hand')).toBeNull();
    await save([{ from: '/kept', to: '/news/3/y' }], 'https://other.example');
    expect(await sourceOf('/kept')).toBe('https://other.example');
  });

  it('a target that is itself an old address leads where that one does', async () => {
    await t.db.insert(redirects).values({ fromPath: '/category/was-here', toPath: '/category/lives-here' });
    await save([{ from: '/category/wp-old', to: '/category/was-here' }]);
    expect((await findLegacyRedirect(t.db, ['/category/wp-old']))?.to).toBe('/category/lives-here');
  });

  it('removeImportedRedirects takes one source’s rows and nothing else', async () => {
    await save([{ from: '/to-remove', to: '/news/1/x' }], 'https://gone.example');
    expect(await writeTx(t.db, (tx) => removeImportedRedirects(tx, 'https://gone.example'))).toBe(1);
    expect(await findLegacyRedirect(t.db, ['/to-remove'])).toBeNull();
    expect(await findLegacyRedirect(t.db, ['/?p=41'])).not.toBeNull();
    expect(await findLegacyRedirect(t.db, ['/category/renamed-by-hand'])).not.toBeNull();
  });
});

describe('renaming a listing keeps imported rows one hop', () => {
  it('an imported row pointing at a renamed section follows it; the rename’s own row is the newsroom’s', async () => {
    const s = (await getSectionBySlug(t.db, 'culture'))!;
    const rename = (slug: string) =>
      saveSection(t.db, 1, s.id, { nameAr: s.nameAr, nameEn: s.nameEn, parentId: null, position: 3, slug });
    await save([
      { from: '/category/ثقافة', to: '/category/culture' },
      // An old address spelled like the section's own: the rename's redirect takes it over.
      { from: '/category/culture', to: '/category/economy' },
    ]);
    await rename('arts');
    expect((await findLegacyRedirect(t.db, ['/category/ثقافة']))?.to).toBe('/category/arts');
    expect(await getRedirectTarget(t.db, '/category/culture')).toBe('/category/arts');
    expect(await sourceOf('/category/culture')).toBeNull();

    // Back to its first name: the address answers itself again, and the old one follows.
    await rename('culture');
    expect(await findLegacyRedirect(t.db, ['/category/culture'])).toBeNull();
    expect((await findLegacyRedirect(t.db, ['/category/ثقافة']))?.to).toBe('/category/culture');
    expect(await writeTx(t.db, (tx) => removeImportedRedirects(tx, 'nobody'))).toBe(0);
    expect(await getRedirectTarget(t.db, '/category/arts')).toBe('/category/culture');
  });

  it('an imported row pointing at a renamed Arabic tag follows it, and one stored under the new name is cleared', async () => {
    const made = await t.db
      .insert(tags)
      .values([
        { name: 'وسم قديم', slug: 'وسم-قديم' },
        { name: 'وسم آخر', slug: 'وسم-آخر' },
      ])
      .returning({ id: tags.id });
    await save([
      { from: '/tag/wp-tag', to: '/tag/وسم-قديم' },
      // WordPress's tag of the name the Midad tag is about to take led somewhere else.
      { from: '/tag/وسم-جديد', to: '/category/sports' },
      // This one leads to the address the other tag is about to take: it stays.
      { from: '/tag/وسم-ثالث', to: '/tag/وسم-ثالث' },
    ]);
    await saveTag(t.db, 1, made[0]!.id, { name: 'وسم جديد', slug: 'وسم-جديد' });
    const next = `/tag/${encodeURIComponent('وسم-جديد')}`;
    expect((await findLegacyRedirect(t.db, ['/tag/wp-tag']))?.to).toBe(next);
    expect(await findLegacyRedirect(t.db, ['/tag/وسم-جديد'])).toBeNull();
    await saveTag(t.db, 1, made[1]!.id, { name: 'وسم ثالث', slug: 'وسم-ثالث' });
    expect((await findLegacyRedirect(t.db, ['/tag/وسم-ثالث']))?.to).toBe(
      `/tag/${encodeURIComponent('وسم-ثالث')}`,
    );
  });
});
