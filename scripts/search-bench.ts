/**
 * How fast search answers on a big database: runs a mix of real Arabic queries (single words,
 * phrases, with ال and proclitics, exclusions, filters) through searchArticles, the whole call a
 * results page makes (ranking, count, cards, snippets), and prints p50/p95 and each query's median.
 *   DATA_DIR=/tmp/srch-bench npm run seed -- --articles 100000 --reset
 *   DATA_DIR=/tmp/srch-bench npx tsx scripts/search-bench.ts [--rounds 15] [--plan]
 */
import { parseArgs } from 'node:util';
import { openDb } from '@/db/client';
import { searchArticles, type SearchParams } from '@/db/search';
import { parseSearchQuery } from '@/lib/search/query';
import { getDatabasePath } from '@/lib/config';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '15' }, plan: { type: 'boolean', default: false } },
});

const DAY = 86_400_000;
const now = new Date();

type Case = Omit<SearchParams, 'locale' | 'now' | 'page'> & { page?: number };

const CASES: Case[] = [
  { q: 'مجلس النواب' },
  { q: '"مجلس النواب"' },
  { q: 'الموازنة' },
  { q: 'موازنة' },
  { q: 'مياه' },
  { q: 'بالمياه' },
  { q: 'المدارس' },
  { q: 'مدرسة' },
  { q: 'أسعار الخضار' },
  { q: 'اسعار' },
  { q: 'وزارة الداخلية' },
  { q: '"وزارة الداخلية"' },
  { q: 'طاقة شمسية' },
  { q: 'كرة السلة' },
  { q: 'المياه -النهر' },
  { q: 'مهرجان الموسيقى' },
  { q: 'تطبيق لغة الإشارة' },
  { q: 'مستشفى الأطفال', page: 3 },
  { q: 'حلب', section: 'local' },
  { q: 'الطرق', from: new Date(now.getTime() - 30 * DAY), to: now },
  { q: 'مُسْتَشْفَى' },
  { q: 'القانون الجديد للإدارة المحلية' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const db = openDb(getDatabasePath());
  const rounds = Number(values.rounds);
  const run = (c: Case) => searchArticles(db, { locale: 'ar', now, page: 1, ...c });

  if (values.plan) {
    const match = parseSearchQuery('مجلس النواب')!.match;
    const plan = db.$client
      .prepare(
        `EXPLAIN QUERY PLAN SELECT f.rowid FROM search_index AS f JOIN search_docs AS d ON d.article_id = f.rowid
         WHERE f.search_index MATCH ? AND d.locale = 'ar'`,
      )
      .all(match) as { detail: string }[];
    console.log(plan.map((r) => `  ${r.detail}`).join('\n'));
  }

  for (const c of CASES) await run(c); // warm the page cache and the statement cache
  const all: number[] = [];
  const rows: string[] = [];
  for (const c of CASES) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      total = (await run(c))?.total ?? 0;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const filters = [
      c.section && `section=${c.section}`,
      c.from && 'last 30 days',
      c.page && `page ${c.page}`,
    ];
    rows.push(
      `${percentile(times, 50).toFixed(1).padStart(7)} ms  ${String(total).padStart(6)} hits  ${c.q} ${filters
        .filter(Boolean)
        .join(', ')}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(rows.join('\n'));
  console.log(
    `search: ${all.length} searches over ${CASES.length} queries: p50 ${percentile(all, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(all, 95).toFixed(1)} ms, max ${all.at(-1)!.toFixed(1)} ms`,
  );
  db.$client.close();
}

void main();
