/**
 * Writes of the WordPress import (lib/import/wordpress/import.ts drives them). Everything an
 * import creates is recorded in import_items under the source site and the old id, so running
 * the same file again creates nothing twice: it updates what changed and leaves the rest.
 */
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { getArticleCacheFacts } from '../queries/articles';
import {
  articleAuthors,
  articles,
  articleTags,
  articleViews,
  importItems,
  importMedia,
  importRuns,
  media,
  redirects,
  sections,
  tags,
  users,
  type ArticleStatus,
  type ImportItemKind,
  type ImportReport,
  type ImportRunState,
} from '../schema';
import { syncSearchIndex } from '../search/maintain';
import { timeParam } from '../engine';
import { allRows, preparedPerDb, runPrepared } from '../queries/prepared';
import { writeTx, type WriteTx } from '../tx';
import { writeAudit } from './audit';
import { openOutbox, recordArticleChanges } from './outbox';
import { type ArticleCacheFacts, EVERY_PAGE, tagsForArticleChange } from '@/lib/cache-tags';
import { articlePath } from '@/lib/article-url';
import { canonicalTarget } from '@/lib/import/wordpress/legacy-urls';
import { saveImportedRedirects } from './redirects';

const ph = (name: string) => sql.placeholder(name);

/**
 * The writes every imported story makes, built once per connection (db/queries/prepared.ts):
 * Drizzle's building of a query costs more than SQLite's running it, 50,000 times over.
 * Placeholders in insert values go through their columns' encoders, so Dates and booleans pass as they are.
 */
const storyStatements = preparedPerDb((db) => ({
  insertArticle: db
    .insert(articles)
    .values({
      locale: ph('locale'),
      title: ph('title'),
      slug: ph('slug'),
      dek: ph('dek'),
      body: ph('body'),
      wordCount: ph('wordCount'),
      status: ph('status'),
      // Nullable: a raw parameter (timeParam), as a column's encoder would not take null.
      publishedAt: sql`${ph('publishedAt')}`,
      updatedAt: ph('updatedAt'),
      createdAt: ph('createdAt'),
      sectionId: ph('sectionId'),
      featured: ph('featured'),
      seoTitle: ph('seoTitle'),
      seoDescription: ph('seoDescription'),
      sourceOutlet: ph('sourceOutlet'),
    })
    .returning({ id: articles.id })
    .prepare(),
  insertTag: db
    .insert(articleTags)
    .values({ articleId: ph('articleId'), tagId: ph('tagId') })
    .onConflictDoNothing()
    .prepare(),
  insertAuthor: db
    .insert(articleAuthors)
    .values({ articleId: ph('articleId'), userId: ph('userId'), position: ph('position') })
    .onConflictDoNothing()
    .prepare(),
  upsertViews: db
    .insert(articleViews)
    .values({ articleId: ph('articleId'), day: ph('day'), count: ph('count') })
    .onConflictDoUpdate({
      target: [articleViews.articleId, articleViews.day],
      set: { count: sql`excluded.count` },
    })
    .prepare(),
  upsertRedirect: db
    .insert(redirects)
    .values({ fromPath: ph('fromPath'), toPath: ph('toPath'), source: ph('source') })
    .onConflictDoUpdate({
      target: redirects.fromPath,
      set: { toPath: sql`excluded.to_path`, source: sql`excluded.source` },
      // A redirect the newsroom left (a renamed listing) is never replaced by an import.
      setWhere: sql`${redirects.source} is not null`,
    })
    .prepare(),
  upsertItem: db
    .insert(importItems)
    .values({
      source: ph('source'),
      kind: ph('kind'),
      oldId: ph('oldId'),
      newId: ph('newId'),
      digest: ph('digest'),
      importedAt: ph('importedAt'),
    })
    .onConflictDoUpdate({
      target: [importItems.source, importItems.kind, importItems.oldId],
      set: {
        newId: sql`excluded.new_id`,
        digest: sql`excluded.digest`,
        importedAt: sql`excluded.imported_at`,
      },
    })
    .prepare(),
}));

/** What an import already brought in of one kind: old id → new row and the digest it came from. */
export type ImportMap = Map<string, { newId: number; digest: string }>;

