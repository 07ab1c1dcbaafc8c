import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft, transitionArticle, type ArticleFields } from '@/db/mutations/articles';
import { insertSession } from '@/db/mutations/sessions';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { articles, users, type UserRole } from '@/db/schema';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { actionId, callAction as callServerAction } from '../helpers/actions';
import { articleFields } from '../helpers/fixtures';
import { openServerDb } from '../helpers/server-db';

/**
 * Calls the newsroom's server actions the way an attacker would: straight over HTTP with the
 * action id, as a logged-out client and as each role. The server must refuse what the role
 * may not do, whatever the buttons on screen show.
 */
const base = inject('baseURL');
let db: Db;
let ownerId: number;
let fields: ArticleFields;
const cookies: Record<string, string> = {};
const made: number[] = [];
const stamp = Date.now();

function callAction(name: string, args: unknown[], role: UserRole | 'anonymous'): Promise<string> {
  return callServerAction(
    base,
    name,
    args,
    role === 'anonymous' ? undefined : `midad_session=${cookies[role]}`,
  );
}

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  ownerId = (await db.select({ id: users.id }).from(users).where(eq(users.slug, 'newsroom')).limit(1))[0]!.id;
  for (const role of ['writer', 'editor', 'admin'] as const) {
    const id = await createUser(
      db,
      {
        email: `${role}-matrix-${stamp}@midad.example`,
        name: role,
        slug: `${role}-matrix-${stamp}`,
        role,
        passwordHash: 'x',
      },
      null,
    );
    const token = newToken();
    await insertSession(db, { idHash: hashToken(token), userId: id, now: new Date(), userAgent: 'matrix' });
    cookies[role] = token;
  }
  fields = articleFields({
    title: `خبر لاختبار الصلاحيات ${stamp}`,
    slug: `صلاحيات-${stamp}`,
    sectionId: (await getSectionBySlug(db, 'local'))!.id,
    authorIds: [ownerId],
  });
});

afterAll(async () => {
  for (const id of made) await db.delete(articles).where(eq(articles.id, id));
  await db.delete(users).where(eq(users.passwordHash, 'x'));
  await closeDb(db);
});

/** A story by someone else, in the state the step starts from. */
async function storyIn(state: 'draft' | 'published'): Promise<number> {
  const { id } = await createDraft(db, ownerId, fields);
  made.push(id);
  if (state === 'published') await transitionArticle(db, ownerId, id, 'publish');
  return id;
}

const statusOf = async (id: number) =>
  (
    await db
      .select({ s: articles.status, d: articles.deletedAt })
      .from(articles)
      .where(eq(articles.id, id))
      .limit(1)
  )[0]!;

type Role = UserRole | 'anonymous';
const STEPS = [
  { step: 'submit', from: 'draft', allowed: ['editor', 'admin'] },
  { step: 'publish', from: 'draft', allowed: ['editor', 'admin'] },
  { step: 'schedule', from: 'draft', allowed: ['editor', 'admin'] },
  { step: 'unpublish', from: 'published', allowed: ['editor', 'admin'] },
  { step: 'archive', from: 'published', allowed: ['editor', 'admin'] },
  { step: 'delete', from: 'published', allowed: ['editor', 'admin'] },
] as const;
const ROLES: Role[] = ['anonymous', 'writer', 'editor', 'admin'];

describe('server actions enforce roles', () => {
  it.each(STEPS.flatMap((s) => ROLES.map((role) => [s.step, role, s] as const)))(
    '%s on someone else’s story as %s',
    async (step, role, s) => {
      const id = await storyIn(s.from);
      const before = await statusOf(id);
      const at = new Date(Date.now() + 3_600_000).toISOString();
      const body = await callAction(
        'transitionArticleAction',
        step === 'schedule' ? [id, step, at] : [id, step],
        role,
      );
      if ((s.allowed as readonly Role[]).includes(role)) {
        expect(body).toContain('"ok":true');
        expect(await statusOf(id)).not.toEqual(before);
      } else {
        expect(body).toMatch(role === 'anonymous' ? /"error":"session"/ : /"error":"forbidden"/);
        expect(await statusOf(id)).toEqual(before);
      }
    },
  );

  it.each(ROLES)('editing someone else’s draft as %s', async (role) => {
    const id = await storyIn('draft');
    const input = {
      id,
      locale: 'ar',
      title: 'عنوان مختطف',
      slug: '',
      dek: '',
      body: '<p>x</p>',
      sectionId: fields.sectionId,
      tags: [],
      authorIds: [],
      sourceOutlet: '',
      sourceAgency: '',
      heroMediaId: null,
      breaking: false,
      breakingUntil: '',
      featured: false,
      seoTitle: '',
      seoDescription: '',
      // The version this save starts from: the editor always sends it.
      version: (
        await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)).limit(1)
      )[0]!.v,
    };
    const body = await callAction('saveArticleAction', [input], role);
    const title = (
      await db.select({ t: articles.title }).from(articles).where(eq(articles.id, id)).limit(1)
    )[0]!.t;
    if (role === 'editor' || role === 'admin') {
      expect(body).toContain('"ok":true');
      expect(title).toBe('عنوان مختطف');
    } else {
      expect(body).toMatch(role === 'anonymous' ? /"error":"session"/ : /"error":"forbidden"/);
      expect(title).toBe(fields.title);
    }
  });

  it('refuses a cross-site POST to a server action', async () => {
    const id = await storyIn('draft');
    const res = await fetch(`${base}/admin/articles/new`, {
      method: 'POST',
      headers: {
        'Next-Action': actionId('transitionArticleAction'),
        'Content-Type': 'text/plain;charset=UTF-8',
        Origin: 'https://evil.example',
        Cookie: `midad_session=${cookies.editor}`,
      },
      body: JSON.stringify([id, 'publish']),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await statusOf(id)).s).toBe('draft');
  });

  it.each([
    ['/admin/users', ['admin']],
    ['/admin/settings', ['admin']],
    ['/admin/sections', ['editor', 'admin']],
    ['/admin/tags', ['editor', 'admin']],
    ['/admin/audit', ['editor', 'admin']],
  ] as const)('%s is only for %o', async (page, allowed) => {
    for (const role of ['writer', 'editor', 'admin'] as const) {
      const res = await fetch(base + page, {
        headers: { Cookie: `midad_session=${cookies[role]}` },
        redirect: 'manual',
      });
      expect(res.status, role).toBe((allowed as readonly string[]).includes(role) ? 200 : 404);
    }
    const anonymous = await fetch(base + page, { redirect: 'manual' });
    expect(anonymous.headers.get('location')).toMatch(/\/admin\/login$/);
  });
});
