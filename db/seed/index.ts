import { count, eq, inArray } from 'drizzle-orm';
import { writeCardVariants } from '@/lib/media/card-variants';
import { createMediaStorage, type MediaStorage } from '@/lib/media/storage';
import { storeImage } from '@/lib/media/upload';
import { slugify } from '@/lib/arabic/slug';
import type { Db } from '../client';
import { rebuildSearchIndex } from '../search/maintain';
import { articleAuthors, articles, articleTags, articleViews, media, sections, tags, users } from '../schema';
import { writeTx, type WriteTx } from '../tx';
import { storyBodyHtml, storyWordCount } from './body';
import {
  DEMO_AGENCIES,
  DEMO_AGENCIES_EN,
  DEMO_OUTLET_EN,
  IMAGE_CREDIT_EN,
  IMAGE_MOTIFS_EN,
  DEMO_AUTHORS,
  DEMO_OUTLET,
  DEMO_SECTIONS,
  IMAGE_CREDIT,
  IMAGE_MOTIFS,
  SECTION_AUTHORS,
} from './catalogue';
import { illustrationSvg } from './images';
import { stories as culture } from './stories/culture';
import { englishStories } from './stories/english';
import { arabicTranslations } from './stories/translations';
import { stories as economy } from './stories/economy';
import { stories as health } from './stories/health';
import { stories as local } from './stories/local';
import { stories as politics } from './stories/politics';
import { stories as sports } from './stories/sports';
import { stories as tech } from './stories/tech';
import { stories as world } from './stories/world';
import type { StorySeed } from './types';

const STORIES: Record<(typeof DEMO_SECTIONS)[number]['slug'], StorySeed[]> = {
  local,
  world,
  politics,
  economy,
  sports,
  culture,
  tech,
  health,
};

export const DEFAULT_DEMO_ARTICLES = 240;

/** A small deterministic PRNG, so every fresh install shows the same demo site. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.select({ n: count() }).from(articles))[0]!.n === 0;
}

/**
 * Rows per INSERT: a few hundred rows of at most 24 columns stay well inside PostgreSQL's 65,535
 * parameters per statement (and SQLite's 32,766).
 */
const INSERT_ROWS = 500;

/** Articles per INSERT, as always: the page-view draws of the PRNG follow each batch. */
const ARTICLE_BATCH = 250;

/**
 * Article batches per transaction. SQLite pays little per commit in WAL mode, PostgreSQL a round
 * trip and a WAL flush; 2,000 articles per transaction keeps both cheap without one transaction
 * holding a whole benchmark database.
 */
const BATCHES_PER_TX = 8;

async function insertInChunks<R>(rows: R[], insert: (chunk: R[]) => Promise<unknown>): Promise<void> {
  for (let k = 0; k < rows.length; k += INSERT_ROWS) await insert(rows.slice(k, k + INSERT_ROWS));
}

/** Body, word count and slug of a demo story: the large seed reuses each story many times. */
function memoStory() {
  const made = new Map<StorySeed, { body: string; wordCount: number; slug: string }>();
  return (story: StorySeed) => {
    let facts = made.get(story);
    if (!facts) {
      facts = { body: storyBodyHtml(story), wordCount: storyWordCount(story), slug: slugify(story.title) };
      made.set(story, facts);
    }
    return facts;
  };
}

export type SeedOptions = {
  articles?: number;
  now?: Date;
  log?: (line: string) => void;
} & ({ media: MediaStorage } | { mediaDir: string });