export async function readImportMap(db: Db, source: string, kind: ImportItemKind): Promise<ImportMap> {
  const rows = await db
    .select({ oldId: importItems.oldId, newId: importItems.newId, digest: importItems.digest })
    .from(importItems)
    .where(and(eq(importItems.source, source), eq(importItems.kind, kind)));
  return new Map(rows.map((r) => [r.oldId, { newId: r.newId, digest: r.digest }]));
}

async function noteItem(
  tx: WriteTx,
  item: { source: string; kind: ImportItemKind; oldId: string; newId: number; digest: string },
  now: Date,
): Promise<void> {
  await runPrepared(storyStatements(tx).upsertItem, { ...item, importedAt: now });
}

/**
 * One category or tag, the same way for both: the row an earlier run made (renamed when the old
 * site renamed it), else the site's own row with that slug, else a new row; noted in import_items
 * unless nothing changed.
 */
async function importTerm(
  tx: WriteTx,
  source: string,
  kind: 'category' | 'tag',
  item: { oldId: string; slug: string; digest: string },
  known: ImportMap,
  rows: {
    byId(id: number): Promise<{ id: number; slug: string } | undefined>;
    bySlug(slug: string): Promise<{ id: number; slug: string } | undefined>;
    insert(): Promise<{ id: number; slug: string }>;
    rename(id: number): Promise<void>;
  },
  now: Date,
): Promise<{ id: number; slug: string; outcome: ImportOutcome }> {
  const before = known.get(item.oldId);
  let row = before ? await rows.byId(before.newId) : undefined;
  let outcome: ImportOutcome = 'unchanged';
  if (!row) {
    row = (await rows.bySlug(item.slug)) ?? (await rows.insert());
    outcome = 'imported';
  } else if (before!.digest !== item.digest) {
    await rows.rename(row.id);
    outcome = 'updated';
  }
  if (outcome !== 'unchanged')
    await noteItem(tx, { source, kind, oldId: item.oldId, newId: row.id, digest: item.digest }, now);
  return { ...row, outcome };
}

export type ImportOutcome = 'imported' | 'updated' | 'unchanged' | 'skipped';

export interface ImportedPerson {
  /** The author's login in the old site. */
  oldId: string;
  email: string;
  name: string;
  slug: string;
  digest: string;
  /** Old URL keys of their author archive. */
  redirects: string[];
}

/**
 * Authors as byline-only accounts (no password, so no login). An author whose e-mail already has
 * an account is that account: the newsroom's own people keep their logins and get their bylines.
 */
export async function importAuthors(
  db: Db,
  source: string,
  people: ImportedPerson[],
  known: ImportMap,
  now = new Date(),
): Promise<Map<string, { id: number; outcome: ImportOutcome }>> {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    const out = new Map<string, { id: number; outcome: ImportOutcome }>();
    let changed = false;
    for (const p of people) {
      const before = known.get(p.oldId);
      let id = before?.newId;
      let outcome: ImportOutcome = 'unchanged';
      if (
        id === undefined ||
        !(await tx.select({ id: users.id }).from(users).where(eq(users.id, id))).length
      ) {
        const email = p.email.trim().toLowerCase();
        id = (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1))[0]?.id;
        if (id === undefined) {
          let slug = p.slug || 'author';
          for (
            let n = 2;
            (await tx.select({ id: users.id }).from(users).where(eq(users.slug, slug))).length;
            n++
          )
            slug = `${p.slug || 'author'}-${n}`;
          id = (
            await tx
              .insert(users)
              .values({ email, name: p.name, slug, role: 'writer', passwordHash: null })
              .returning({ id: users.id })
          )[0]!.id;
        }
        outcome = 'imported';
        changed = true;
      } else if (before!.digest !== p.digest) {
        // Only a byline-only account is renamed by a re-import; a newsroom account is its owner's.
        await tx
          .update(users)
          .set({ name: p.name })
          .where(and(eq(users.id, id), isNull(users.passwordHash)));
        outcome = 'updated';
        changed = true;
      }
      const slug = (await tx.select({ slug: users.slug }).from(users).where(eq(users.id, id)))[0]!.slug;
      await saveImportedRedirects(
        tx,
        source,
        p.redirects.map((from) => ({ from, to: `/author/${slug}` })),
      );
      if (outcome !== 'unchanged')
        await noteItem(tx, { source, kind: 'author', oldId: p.oldId, newId: id, digest: p.digest }, now);
      out.set(p.oldId, { id, outcome });
    }
    await outbox.record(changed ? EVERY_PAGE : []);
    return out;
  });
}

