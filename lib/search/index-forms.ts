import { normaliseForSearch, searchWords, writtenWords } from './normalise';
import { cliticForms, stemWord } from './stem';

/** What a piece of written text (a word, or a space-free run like "«دمشق،") becomes in the index. */
export interface WrittenForms {
  /** Its normalised search words (usually one). */
  words: string[];
  /** Their stems, in order. */
  stems: string[];
  /** Stems of the words without their proclitics ("بدمج" → "دمج"), where they differ from `stems`. */
  cliticStems: string[];
  /** `words` and `stems` joined by spaces, ready for the index. */
  wordText: string;
  stemText: string;
}

/**
 * Words repeat (a corpus has far fewer distinct words than occurrences), so a reindex normalises
 * and stems each written form once. Cleared when full, which is cheaper than LRU bookkeeping.
 */
const cache = new Map<string, WrittenForms>();
const CACHE_LIMIT = 100_000;

export function writtenForms(written: string): WrittenForms {
  let forms = cache.get(written);
  if (forms === undefined) {
    const words = writtenWords(written).flatMap((w) => searchWords(normaliseForSearch(w)));
    const stems = words.map(stemWord);
    const cliticStems = [...new Set(words.flatMap((w) => cliticForms(w).map(stemWord)))].filter(
      (s) => !stems.includes(s),
    );
    forms = { words, stems, cliticStems, wordText: words.join(' '), stemText: stems.join(' ') };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(written, forms);
  }
  return forms;
}

/**
 * The two texts one field is indexed as. `exact` is the normalised words; `stem` is their stems
 * in the same order (so quoted phrases match on stems too), followed once each by the clitic-free
 * forms, so "دمج" finds "وبدمج" without any expansion at query time. Appending them after the
 * running text, rather than beside each word, keeps the stems' positions intact for phrases.
 * Text is taken apart at spaces first, and each run between them looked up whole: most runs
 * recur, punctuation and all, and a split is much cheaper than a Unicode-aware word match.
 */
export function indexForms(text: string): { exact: string; stem: string } {
  const exact: string[] = [];
  const stems: string[] = [];
  const clitics = new Set<string>();
  // Runs holding other white space (a line break) still come apart in writtenForms.
  for (const run of text.split(' ')) {
    if (run === '') continue;
    const forms = writtenForms(run);
    if (forms.wordText === '') continue;
    exact.push(forms.wordText);
    stems.push(forms.stemText);
    for (const s of forms.cliticStems) clitics.add(s);
  }
  for (const s of clitics) stems.push(s);
  return { exact: exact.join(' '), stem: stems.join(' ') };
}
