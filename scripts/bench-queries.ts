/**
 * The database's share of a page render: replays the queries each reader page runs (the same
 * functions, in the same order) against a database and prints how many statements they issue
 * and their median time. Used by `npm run bench`; on its own:
 *   npx tsx scripts/bench-queries.ts bench-data/midad.db
 */
import { openDb, type Db } from '@/db/client';
import {
  getArticleRoute,
  getLiveArticle,
  listBreaking,
  listFeatured,
  listHomeSectionBlocks,
  listLatest,
  listLivePage,
  listRelated,
} from '@/db/queries/articles';
import { listMostRead } from '@/db/queries/most-read';
import { getDateSettings } from '@/db/queries/settings';
import {
  getAuthorBySlug,
  getRedirectTarget,
  getSectionBySlug,
  getTagBySlug,
  listSections,
} from '@/db/queries/taxonomy';

type PageQueries = (db: Db, now: Date) => Promise<void>;

/** What every reader page's layout reads: settings, sections, the ticker. */
const layout = async (db: Db, now: Date) => {
  await getDateSettings(db);
  const sections = await listSections(db);
  await listBreaking(db, { locale: 'ar', now, limit: 10 });
  await listLatest(db, { locale: 'ar', now, limit: 10 });
  return sections;
};

async function pages(db: Db) {
  const now = new Date();
  const newest = await listLatest(db, { locale: 'ar', now, limit: 300 });
  const article = newest.at(-1)!;
  const section = (await listSections(db))[0]!;
  const tag = db.$client.prepare('SELECT slug FROM tags ORDER BY id LIMIT 1').pluck().get() as string;
  const author = db.$client
    .prepare("SELECT slug FROM users WHERE role != 'admin' LIMIT 1")
    .pluck()
    .get() as string;
  const pagesQueries: Record<string, PageQueries> = {
    article: async (d, t) => {
      await getRedirectTarget(d, `/news/${article.id}/${article.slug}`); // proxy
      await getArticleRoute(d, article.id); // proxy: canonical slug, 410
      await layout(d, t);
      const view = (await getLiveArticle(d, article.id, t))!;
      await listRelated(d, view, t, 4);
      await listMostRead(d, { locale: 'ar', now: t, limit: 5 });
    },
    home: async (d, t) => {
      await getRedirectTarget(d, '/');
      const sections = await listSections(d);
      await layout(d, t);
      await listFeatured(d, { locale: 'ar', now: t, limit: 5 });
      await listLatest(d, { locale: 'ar', now: t, limit: 6 });
      await listMostRead(d, { locale: 'ar', now: t, limit: 6 });
      await listHomeSectionBlocks(d, {
        sectionIds: sections.map((s) => s.id),
        locale: 'ar',
        now: t,
        limit: 4,
      });
    },
    section: async (d, t) => {
      await getRedirectTarget(d, `/category/${section.slug}`);
      await layout(d, t);
      const s = (await getSectionBySlug(d, section.slug))!;
      await listLivePage(d, { sectionId: s.id }, { locale: 'ar', now: t, page: 2 });
    },
    tag: async (d, t) => {
      await layout(d, t);
      const found = (await getTagBySlug(d, tag))!;
      await listLivePage(d, { tagId: found.id }, { locale: 'ar', now: t, page: 1 });
    },
    author: async (d, t) => {
      await layout(d, t);
      const found = (await getAuthorBySlug(d, author))!;
      await listLivePage(d, { userId: found.id }, { locale: 'ar', now: t, page: 1 });
    },
  };
  return pagesQueries;
}

export interface QueryFigures {
  page: string;
  statements: number;
  medianMs: number;
}

/** Runs each page's queries `runs` times; returns statement counts and median milliseconds. */
export async function measurePageQueries(file: string, runs = 200): Promise<QueryFigures[]> {
  let statements = 0;
  const db = openDb(file, { verbose: () => statements++ });
  try {
    const figures: QueryFigures[] = [];
    // One page at a time: the statement counter is shared.
    for (const [page, run] of Object.entries(await pages(db))) {
      await run(db, new Date()); // warm the statement cache and SQLite's pages
      statements = 0;
      await run(db, new Date());
      const count = statements;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = process.hrtime.bigint();
        await run(db, new Date());
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      figures.push({ page, statements: count, medianMs: times[Math.floor(times.length / 2)]! });
    }
    return figures;
  } finally {
    db.$client.close();
  }
}

async function main() {
  const file = process.argv[2] ?? 'bench-data/midad.db';
  for (const f of await measurePageQueries(file))
    console.log(
      `${f.page.padEnd(8)} ${String(f.statements).padStart(3)} statements  ${f.medianMs.toFixed(2)} ms`,
    );
}

if (process.argv[1]?.endsWith('bench-queries.ts')) void main();