export interface ImportedSection {
  oldId: string;
  slug: string;
  name: string;
  /** The parent's oldId, or null. */
  parent: string | null;
  digest: string;
  redirects: string[];
}

/**
 * Categories as sections, parents first or not: a section that already has the slug is reused
 * (the site's own "politics" takes the old site's "politics"), and the hierarchy is set after
 * every section exists.
 */
export async function importSections(
  db: Db,
  source: string,
  list: ImportedSection[],
  known: ImportMap,
  now = new Date(),
): Promise<Map<string, { id: number; slug: string; outcome: ImportOutcome }>> {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    const out = new Map<string, { id: number; slug: string; outcome: ImportOutcome }>();
    let position =
      (
        await tx
          .select({ max: sql<number>`coalesce(max(${sections.position}), 0)`.mapWith(Number) })
          .from(sections)
      )[0]!.max + 1;
    let changed = false;
    const columns = { id: sections.id, slug: sections.slug };
    for (const s of list) {
      const made = await importTerm(
        tx,
        source,
        'category',
        s,
        known,
        {
          byId: async (id) => (await tx.select(columns).from(sections).where(eq(sections.id, id)))[0],
          bySlug: async (slug) => (await tx.select(columns).from(sections).where(eq(sections.slug, slug)))[0],
          insert: async () =>
            (
              await tx
                .insert(sections)
                .values({ slug: s.slug, nameAr: s.name, nameEn: s.name, position: position++ })
                .returning(columns)
            )[0]!,
          rename: async (id) => {
            await tx.update(sections).set({ nameAr: s.name }).where(eq(sections.id, id));
          },
        },
        now,
      );
      changed ||= made.outcome !== 'unchanged';
      out.set(s.oldId, made);
    }
    for (const s of list) {
      const parent = s.parent === null ? undefined : out.get(s.parent);
      const self = out.get(s.oldId)!;
      if (self.outcome === 'imported' && parent && parent.id !== self.id)
        await tx.update(sections).set({ parentId: parent.id }).where(eq(sections.id, self.id));
      await saveImportedRedirects(
        tx,
        source,
        s.redirects.map((from) => ({ from, to: `/category/${self.slug}` })),
      );
    }
    await outbox.record(changed ? EVERY_PAGE : []);
    return out;
  });
}

export interface ImportedTag {
  oldId: string;
  slug: string;
  name: string;
  digest: string;
  redirects: string[];
}

/** Tags: an existing tag with the slug is reused; a re-import renames what it made. */
export async function importTags(
  db: Db,
  source: string,
  list: ImportedTag[],
  known: ImportMap,
  now = new Date(),
): Promise<Map<string, { id: number; slug: string; outcome: ImportOutcome }>> {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    const out = new Map<string, { id: number; slug: string; outcome: ImportOutcome }>();
    let changed = false;
    const columns = { id: tags.id, slug: tags.slug };
    for (const t of list) {
      const row = await importTerm(
        tx,
        source,
        'tag',
        t,
        known,
        {
          byId: async (id) => (await tx.select(columns).from(tags).where(eq(tags.id, id)))[0],
          bySlug: async (slug) => (await tx.select(columns).from(tags).where(eq(tags.slug, slug)))[0],
          insert: async () =>
            (await tx.insert(tags).values({ slug: t.slug, name: t.name }).returning(columns))[0]!,
          rename: async (id) => {
            await tx.update(tags).set({ name: t.name }).where(eq(tags.id, id));
          },
        },
        now,
      );
      changed ||= row.outcome !== 'unchanged';
      const to = `/tag/${encodeURIComponent(row.slug)}`;
      await saveImportedRedirects(
        tx,
        source,
        t.redirects.map((from) => ({ from, to })),
      );
      out.set(t.oldId, row);
    }
    await outbox.record(changed ? EVERY_PAGE : []);
    return out;
  });
}

export interface ImportedPost {
  oldId: string;
  /** A hash of the item and the options that shaped it. */
  digest: string;
  locale: string;
  title: string;
  slug: string;
  dek: string;
  body: string;
  wordCount: number;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  section: { id: number; slug: string };
  tags: { id: number; slug: string }[];
  authors: { id: number; slug: string }[];
  featured: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
  sourceOutlet: string;
  views: number | null;
  /** Old URL keys that answer 301 to the story. */
  redirects: string[];
  /** Images for the media job: the featured image and those inside the body. */
  images: { url: string; role: 'hero' | 'body'; alt: string; caption: string }[];
}