/** Fills an empty database with the demo newsroom. Articles are inserted oldest first. */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<{ articles: number; ms: number }> {
  const started = Date.now();
  const total = opts.articles ?? DEFAULT_DEMO_ARTICLES;
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});
  const random = prng(2026);
  const storage = 'media' in opts ? opts.media : createMediaStorage({ kind: 'local', dir: opts.mediaDir });

  const sectionIds = new Map<string, number>();
  const authorIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  const mediaIds = new Map<string, number[]>();

  // Rows come back keyed by a unique column, so the ids never depend on RETURNING's order.
  await writeTx(db, async (tx) => {
    const sectionRows = await tx
      .insert(sections)
      .values(
        DEMO_SECTIONS.map((s, position) => ({ slug: s.slug, nameAr: s.nameAr, nameEn: s.nameEn, position })),
      )
      .returning({ id: sections.id, slug: sections.slug });
    for (const row of sectionRows) sectionIds.set(row.slug, row.id);
    const authorRows = await tx
      .insert(users)
      .values(
        DEMO_AUTHORS.map((a) => ({
          email: `${a.slug}@midad.example`,
          name: a.name,
          nameEn: a.nameEn,
          slug: a.slug,
          role: a.role,
          bio: a.bio,
          bioEn: a.bioEn,
        })),
      )
      .returning({ id: users.id, slug: users.slug });
    for (const row of authorRows) authorIds.set(row.slug, row.id);
    const names = [...new Set(Object.values(STORIES).flatMap((list) => list.flatMap((s) => s.tags)))];
    const tagRows = await tx
      .insert(tags)
      .values(names.map((name) => ({ name, slug: slugify(name) })))
      .returning({ id: tags.id, name: tags.name });
    for (const row of tagRows) tagIds.set(row.name, row.id);
  });

  // The drawings first (sharp's work, outside any transaction), then their rows in one insert.
  const images = [];
  for (const s of DEMO_SECTIONS) {
    for (const [variant, motif] of IMAGE_MOTIFS.entries()) {
      const stem = `demo-${s.slug}-${variant + 1}`;
      const drawing = illustrationSvg(s.hue, variant);
      const stored = await storeImage(storage, drawing, stem);
      images.push({
        ...stored,
        alt: `${motif.alt} – ${s.nameAr}`,
        caption: `${motif.caption} – ${s.nameAr}`,
        credit: IMAGE_CREDIT,
      });
    }
  }
  const imageIds = await insertMedia(db, images);
  for (const s of DEMO_SECTIONS)
    mediaIds.set(
      s.slug,
      IMAGE_MOTIFS.map((_, variant) => imageIds.get(`demo-${s.slug}-${variant + 1}`)!),
    );
  log(`sections, authors, tags and ${DEMO_SECTIONS.length * IMAGE_MOTIFS.length} images ready`);

  // Demo stories spread over three weeks; a large benchmark database over about ten minutes each.
  const span = total <= 1000 ? 21 * 86_400_000 : total * 600_000;
  const newest = now.getTime() - 4 * 60_000;
  const storyFacts = memoStory();
  const CHUNK = ARTICLE_BATCH;
  for (let txStart = 0; txStart < total; txStart += CHUNK * BATCHES_PER_TX) {
    const txEnd = Math.min(total, txStart + CHUNK * BATCHES_PER_TX);
    await writeTx(db, async (tx) => {
      for (let startIdx = txStart; startIdx < txEnd; startIdx += CHUNK) {
        const end = Math.min(total, startIdx + CHUNK);
        const rows = [];
        const meta: { tags: string[]; authors: string[] }[] = [];
        for (let i = startIdx; i < end; i++) {
          const section = DEMO_SECTIONS[i % DEMO_SECTIONS.length]!;
          const list = STORIES[section.slug];
          const story = list[Math.floor(i / DEMO_SECTIONS.length) % list.length]!;
          const fromNewest = total - 1 - i;
          const jitter = Math.floor(random() * 20 * 60_000);
          const at = fromNewest === 0 ? newest : newest - Math.floor((span * fromNewest) / total) - jitter;
          const publishedAt = new Date(at);
          const desk = SECTION_AUTHORS[section.slug];
          const authors = random() < 0.2 ? desk : [desk[0]!];
          const facts = storyFacts(story);
          rows.push({
            locale: 'ar',
            title: story.title,
            slug: facts.slug,
            dek: story.dek,
            body: facts.body,
            wordCount: facts.wordCount,
            status: 'published' as const,
            publishedAt,
            updatedAt: random() < 0.3 ? new Date(Math.min(now.getTime(), at + 3_600_000)) : publishedAt,
            createdAt: publishedAt,
            sectionId: sectionIds.get(section.slug)!,
            heroMediaId: mediaIds.get(section.slug)![i % IMAGE_MOTIFS.length]!,
            sourceOutlet: DEMO_OUTLET,
            sourceAgency: DEMO_AGENCIES[i % DEMO_AGENCIES.length]!,
            breaking: fromNewest === 0 || fromNewest === 3 || fromNewest === 7,
            featured: fromNewest % 11 === 1 && fromNewest < 120,
          });
          meta.push({ tags: story.tags, authors });
        }
        // CASE: ids[k] is rows[k]'s id. A multi-row INSERT … RETURNING hands its rows back in the
        // order of VALUES on SQLite and PostgreSQL alike; titles repeat, so there is no key to match.
        const ids = await tx.insert(articles).values(rows).returning({ id: articles.id });
        const tagRows = ids.flatMap(({ id }, k) =>
          meta[k]!.tags.map((name) => ({ articleId: id, tagId: tagIds.get(name)! })),
        );
        const authorRows = ids.flatMap(({ id }, k) =>
          meta[k]!.authors.map((slug, position) => ({
            articleId: id,
            userId: authorIds.get(slug)!,
            position,
          })),
        );
        await insertInChunks(tagRows, (chunk) => tx.insert(articleTags).values(chunk).onConflictDoNothing());
        await insertInChunks(authorRows, (chunk) => tx.insert(articleAuthors).values(chunk));
        // Reader interest for the "most read" list: the newest stories get a few days of views.
        if (total - end < 150) {
          const views = ids
            .filter((_, k) => total - 1 - (startIdx + k) < 150)
            .flatMap(({ id }) =>
              [0, 1, 2].map((d) => ({
                articleId: id,
                day: new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10),
                count: Math.floor(random() * random() * 900),
              })),
            );
          await insertInChunks(views, (chunk) => tx.insert(articleViews).values(chunk));
        }
        if ((end / CHUNK) % 40 === 0) log(`${end} articles`);
      }
    });
  }
  await seedEnglishEdition(db, { now, storage, sectionIds, authorIds, random });
  log(`English edition: ${Object.values(englishStories).flat().length} stories`);
  log(`search index: ${await rebuildSearchIndex(db)} articles`);
  const ms = Date.now() - started;
  log(`seeded ${total} articles in ${(ms / 1000).toFixed(1)} s`);
  return { articles: total, ms };
}

