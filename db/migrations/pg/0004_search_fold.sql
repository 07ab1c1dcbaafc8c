-- hand-written: midad_normalise(text), the search fold of lib/search/normalise.ts
-- (normaliseForSearch) as a PostgreSQL function. SQLite gets the JavaScript itself, registered on
-- each connection (db/client.ts); the newsroom's title and tag filters (db/queries/text-filter.ts)
-- fold the stored text with it and the typed text in JavaScript, so both sides must fold alike.
-- Each step below is one line of normaliseForSearch, in the same order; a change there needs a
-- migration that replaces this function (CREATE OR REPLACE). tests/integration/search-fold-pg.test.ts
-- compares the two over every character the fold treats specially.
--
-- Requirements: a UTF8 database (normalize() refuses other encodings), standard_conforming_strings
-- on (the default: the patterns' \u escapes reach the regex engine as written), and ICU (the
-- "und-x-icu" collation; PostgreSQL built --with-icu, as Debian's and the official images are).
--
-- CASE: lower() under ICU's root locale, never the database's. The database's LC_CTYPE decides
-- what a plain lower() does: under C it folds ASCII only ('Ä' stays), under a libc locale it goes
-- character by character (no final sigma). ICU's root locale maps case as JavaScript's
-- toLowerCase does: final-sigma aware, 'İ' → 'i' + U+0307 (whose dot the accent step then drops).
--
-- CASE: presentation forms are folded one character at a time, as the JavaScript does: NFKC over
-- the whole text would also rewrite compatibility characters that search keeps (ﬁ, ², fullwidth
-- letters).
--
-- NULL gives '' as on SQLite (String(text ?? '')). IMMUTABLE, so an expression index on
-- midad_normalise(title) is possible; its results follow the server's Unicode tables (ICU's for
-- case, PostgreSQL's own for normalize()), so characters assigned after those may fold unlike
-- Node's, and an ICU upgrade would call for a REINDEX of such an index.
CREATE FUNCTION "midad_normalise"("input" text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  t text := normalize(coalesce("input", ''), NFC);
BEGIN
  -- Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) become their letters.
  IF t ~ '[\uFB50-\uFDFF\uFE70-\uFEFC]' THEN
    SELECT string_agg(CASE WHEN c ~ '[\uFB50-\uFDFF\uFE70-\uFEFC]' THEN normalize(c, NFKC) ELSE c END,
                      '' ORDER BY n)
      INTO t FROM regexp_split_to_table(t, '') WITH ORDINALITY AS chars(c, n);
  END IF;
  -- Invisible format characters: soft hyphen, zero-width and bidi controls, BOM.
  t := regexp_replace(t, '[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g');
  t := lower(t COLLATE "und-x-icu");
  t := normalize(t, NFD);
  -- Combining accents (U+0300–U+036F), then lib/arabic's ARABIC_MARKS: harakat, dagger alef,
  -- Quranic signs, tatweel, and the hamza and madda that NFD split off their seats.
  t := regexp_replace(t, '[\u0300-\u036F]', '', 'g');
  t := regexp_replace(t, '[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]', '', 'g');
  -- FOLDS, pair by pair: أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, ی → ي, ک → ك, then the
  -- Arabic-Indic and Extended Arabic-Indic digits → 0-9. Code points, as RTL letters in source
  -- are easy to misorder.
  t := translate(t,
    U&'\0623\0625\0622\0671\0649\0629\0624\0626\06CC\06A9'
      || U&'\0660\0661\0662\0663\0664\0665\0666\0667\0668\0669'
      || U&'\06F0\06F1\06F2\06F3\06F4\06F5\06F6\06F7\06F8\06F9',
    U&'\0627\0627\0627\0627\064A\0647\0648\064A\064A\0643' || '0123456789' || '0123456789');
  RETURN normalize(t, NFC);
END
$$;
