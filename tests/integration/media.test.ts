import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '@/db/mutations/articles';
import { deleteMedia, insertMedia, setMediaFocalPoint, updateMediaText } from '@/db/mutations/media';
import { getMediaById, listMediaUsage, searchMediaLibrary } from '@/db/queries/media';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { auditLog, media, users } from '@/db/schema';
import { canManageMedia } from '@/lib/auth/permissions';
import { cardFallback } from '@/lib/media/card-crop';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

let t: Awaited<ReturnType<typeof createSeededDb>>;
let editorId: number;
let writerId: number;

beforeAll(async () => {
  t = await createSeededDb({ articles: 12 });
  const people = await t.db.select({ id: users.id, role: users.role }).from(users).orderBy(users.id);
  editorId = people.find((p) => p.role === 'editor' || p.role === 'admin')!.id;
  writerId = people.find((p) => p.role === 'writer')!.id;
});
afterAll(() => t.cleanup());

const photo = (stem: string, alt: string) =>
  insertMedia(t.db, writerId, {
    stem,
    width: 1200,
    height: 1600,
    variantWidths: [480, 960],
    alt,
    caption: 'سوق الخضار صباحاً',
    credit: 'مداد',
    focalX: 0.5,
    focalY: 0.3,
  });

describe('the media library', () => {
  it('seeds every demo image with a focal point and its 16:9 card files', async () => {
    const seeded = await t.db.select().from(media);
    expect(seeded.length).toBeGreaterThan(0);
    for (const m of seeded) {
      expect(m.focalX).not.toBeNull();
      expect(m.focalY).not.toBeNull();
      const card = cardFallback(m).src.replace('/media/', '');
      expect(fs.existsSync(`${t.mediaDir}/${card}`)).toBe(true);
    }
  });

  it('finds images by alt text, caption or credit with Arabic spellings folded', async () => {
    const id = await photo('u-search-1', 'مئذنة الجامع الأموي في الصباح');
    expect((await searchMediaLibrary(t.db, { q: 'مئذنه الاموي' })).map((m) => m.id)).toEqual([id]);
    expect((await searchMediaLibrary(t.db, { q: 'سوق الخضار' })).map((m) => m.id)).toContain(id);
    expect(await searchMediaLibrary(t.db, { q: 'لا-شيء-بهذا-الاسم' })).toEqual([]);
  });

  it('stores a moved focal point and corrected text, each with an audit row', async () => {
    const id = await photo('u-focal-1', 'ميناء اللاذقية');
    expect(await setMediaFocalPoint(t.db, editorId, id, { x: 0.2, y: 0.75 })).toBe(true);
    expect(
      await updateMediaText(t.db, editorId, id, { alt: 'ميناء طرطوس', caption: '', credit: 'وكالة' }),
    ).toBe(true);
    expect(await getMediaById(t.db, id)).toMatchObject({
      focalX: 0.2,
      focalY: 0.75,
      alt: 'ميناء طرطوس',
      uploadedBy: writerId,
    });
    const actions = (
      await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['media.upload', 'media.focal', 'media.update']));
  });

  it('refuses to delete an image a story uses, naming the stories, and deletes it once unused', async () => {
    const hero = await photo('u-used-1', 'صورة رئيسية');
    const inline = await photo('u-used-2', 'صورة في النص');
    const sectionId = (await getSectionBySlug(t.db, 'local'))!.id;
    const { id: storyA } = await createDraft(
      t.db,
      editorId,
      articleFields({ title: 'خبر بصورة رئيسية', sectionId, heroMediaId: hero, authorIds: [editorId] }),
    );
    const { id: storyB } = await createDraft(
      t.db,
      editorId,
      articleFields({
        title: 'خبر بصورة داخل النص',
        sectionId,
        body: '<figure><img src="/media/u-used-2-960.webp" alt="x"></figure>',
        authorIds: [editorId],
      }),
    );
    expect(await deleteMedia(t.db, editorId, hero)).toMatchObject({
      ok: false,
      reason: 'inUse',
      usage: [{ id: storyA, title: 'خبر بصورة رئيسية', asHero: true }],
    });
    expect(await deleteMedia(t.db, editorId, inline)).toMatchObject({
      ok: false,
      reason: 'inUse',
      usage: [{ id: storyB, asHero: false }],
    });
    expect(await getMediaById(t.db, hero)).not.toBeNull();
    const unused = await photo('u-unused-1', 'صورة لا يستخدمها أحد');
    expect(await listMediaUsage(t.db, { id: unused, stem: 'u-unused-1' })).toEqual([]);
    expect(await deleteMedia(t.db, editorId, unused)).toEqual({ ok: true, stem: 'u-unused-1' });
    expect(await getMediaById(t.db, unused)).toBeNull();
  });

  it('lets editors manage any image and writers only their own uploads', () => {
    expect(canManageMedia({ id: editorId, role: 'editor' }, null)).toBe(true);
    expect(canManageMedia({ id: writerId, role: 'writer' }, writerId)).toBe(true);
    expect(canManageMedia({ id: writerId, role: 'writer' }, editorId)).toBe(false);
    expect(canManageMedia({ id: writerId, role: 'writer' }, null)).toBe(false);
  });
});