/**
 * The English edition's demo stories: a few per section over the last ten days, with English
 * tags and the same illustrations described in English (their files copied under new stems).
 */
async function seedEnglishEdition(
  db: Db,
  p: {
    now: Date;
    storage: MediaStorage;
    sectionIds: Map<string, number>;
    authorIds: Map<string, number>;
    random: () => number;
  },
): Promise<void> {
  const copies = [];
  const stems = new Map<string, string[]>();
  for (const s of DEMO_SECTIONS) {
    const sectionStems: string[] = [];
    for (const [variant, motif] of IMAGE_MOTIFS_EN.entries()) {
      const from = `demo-${s.slug}-${variant + 1}`;
      const stem = `${from}-en`;
      const source = (await db.select().from(media).where(eq(media.stem, from)).limit(1))[0];
      if (!source) continue;
      for (const width of source.variantWidths) {
        const bytes = await p.storage.get(`${from}-${width}.webp`);
        if (bytes) await p.storage.putIfAbsent(`${stem}-${width}.webp`, bytes);
      }
      await writeCardVariants(p.storage, { ...source, stem });
      copies.push({
        stem,
        width: source.width,
        height: source.height,
        variantWidths: source.variantWidths,
        focalX: source.focalX,
        focalY: source.focalY,
        alt: `${motif.alt} – ${s.nameEn}`,
        caption: `${motif.caption} – ${s.nameEn}`,
        credit: IMAGE_CREDIT_EN,
      });
      sectionStems.push(stem);
    }
    stems.set(s.slug, sectionStems);
  }
  const stemIds = await insertMedia(db, copies);
  const imageIds = new Map([...stems].map(([slug, list]) => [slug, list.map((stem) => stemIds.get(stem)!)]));
  const stories = DEMO_SECTIONS.flatMap((s) =>
    englishStories[s.slug].map((story) => ({ section: s, story })),
  );
  const newest = p.now.getTime() - 7 * 60_000;
  await writeTx(db, async (tx) => {
    const tagIds = new Map<string, number>();
    const names = [...new Set(stories.flatMap(({ story }) => story.tags))];
    const tagRows = await tx
      .insert(tags)
      .values(names.map((name) => ({ name, slug: slugify(name) })))
      .returning({ id: tags.id, name: tags.name });
    for (const row of tagRows) tagIds.set(row.name, row.id);
    // One story at a time: each English article's id is followed by its Arabic translation's.
    for (const [i, { section, story }] of stories.entries()) {
      // Interleaved across sections, newest first, over about ten days.
      const publishedAt = new Date(newest - i * 10 * 3_600_000 - Math.floor(p.random() * 3_600_000));
      const images = imageIds.get(section.slug) ?? [];
      const { id } = (
        await tx
          .insert(articles)
          .values({
            locale: 'en',
            title: story.title,
            slug: slugify(story.title),
            dek: story.dek,
            body: storyBodyHtml(story, 'en'),
            wordCount: storyWordCount(story),
            status: 'published',
            publishedAt,
            updatedAt: publishedAt,
            createdAt: publishedAt,
            sectionId: p.sectionIds.get(section.slug)!,
            heroMediaId: images[i % Math.max(1, images.length)] ?? null,
            sourceOutlet: DEMO_OUTLET_EN,
            sourceAgency: DEMO_AGENCIES_EN[i % DEMO_AGENCIES_EN.length]!,
            breaking: i === 0,
            featured: i % 5 === 1,
          })
          .returning({ id: articles.id })
      )[0]!;
      const storyTags = story.tags.map((name) => ({ articleId: id, tagId: tagIds.get(name)! }));
      await insertInChunks(storyTags, (chunk) => tx.insert(articleTags).values(chunk));
      await tx
        .insert(articleAuthors)
        .values({ articleId: id, userId: p.authorIds.get(SECTION_AUTHORS[section.slug][0]!)!, position: 0 });
      const arabic = arabicTranslations[story.title];
      if (arabic)
        await seedTranslation(tx, {
          englishId: id,
          story: arabic,
          section,
          publishedAt,
          authorIds: p.authorIds,
        });
    }
  });
}

