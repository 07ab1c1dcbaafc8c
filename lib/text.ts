export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export const WORDS_PER_MINUTE = 200;

export function readingMinutes(words: number): number {
  return Math.round(words / WORDS_PER_MINUTE);
}