/**
 * The digest kept for an imported story: the item's hash and the story's version after the
 * import. A story whose version has moved since was edited in Midad, and a re-import leaves it.
 */
const storedDigest = (hash: string, version: number) => `${hash}:${version}`;

function factsOf(p: ImportedPost, id: number, now: Date): ArticleCacheFacts {
  return {
    id,
    visible: p.status === 'published' && (p.publishedAt?.getTime() ?? 0) <= now.getTime(),
    publishedAt: p.publishedAt?.getTime() ?? null,
    sectionSlug: p.section.slug,
    tagSlugs: p.tags.map((t) => t.slug),
    authorSlugs: p.authors.map((a) => a.slug),
    breaking: false,
    featured: p.featured,
  };
}

/** What became of one story of a batch; `error` when it could not be written (and nothing of it was). */
export type ImportedPostResult =
  { id: number; outcome: ImportOutcome; path: string } | { id: null; outcome: 'skipped'; error: string };

/**
 * A batch of stories, each all or nothing: created, updated (when the old site's copy changed
 * and no one has edited it here since), or left as it is, with its tags, bylines, search entry,
 * view count, old URLs and images. The batch commits once, with one outbox row naming the pages
 * its stories changed: 50,000 commits would cost more than the import itself.
 *
 * CASE: no savepoint per story on the way that works. SQLite's FTS5 writes its pending terms
 * out as a new index segment at every savepoint, so a savepoint per story costs a segment per
 * story and the merging of them all (in a profile of a 10,000-post import, SAVEPOINT and
 * RELEASE took 29% of the time; without them 4%). So the batch runs plainly;
 * if one story fails, the whole batch is rolled back and run again with each story in a
 * savepoint of its own, where the failing one is undone alone and reported.
 */
export async function importPosts(
  db: Db,
  source: string,
  batch: { post: ImportedPost; known: { newId: number; digest: string } | undefined }[],
  now = new Date(),
): Promise<ImportedPostResult[]> {
  try {
    return await writeBatch(db, source, batch, now, false);
  } catch {
    return writeBatch(db, source, batch, now, true);
  }
}

