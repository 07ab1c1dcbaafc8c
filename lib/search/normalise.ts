import { ARABIC_MARKS } from '@/lib/arabic/normalise';

/**
 * The one normaliser of search: the indexer and the query parser both run every word through it,
 * so whatever a reader types meets whatever an editor wrote.
 *
 * Marks: harakat and tanwin, shadda, sukun (U+064B–U+065F), the dagger alef (U+0670), Quranic
 * marks (U+0610–U+061A, U+06D6–U+06ED) and tatweel (U+0640) go (lib/arabic's ARABIC_MARKS):
 * most news copy is unvowelled, and a vowelled headline must still be found by an unvowelled query.
 *
 * Letter folds, each a spelling that writers and keyboards mix freely:
 * - أ إ آ ٱ → ا: hamza seats on alef are often left off ("احمد" for "أحمد").
 * - ى → ي: in Egypt and Sudan final yeh is written dotless, and writers confuse the two.
 * - ة → ه: final ta marbuta is commonly typed as heh ("مدرسه"); folding the other way (ه → ة)
 *   would wrongly turn every pronoun suffix "ـه" into a feminine ending.
 * - ؤ → و and ئ → ي: the hamza seat follows vowel rules that writers get wrong ("مسئول"/"مسؤول");
 *   dropping the hamza leaves the seat letter, which is what a hurried writer types.
 *   Lone hamza ء stays: it is a letter of its own ("سماء", "جزء").
 * - Persian ی → ي and ک → ك: Persian and Urdu keyboards produce them for the same letters.
 * - Arabic-Indic ٠-٩ and Extended Arabic-Indic ۰-۹ → 0-9: "٢٠٢٦" and "2026" are one number.
 * - Arabic presentation forms (ligatures copied from PDFs, ﻻ) become their letters (NFKC, per character).
 * - Invisible format characters (zero-width joiners and spaces, bidi controls, soft hyphen) go:
 *   pasted text carries them inside words, where a reader cannot see or type them.
 * - Latin (and Greek, Cyrillic) lower-cases and loses its accents ("Café" → "cafe"), as SQLite's
 *   remove_diacritics would: the index's tokenizer only splits at spaces (see migration 0002).
 * Text is NFC on the way in and out; in between, a canonical decomposition lets the accents and
 * the hamza written as a combining mark (U+0654 over و or ي) go the same way as the harakat.
 */
const FOLDS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  ی: 'ي',
  ک: 'ك',
};
for (let d = 0; d <= 9; d++) {
  FOLDS[String.fromCharCode(0x0660 + d)] = String(d);
  FOLDS[String.fromCharCode(0x06f0 + d)] = String(d);
}

const FOLDABLE = /[أإآٱىةؤئیک\u0660-\u0669\u06F0-\u06F9]/g;
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]/g;
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const ACCENTS = /[\u0300-\u036F]/g;

export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(PRESENTATION_FORMS, (c) => c.normalize('NFKC'))
    .replace(INVISIBLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENTS, '')
    .replace(ARABIC_MARKS, '')
    .replace(FOLDABLE, (c) => FOLDS[c]!)
    .normalize('NFC');
}

/**
 * The words of normalised text: runs of letters and digits. This is the only definition of a
 * word in search: the index and the query get these words joined by spaces, and the FTS5
 * tokenizer just splits them apart again.
 */
const WORD = /[\p{L}\p{N}]+/gu;

export function searchWords(normalised: string): string[] {
  return normalised.match(WORD) ?? [];
}

/**
 * Words as written, before normalisation: letters and digits with their harakat, tatweel,
 * Quranic signs and invisible joiners, so a vowelled word is one unit. Normalising one of them
 * gives the same search words as normalising the whole text would (every character the normaliser
 * removes is inside this class), which lets the indexer and the snippet builder work word by word.
 */
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}\p{Cf}\u06DE\u06E9]+/gu;

export function writtenWords(text: string): string[] {
  return text.match(WRITTEN_WORD) ?? [];
}

/** Like writtenWords, with where each word starts and ends in `text`. */
export function writtenWordSpans(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WRITTEN_WORD)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}
