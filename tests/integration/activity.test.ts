import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, moveArticlesToSection, transitionArticle } from '@/db/mutations/articles';
import { createUser } from '@/db/mutations/users';
import { countActivity, listActivity } from '@/db/queries/newsroom';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articleFields } from '../helpers/fixtures';
import { createSeededDb } from '../helpers/test-db';

const now = new Date('2026-11-28T12:00:00Z');
let t: Awaited<ReturnType<typeof createSeededDb>>;
let editor: number;
let writer: number;
let other: number;
let ownStory: number;
let othersStory: number;

beforeAll(async () => {
  t = await createSeededDb({ articles: 8, now });
  const sectionId = (await getSectionBySlug(t.db, 'sports'))!.id;
  editor = await createUser(
    t.db,
    { email: 'ed@act.test', name: 'رنا خوري', slug: 'rana-act', role: 'editor', passwordHash: 'x' },
    null,
  );
  writer = await createUser(
    t.db,
    { email: 'wr@act.test', name: 'باسل', slug: 'basel-act', role: 'writer', passwordHash: 'x' },
    editor,
  );
  other = await createUser(
    t.db,
    { email: 'ot@act.test', name: 'سلمى', slug: 'salma-act', role: 'writer', passwordHash: 'x' },
    editor,
  );
  ownStory = (
    await createDraft(t.db, writer, articleFields({ title: 'خبر باسل', sectionId, authorIds: [writer] }), now)
  ).id;
  othersStory = (
    await createDraft(t.db, other, articleFields({ title: 'خبر سلمى', sectionId, authorIds: [other] }), now)
  ).id;
  await transitionArticle(t.db, editor, ownStory, 'publish', { now });
  await transitionArticle(t.db, editor, othersStory, 'publish', { now });
});
afterAll(() => t.cleanup());

describe('newsroom activity', () => {
  it('names the story, the actor and the account each row is about', async () => {
    const rows = await listActivity(t.db, { limit: 100 });
    const published = rows.find((r) => r.action === 'article.publish' && r.entityId === ownStory)!;
    expect(published).toMatchObject({
      userName: 'رنا خوري',
      articleTitle: 'خبر باسل',
      articleDeleted: false,
    });
    const created = rows.find((r) => r.action === 'user.create' && r.entityId === writer)!;
    expect(created).toMatchObject({ userName: 'رنا خوري', subjectName: 'باسل', articleTitle: null });
    await moveArticlesToSection(t.db, editor, [ownStory], (await getSectionBySlug(t.db, 'economy'))!.id);
    const moved = (await listActivity(t.db, { limit: 1 }))[0]!;
    expect(moved).toMatchObject({ action: 'article.move', articleTitle: 'خبر باسل', sectionName: 'اقتصاد' });
  });

  it('shows a writer only what concerns them: their stories, actions on them, their account', async () => {
    const mine = await listActivity(t.db, { concerning: writer, limit: 100 });
    const about = mine.map((r) => `${r.action}:${r.entity}:${r.entityId}`);
    expect(about).toContain(`article.publish:article:${ownStory}`);
    expect(about).toContain(`article.create:article:${ownStory}`);
    expect(about).toContain(`user.create:user:${writer}`);
    expect(about).not.toContain(`article.publish:article:${othersStory}`);
    expect(about).not.toContain(`user.create:user:${other}`);
    expect(await countActivity(t.db, { concerning: writer })).toBe(mine.length);
  });

  it('filters the audit log by who and by what', async () => {
    const byEditor = await listActivity(t.db, { actorId: editor, limit: 100 });
    expect(byEditor.length).toBeGreaterThan(0);
    expect(byEditor.every((r) => r.userId === editor)).toBe(true);
    const accounts = await listActivity(t.db, { entity: 'user', limit: 100 });
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    expect(accounts.every((r) => r.entity === 'user')).toBe(true);
    expect(await countActivity(t.db, { entity: 'user' })).toBe(accounts.length);
  });
});