async function writeBatch(
  db: Db,
  source: string,
  batch: { post: ImportedPost; known: { newId: number; digest: string } | undefined }[],
  now: Date,
  isolate: boolean,
): Promise<ImportedPostResult[]> {
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    const pages: string[] = [];
    const results: ImportedPostResult[] = [];
    for (const { post, known } of batch) {
      if (!isolate) {
        results.push(await importPost(tx, source, post, known, pages, now));
        continue;
      }
      try {
        results.push(await writeTx(tx, (story) => importPost(story, source, post, known, pages, now)));
      } catch (error) {
        results.push({
          id: null,
          outcome: 'skipped',
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    await outbox.record(pages);
    return results;
  });
}

async function importPost(
  tx: WriteTx,
  source: string,
  p: ImportedPost,
  known: { newId: number; digest: string } | undefined,
  pages: string[],
  now: Date,
): Promise<{ id: number; outcome: ImportOutcome; path: string }> {
  let id = known?.newId;
  let before: ArticleCacheFacts | null = null;
  if (id !== undefined) {
    const current = (
      await tx
        .select({ version: articles.version, slug: articles.slug, locale: articles.locale })
        .from(articles)
        .where(eq(articles.id, id))
    )[0];
    if (!current) id = undefined;
    else {
      const [hash, version] = known!.digest.split(':');
      const path = articlePath({ id, slug: current.slug, locale: current.locale });
      if (hash === p.digest) return { id, outcome: 'unchanged', path };
      if (Number(version) !== current.version) return { id, outcome: 'skipped', path };
      before = await getArticleCacheFacts(tx, id, now);
    }
  }
  const values = {
    locale: p.locale,
    title: p.title,
    slug: p.slug,
    dek: p.dek,
    body: p.body,
    wordCount: p.wordCount,
    status: p.status,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
    sectionId: p.section.id,
    featured: p.featured,
    seoTitle: p.seoTitle,
    seoDescription: p.seoDescription,
    sourceOutlet: p.sourceOutlet,
  };
  let version = 1;
  const st = storyStatements(tx);
  if (id === undefined) {
    id = (
      await allRows(st.insertArticle, {
        ...values,
        publishedAt: p.publishedAt && timeParam(p.publishedAt),
        createdAt: p.publishedAt ?? p.updatedAt,
      })
    )[0]!.id;
  } else {
    version = (
      await tx
        .update(articles)
        .set({ ...values, version: sql`${articles.version} + 1` })
        .where(eq(articles.id, id))
        .returning({ version: articles.version })
    )[0]!.version;
    await tx.delete(articleTags).where(eq(articleTags.articleId, id));
    await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, id));
  }
  const articleId = id;
  for (const t of p.tags) await runPrepared(st.insertTag, { articleId, tagId: t.id });
  for (const [position, a] of p.authors.entries())
    await runPrepared(st.insertAuthor, { articleId, userId: a.id, position });
  await syncSearchIndex(tx, [articleId]);
  if (p.views) {
    const day = (p.publishedAt ?? p.updatedAt).toISOString().slice(0, 10);
    await runPrepared(st.upsertViews, { articleId, day, count: p.views });
  }
  const path = articlePath({ id: articleId, slug: p.slug, locale: p.locale });
  // A story's own new path is never an old address, so it needs none of saveImportedRedirects'
  // lookups: one prepared upsert per old URL.
  const toPath = canonicalTarget(path);
  for (const fromPath of new Set(p.redirects))
    if (fromPath !== toPath) await runPrepared(st.upsertRedirect, { fromPath, toPath, source });
  for (const image of p.images)
    await tx
      .insert(importMedia)
      .values({ source, articleId, ...image })
      .onConflictDoNothing();
  await runPrepared(st.upsertItem, {
    source,
    kind: 'post',
    oldId: p.oldId,
    newId: articleId,
    digest: storedDigest(p.digest, version),
    importedAt: now,
  });
  pages.push(...tagsForArticleChange(before, factsOf(p, articleId, now)));
  return { id: articleId, outcome: known && before ? 'updated' : 'imported', path };
}

/**
 * Old URLs that lead to a story already imported (an attachment page, `?attachment_id=`), once
 * every story exists. In one transaction; they change no cached page.
 */
export async function importRedirects(
  db: Db,
  source: string,
  rows: { from: string; to: string }[],
): Promise<void> {
  if (!rows.length) return;
  await writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    await saveImportedRedirects(tx, source, rows);
    await outbox.record([]);
  });
}

/**
 * Polylang's pairs as translation links: each pair of stories in the two editions shares a
 * translation key (the smaller id), unless one of them is linked already (an editor's choice).
 * Returns how many pairs were linked.
 */
export async function linkImportedTranslations(db: Db, pairs: [number, number][]): Promise<number> {
  if (!pairs.length) return 0;
  return writeTx(db, async (tx) => {
    const outbox = await openOutbox(tx);
    let linked = 0;
    const touched: number[] = [];
    for (const [a, b] of pairs) {
      const rows = await tx
        .select({ id: articles.id, locale: articles.locale, key: articles.translationKey })
        .from(articles)
        .where(inArray(articles.id, [a, b]));
      if (rows.length !== 2 || rows[0]!.locale === rows[1]!.locale) continue;
      const key = Math.min(a, b);
      if (rows.every((r) => r.key === key)) continue;
      if (rows.some((r) => r.key !== null)) continue;
      await tx
        .update(articles)
        .set({ translationKey: key })
        .where(inArray(articles.id, [a, b]));
      touched.push(a, b);
      linked++;
    }
    // The edition switch of both stories' pages changes.
    await outbox.record(touched.length ? EVERY_PAGE : []);
    return linked;
  });
}

/** A new import run, for the progress view and the report. */
export async function startImportRun(
  db: Db,
  run: { source: string; fileName: string; dryRun: boolean; startedBy: number | null; report: ImportReport },
  now = new Date(),
): Promise<number> {
  return writeTx(db, async (tx) => {
    const id = (
      await tx
        .insert(importRuns)
        .values({ ...run, state: 'running', startedAt: now })
        .returning({ id: importRuns.id })
    )[0]!.id;
    await writeAudit(tx, {
      userId: run.startedBy,
      action: 'import.start',
      entity: 'import',
      entityId: id,
      details: { source: run.source, file: run.fileName, dryRun: run.dryRun },
    });
    return id;
  });
}