/** Inserts media rows in one transaction; returns each row's id by its stem. */
async function insertMedia(db: Db, rows: (typeof media.$inferInsert)[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (rows.length === 0) return ids;
  await writeTx(db, async (tx) => {
    for (let k = 0; k < rows.length; k += INSERT_ROWS) {
      const chunk = rows.slice(k, k + INSERT_ROWS);
      for (const row of await tx.insert(media).values(chunk).returning({ id: media.id, stem: media.stem }))
        ids.set(row.stem, row.id);
    }
  });
  return ids;
}

/** The Arabic edition of an English demo story, published beside it and linked as its translation. */
async function seedTranslation(
  tx: WriteTx,
  p: {
    englishId: number;
    story: StorySeed;
    section: (typeof DEMO_SECTIONS)[number];
    publishedAt: Date;
    authorIds: Map<string, number>;
  },
): Promise<void> {
  const image = (
    await tx
      .select({ id: media.id })
      .from(media)
      .where(eq(media.stem, `demo-${p.section.slug}-1`))
      .limit(1)
  )[0];
  const section = (
    await tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, p.section.slug)).limit(1)
  )[0]!;
  const publishedAt = new Date(p.publishedAt.getTime() + 5 * 60_000);
  const { id } = (
    await tx
      .insert(articles)
      .values({
        locale: 'ar',
        title: p.story.title,
        slug: slugify(p.story.title),
        dek: p.story.dek,
        body: storyBodyHtml(p.story),
        wordCount: storyWordCount(p.story),
        status: 'published',
        publishedAt,
        updatedAt: publishedAt,
        createdAt: publishedAt,
        sectionId: section.id,
        heroMediaId: image?.id ?? null,
        sourceOutlet: DEMO_OUTLET,
        sourceAgency: DEMO_AGENCIES[0]!,
      })
      .returning({ id: articles.id })
  )[0]!;
  for (const name of p.story.tags) {
    const slug = slugify(name);
    const tagId =
      (await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).limit(1))[0]?.id ??
      (await tx.insert(tags).values({ name, slug }).returning({ id: tags.id }))[0]!.id;
    await tx.insert(articleTags).values({ articleId: id, tagId }).onConflictDoNothing();
  }
  await tx
    .insert(articleAuthors)
    .values({ articleId: id, userId: p.authorIds.get(SECTION_AUTHORS[p.section.slug][0]!)!, position: 0 });
  await tx
    .update(articles)
    .set({ translationKey: Math.min(id, p.englishId) })
    .where(inArray(articles.id, [id, p.englishId]));
}
