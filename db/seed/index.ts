import { count, eq, inArray } from 'drizzle-orm';
import { writeCardVariants } from '@/lib/media/card-variants';
import { createMediaStorage, type MediaStorage } from '@/lib/media/storage';
import { storeImage } from '@/lib/media/upload';
import { slugify } from '@/lib/arabic/slug';
import type { Db } from '../client';
import type { Tx } from '../mutations/audit';
import { rebuildSearchIndex } from '../search/maintain';
import { articleAuthors, articles, articleTags, articleViews, media, sections, tags, users } from '../schema';
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

export function isDatabaseEmpty(db: Db): boolean {
  return db.select({ n: count() }).from(articles).get()!.n === 0;
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

  db.transaction((tx) => {
    DEMO_SECTIONS.forEach((s, position) => {
      const row = tx
        .insert(sections)
        .values({ slug: s.slug, nameAr: s.nameAr, nameEn: s.nameEn, position })
        .returning({ id: sections.id })
        .get();
      sectionIds.set(s.slug, row.id);
    });
    for (const a of DEMO_AUTHORS) {
      const row = tx
        .insert(users)
        .values({
          email: `${a.slug}@midad.example`,
          name: a.name,
          nameEn: a.nameEn,
          slug: a.slug,
          role: a.role,
          bio: a.bio,
          bioEn: a.bioEn,
        })
        .returning({ id: users.id })
        .get();
      authorIds.set(a.slug, row.id);
    }
    const names = new Set(Object.values(STORIES).flatMap((list) => list.flatMap((s) => s.tags)));
    for (const name of names) {
      const row = tx
        .insert(tags)
        .values({ name, slug: slugify(name) })
        .returning({ id: tags.id })
        .get();
      tagIds.set(name, row.id);
    }
  });

  for (const s of DEMO_SECTIONS) {
    const ids: number[] = [];
    for (const [variant, motif] of IMAGE_MOTIFS.entries()) {
      const stem = `demo-${s.slug}-${variant + 1}`;
      const drawing = illustrationSvg(s.hue, variant);
      const stored = await storeImage(storage, drawing, stem);
      const row = db
        .insert(media)
        .values({
          ...stored,
          alt: `${motif.alt} – ${s.nameAr}`,
          caption: `${motif.caption} – ${s.nameAr}`,
          credit: IMAGE_CREDIT,
        })
        .returning({ id: media.id })
        .get();
      ids.push(row.id);
    }
    mediaIds.set(s.slug, ids);
  }
  log(`sections, authors, tags and ${DEMO_SECTIONS.length * IMAGE_MOTIFS.length} images ready`);

  // Demo stories spread over three weeks; a large benchmark database over about ten minutes each.
  const span = total <= 1000 ? 21 * 86_400_000 : total * 600_000;
  const newest = now.getTime() - 4 * 60_000;
  const CHUNK = 250;
  for (let startIdx = 0; startIdx < total; startIdx += CHUNK) {
    const end = Math.min(total, startIdx + CHUNK);
    db.transaction((tx) => {
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
        rows.push({
          locale: 'ar',
          title: story.title,
          slug: slugify(story.title),
          dek: story.dek,
          body: storyBodyHtml(story),
          wordCount: storyWordCount(story),
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
      const ids = tx.insert(articles).values(rows).returning({ id: articles.id }).all();
      const tagRows = ids.flatMap(({ id }, k) =>
        meta[k]!.tags.map((name) => ({ articleId: id, tagId: tagIds.get(name)! })),
      );
      const authorRows = ids.flatMap(({ id }, k) =>
        meta[k]!.authors.map((slug, position) => ({ articleId: id, userId: authorIds.get(slug)!, position })),
      );
      for (let k = 0; k < tagRows.length; k += 500)
        tx.insert(articleTags)
          .values(tagRows.slice(k, k + 500))
          .onConflictDoNothing()
          .run();
      for (let k = 0; k < authorRows.length; k += 500)
        tx.insert(articleAuthors)
          .values(authorRows.slice(k, k + 500))
          .run();
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
        for (let k = 0; k < views.length; k += 500)
          tx.insert(articleViews)
            .values(views.slice(k, k + 500))
            .run();
      }
    });
    if ((end / CHUNK) % 40 === 0) log(`${end} articles`);
  }
  await seedEnglishEdition(db, { now, storage, sectionIds, authorIds, random });
  log(`English edition: ${Object.values(englishStories).flat().length} stories`);
  log(`search index: ${rebuildSearchIndex(db)} articles`);
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
  const imageIds = new Map<string, number[]>();
  for (const s of DEMO_SECTIONS) {
    const ids: number[] = [];
    for (const [variant, motif] of IMAGE_MOTIFS_EN.entries()) {
      const from = `demo-${s.slug}-${variant + 1}`;
      const stem = `${from}-en`;
      const source = db.select().from(media).where(eq(media.stem, from)).get();
      if (!source) continue;
      for (const width of source.variantWidths) {
        const bytes = await p.storage.get(`${from}-${width}.webp`);
        if (bytes) await p.storage.putIfAbsent(`${stem}-${width}.webp`, bytes);
      }
      await writeCardVariants(p.storage, { ...source, stem });
      const row = db
        .insert(media)
        .values({
          stem,
          width: source.width,
          height: source.height,
          variantWidths: source.variantWidths,
          focalX: source.focalX,
          focalY: source.focalY,
          alt: `${motif.alt} – ${s.nameEn}`,
          caption: `${motif.caption} – ${s.nameEn}`,
          credit: IMAGE_CREDIT_EN,
        })
        .returning({ id: media.id })
        .get();
      ids.push(row.id);
    }
    imageIds.set(s.slug, ids);
  }
  const stories = DEMO_SECTIONS.flatMap((s) =>
    englishStories[s.slug].map((story) => ({ section: s, story })),
  );
  const newest = p.now.getTime() - 7 * 60_000;
  db.transaction((tx) => {
    const tagIds = new Map<string, number>();
    for (const name of new Set(stories.flatMap(({ story }) => story.tags))) {
      const row = tx
        .insert(tags)
        .values({ name, slug: slugify(name) })
        .returning({ id: tags.id })
        .get();
      tagIds.set(name, row.id);
    }
    stories.forEach(({ section, story }, i) => {
      // Interleaved across sections, newest first, over about ten days.
      const publishedAt = new Date(newest - i * 10 * 3_600_000 - Math.floor(p.random() * 3_600_000));
      const images = imageIds.get(section.slug) ?? [];
      const { id } = tx
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
        .get();
      for (const name of story.tags)
        tx.insert(articleTags)
          .values({ articleId: id, tagId: tagIds.get(name)! })
          .run();
      tx.insert(articleAuthors)
        .values({ articleId: id, userId: p.authorIds.get(SECTION_AUTHORS[section.slug][0]!)!, position: 0 })
        .run();
      const arabic = arabicTranslations[story.title];
      if (arabic)
        seedTranslation(tx, { englishId: id, story: arabic, section, publishedAt, authorIds: p.authorIds });
    });
  });
}

/** The Arabic edition of an English demo story, published beside it and linked as its translation. */
function seedTranslation(
  tx: Tx,
  p: {
    englishId: number;
    story: StorySeed;
    section: (typeof DEMO_SECTIONS)[number];
    publishedAt: Date;
    authorIds: Map<string, number>;
  },
): void {
  const image = tx
    .select({ id: media.id })
    .from(media)
    .where(eq(media.stem, `demo-${p.section.slug}-1`))
    .get();
  const publishedAt = new Date(p.publishedAt.getTime() + 5 * 60_000);
  const { id } = tx
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
      sectionId: tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, p.section.slug)).get()!
        .id,
      heroMediaId: image?.id ?? null,
      sourceOutlet: DEMO_OUTLET,
      sourceAgency: DEMO_AGENCIES[0]!,
    })
    .returning({ id: articles.id })
    .get();
  for (const name of p.story.tags) {
    const slug = slugify(name);
    const tagId =
      tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).get()?.id ??
      tx.insert(tags).values({ name, slug }).returning({ id: tags.id }).get().id;
    tx.insert(articleTags).values({ articleId: id, tagId }).onConflictDoNothing().run();
  }
  tx.insert(articleAuthors)
    .values({ articleId: id, userId: p.authorIds.get(SECTION_AUTHORS[p.section.slug][0]!)!, position: 0 })
    .run();
  tx.update(articles)
    .set({ translationKey: Math.min(id, p.englishId) })
    .where(inArray(articles.id, [id, p.englishId]))
    .run();
}
