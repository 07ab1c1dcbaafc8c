/**
 * Arabic marks that carry no meaning for identity: harakat and tanwin (U+064B–U+065F), the
 * dagger alef (U+0670), Quranic annotation signs (U+06D6–U+06ED) and tatweel (U+0640).
 */
export const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Removes vowel marks and tatweel, leaving letters as written (no letter folding). */
export function stripArabicMarks(text: string): string {
  return text.normalize('NFC').replace(ARABIC_MARKS, '').normalize('NFC');
}