/** The figures so far of a running import. */
export async function updateImportRun(db: Db, id: number, report: ImportReport): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx.update(importRuns).set({ report }).where(eq(importRuns.id, id));
  });
}

/** The end of an import run: its state, report and, for a failed one, why. */
export async function finishImportRun(
  db: Db,
  id: number,
  end: { state: Exclude<ImportRunState, 'running'>; report: ImportReport; error?: string | null },
  now = new Date(),
): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx
      .update(importRuns)
      .set({ state: end.state, report: end.report, error: end.error ?? null, finishedAt: now })
      .where(eq(importRuns.id, id));
  });
}

export type PendingImportImage = typeof importMedia.$inferSelect;

/** Images still to fetch, oldest first (a source's, or every source's). */
export async function listPendingImportImages(
  db: Db,
  source: string | null,
  limit: number,
): Promise<PendingImportImage[]> {
  return db
    .select()
    .from(importMedia)
    .where(
      source === null
        ? eq(importMedia.state, 'pending')
        : and(eq(importMedia.state, 'pending'), eq(importMedia.source, source)),
    )
    .orderBy(importMedia.id)
    .limit(limit);
}

/** How many images are still to fetch (a source's, or every source's). */
export async function countPendingImportImages(db: Db, source: string | null): Promise<number> {
  const pending = eq(importMedia.state, 'pending');
  return (
    await db
      .select({ n: count() })
      .from(importMedia)
      .where(source === null ? pending : and(pending, eq(importMedia.source, source)))
  )[0]!.n;
}

/** A fetch that did not work: tried again by the next run until `final`, then failed for good. */
export async function noteImportImageFailure(
  db: Db,
  ids: number[],
  error: string,
  final: boolean,
): Promise<void> {
  if (!ids.length) return;
  await writeTx(db, async (tx) => {
    await tx
      .update(importMedia)
      .set({
        attempts: sql`${importMedia.attempts} + 1`,
        error,
        ...(final ? { state: 'failed' as const } : {}),
      })
      .where(inArray(importMedia.id, ids));
  });
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An image the media job stored: its media row, then for each story that uses it, the hero (when
 * the story has none yet) or the link the import left in the body swapped for the image. One
 * transaction; the stories' pages go stale.
 */
export async function attachImportedImage(
  db: Db,
  rows: PendingImportImage[],
  stored: {
    stem: string;
    width: number;
    height: number;
    variantWidths: number[];
    focalX: number;
    focalY: number;
  },
  bodyWidth: number,
): Promise<number> {
  return writeTx(db, async (tx) => {
    const first = rows[0]!;
    const mediaId = (
      await tx
        .insert(media)
        .values({ ...stored, alt: first.alt || '', caption: first.caption, credit: '', uploadedBy: null })
        .returning({ id: media.id })
    )[0]!.id;
    const ids = [...new Set(rows.map((r) => r.articleId))];
    await recordArticleChanges(tx, ids, async () => {
      for (const r of rows) {
        if (r.role === 'hero') {
          await tx
            .update(articles)
            .set({ heroMediaId: mediaId })
            .where(and(eq(articles.id, r.articleId), isNull(articles.heroMediaId)));
          continue;
        }
        const a = (
          await tx.select({ body: articles.body }).from(articles).where(eq(articles.id, r.articleId))
        )[0];
        if (!a) continue;
        const link = new RegExp(`<a href="${escapeRegExp(escapeHtml(r.url))}"[^>]*>([^<]*)</a>`, 'g');
        const body = a.body.replace(
          link,
          (_m, text: string) =>
            `<img src="/media/${stored.stem}-${bodyWidth}.webp" alt="${r.alt ? escapeHtml(r.alt) : text}" width="${stored.width}" height="${stored.height}">`,
        );
        if (body !== a.body) await tx.update(articles).set({ body }).where(eq(articles.id, r.articleId));
      }
    });
    await tx
      .update(importMedia)
      .set({ state: 'done', mediaId, error: null, attempts: sql`${importMedia.attempts} + 1` })
      .where(
        inArray(
          importMedia.id,
          rows.map((r) => r.id),
        ),
      );
    return mediaId;
  });
}
