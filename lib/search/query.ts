import { EXACT_COLUMNS, STEM_COLUMNS } from './fields';
import { writtenForms } from './index-forms';
import { normaliseForSearch, writtenWords } from './normalise';
import { isArabicWord, PROCLITICS, stemWord } from './stem';

/** Longer input is cut: nobody types more, and every term costs an index lookup. */
export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 12;
export const MAX_PHRASE_WORDS = 8;

/**
 * Words that say nothing on their own. A term made only of them is dropped, even when it is all
 * there is: it would match nearly every story, cost a scan of the whole index (over 100 ms on
 * 100,000 articles) and rank nothing. Inside a longer quoted phrase they stay, keeping its order.
 */
const STOPWORDS = new Set(
  [
    'في من على إلى عن أن إن أو ثم مع هذا هذه ذلك تلك التي الذي الذين كان كانت قد لا ما لم لن هو هي كل بعد قبل حتى عند منذ و أي إذا',
    'the a an of in on at to for and or is are was with by from as it that this',
  ]
    .join(' ')
    .split(' ')
    .map(normaliseForSearch),
);

interface Term {
  /** More than one when typed in quotes or glued ("كوفيد-19"): then they must stand together, in order. */
  words: string[];
  negated: boolean;
}

/**
 * One term as both engines' query builders read it: FTS5's MATCH below, PostgreSQL's tsquery
 * (lib/search/tsquery.ts). It is found when its words stand together in an exact field, or one of
 * its stem phrases in a stem field.
 */
export interface SearchTerm {
  /** Its normalised words, in order: one word, or a phrase. */
  words: string[];
  /**
   * The words' stems, and for a quoted Arabic phrase the same with its first word behind each
   * proclitic ("مجلس النواب" finds "بمجلس النواب"): a single word needs no such help, since the
   * indexer files "بمجلس" under "مجلس" too, but it does so after the running text, out of phrase
   * position.
   */
  stemPhrases: string[][];
}

export interface ParsedSearchQuery {
  /** An FTS5 MATCH expression in which every word is a quoted string. */
  match: string;
  /** What `match` is made of: a story must hold every wanted term and no unwanted one. */
  wanted: SearchTerm[];
  unwanted: SearchTerm[];
  /** The normalised words and stems the wanted terms are made of, for highlighting. */
  highlight: { exact: string[]; stems: string[] };
}

/** A double-quoted FTS5 string: the only syntax inside it is "" for a quote. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function columns(names: string[]): string {
  return `{${names.join(' ')}}`;
}

function searchTerm(term: Term): SearchTerm {
  const stems = term.words.map(stemWord);
  const phrases = new Map([[stems.join(' '), stems]]);
  const [first, ...rest] = term.words;
  if (term.words.length > 1 && isArabicWord(first!) && first!.length >= 3) {
    const tail = rest.map(stemWord);
    for (const p of PROCLITICS) {
      const phrase = [stemWord(p + first), ...tail];
      const key = phrase.join(' ');
      if (!phrases.has(key)) phrases.set(key, phrase);
    }
  }
  return { words: term.words, stemPhrases: [...phrases.values()] };
}

/** One term in FTS5: its normalised words in the exact columns, or a stem phrase in the stem columns. */
function termExpression(term: SearchTerm): string {
  const exact = quote(term.words.join(' '));
  const stemPart = term.stemPhrases.map((p) => quote(p.join(' '))).join(' OR ');
  return `(${columns(EXACT_COLUMNS)} : ${exact} OR ${columns(STEM_COLUMNS)} : (${stemPart}))`;
}

/** Quoted phrases, -exclusions and bare words, in the order typed. An unclosed quote runs to the end. */
const CHUNK = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;

function readTerms(input: string): Term[] {
  const terms: Term[] = [];
  for (const m of input.matchAll(CHUNK)) {
    const quoted = m[2] !== undefined;
    const words = writtenWords(quoted ? m[2]! : m[4]!)
      .flatMap((w) => writtenForms(w).words)
      .slice(0, MAX_PHRASE_WORDS);
    if (words.length === 0) continue;
    terms.push({ words, negated: (quoted ? m[1] : m[3]) === '-' });
  }
  return terms;
}

/**
 * Turns what a reader typed into a safe FTS5 query, or null when there is nothing to search for
 * (empty, only marks, emoji or stop words, only exclusions). Any input is safe: FTS5's own
 * syntax — ( ) * : ^ NEAR AND OR NOT, quotes — never reaches it except inside quoted strings,
 * where it is plain text, and the words in those strings are letters and digits only.
 */
export function parseSearchQuery(input: string): ParsedSearchQuery | null {
  const seen = new Set<string>();
  const terms = readTerms(String(input ?? '').slice(0, MAX_QUERY_CHARS)).filter((t) => {
    const key = `${t.negated ? '-' : ''}${t.words.join(' ')}`;
    if (seen.has(key) || t.words.every((w) => STOPWORDS.has(w))) return false;
    seen.add(key);
    return true;
  });
  // Wanted terms first: exclusions only narrow, so they get what is left of the cap.
  const wantedTerms = terms.filter((t) => !t.negated).slice(0, MAX_TERMS);
  const unwantedTerms = terms.filter((t) => t.negated).slice(0, MAX_TERMS - wantedTerms.length);
  if (wantedTerms.length === 0) return null;

  const wanted = wantedTerms.map(searchTerm);
  const unwanted = unwantedTerms.map(searchTerm);
  let match = wanted.map(termExpression).join(' AND ');
  if (unwanted.length > 0) match = `(${match}) NOT (${unwanted.map(termExpression).join(' OR ')})`;
  const words = wanted.flatMap((t) => t.words);
  return {
    match,
    wanted,
    unwanted,
    highlight: { exact: [...new Set(words)], stems: [...new Set(words.map(stemWord))] },
  };
}
