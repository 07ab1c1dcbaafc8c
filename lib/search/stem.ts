import { singularOf } from './broken-plurals';

/**
 * Light stemming of normalised words (see normalise.ts): affixes are cut, roots are not sought.
 * Both sides of a search stem the same way, so a stem need not be a real word, only a stable one.
 */

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
const LATIN_WORD = /^[a-z]+$/;

/**
 * Definite articles, longest first, with the letters a word must keep after the cut. In the
 * spirit of Larkey's light10 (ال وال بال كال فال لل), plus the conjunction + preposition
 * combinations news copy is full of (وبال, ولل …). Plain ال and لل may leave two letters, as in
 * light10 ("اليد" → "يد"); the longer ones must leave three, or "والدة" would lose its root to "ده".
 */
const ARTICLES: [prefix: string, keep: number][] = [
  ['وبال', 3],
  ['وكال', 3],
  ['فبال', 3],
  ['فكال', 3],
  ['وال', 3],
  ['فال', 3],
  ['بال', 3],
  ['كال', 3],
  ['ولل', 3],
  ['فلل', 3],
  ['ال', 2],
  ['لل', 2],
];

/**
 * light10's suffixes (ها ان ات ون ين يه ية ه ة ي) in its order, with ة already folded to ه, each
 * tried once. A suffix goes only if three letters stay: light10 allows two, but in news copy that
 * turns names into unrelated words ("عمان" → "عم", "دين" → "د").
 */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
const SUFFIX_KEEP = 3;
/**
 * Added to light10: a final alef where four letters stay, which is mostly the seat of the
 * accusative tanwin ("قانوناً" → "قانون", "جديداً" → "جديد") and otherwise a country whose
 * adjective then meets it ("روسيا" and "روسي" → "روس").
 */
const ALEF_KEEP = 4;

/**
 * Unlike light10 a lone initial و is not cut here: "وزير" would become "زير" while "الوزير"
 * stays "وزير", and the two would never meet. Proclitics are handled by cliticForms instead.
 */
export function stemArabic(word: string): string {
  let w = word;
  for (const [prefix, keep] of ARTICLES) {
    if (w.startsWith(prefix) && w.length - prefix.length >= keep) {
      w = w.slice(prefix.length);
      break;
    }
  }
  // A known broken plural becomes its singular, before its suffixes go ("المدارس" → "مدرسه")
  // or after ("مدارسها" → "مدارس" → "مدرسه"), and then loses the singular's own.
  const singular = singularOf(w);
  if (singular !== w) return cutSuffixes(singular);
  w = cutSuffixes(w);
  const afterSuffixes = singularOf(w);
  return afterSuffixes === w ? w : cutSuffixes(afterSuffixes);
}

function cutSuffixes(word: string): string {
  let w = word;
  if (w.endsWith('ا') && w.length - 1 >= ALEF_KEEP) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= SUFFIX_KEEP) w = w.slice(0, -suffix.length);
  }
  return w;
}

/** Words Harman's rules would damage, or that only look plural. */
const ENGLISH_KEEP = new Set([
  'news',
  'series',
  'species',
  'means',
  'always',
  'perhaps',
  'whereas',
  'various',
]);

/**
 * English gets Harman's "S stemmer" (1991), with the -xes/-ches/-shes/-sses/-zes plurals added,
 * and nothing more: plurals meet their singulars ("elections" → "election", "policies" → "policy",
 * "taxes" → "tax"), but -ing and -ed stay, since cutting them without a dictionary conflates too
 * much ("during" → "dur", "bed" → "b").
 */
export function stemEnglish(word: string): string {
  const singular = singularOf(word);
  if (singular !== word) return singular;
  if (word.length < 4 || ENGLISH_KEEP.has(word)) return word;
  if (word.endsWith('ies') && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('s') && !/(?:us|ss|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The stem of one normalised word: Arabic rules for Arabic script, English rules for Latin, else itself. */
export function stemWord(word: string): string {
  if (ARABIC_LETTER.test(word)) return stemArabic(word);
  if (LATIN_WORD.test(word)) return stemEnglish(word);
  return word;
}

const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بلك';
/** A proclitic is cut only if this many letters stay, so "ولد" and "بلد" keep their first letters. */
const CLITIC_KEEP = 3;

/**
 * The words hidden behind single-letter proclitics: a conjunction (و ف), a preposition (ب ل ك),
 * or both in that order. "وبدمج" → ["بدمج", "دمج"], "لدمج" → ["دمج"]. Nothing here can tell a
 * proclitic from a root letter, so "كتاب" also yields "تاب"; the indexer therefore keeps these
 * forms beside the word's own stem (which ranks higher), never instead of it.
 */
export function cliticForms(word: string): string[] {
  if (!ARABIC_LETTER.test(word)) return [];
  const forms: string[] = [];
  const first = word[0]!;
  if (CONJUNCTIONS.includes(first) && word.length - 1 >= CLITIC_KEEP) {
    const rest = word.slice(1);
    forms.push(rest);
    if (PREPOSITIONS.includes(rest[0]!) && rest.length - 1 >= CLITIC_KEEP) forms.push(rest.slice(1));
  } else if (PREPOSITIONS.includes(first) && word.length - 1 >= CLITIC_KEEP) {
    forms.push(word.slice(1));
  }
  return forms;
}

/** Every proclitic a bare word can carry, for phrase searches (see query.ts). */
export const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];

export function isArabicWord(word: string): boolean {
  return ARABIC_LETTER.test(word);
}
