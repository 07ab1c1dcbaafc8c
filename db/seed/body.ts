import { countWords } from '@/lib/text';
import type { StorySeed } from './types';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The article body as stored: paragraphs, a subheading and a block quote in the edition's quotation marks. */
export function storyBodyHtml(story: StorySeed, locale: 'ar' | 'en' = 'ar'): string {
  const [open, close] = locale === 'ar' ? ['«', '»'] : ['“', '”'];
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const [first = '', ...lead] = story.lead;
  const [afterHeading = '', ...rest] = story.rest;
  return [
    p(`${story.place} – ${first}`),
    ...lead.map(p),
    `<h2>${escapeHtml(story.subheading)}</h2>`,
    p(afterHeading),
    `<blockquote><p>${open}${escapeHtml(story.quote.text)}${close}</p><footer>${escapeHtml(story.quote.speaker)}</footer></blockquote>`,
    ...rest.map(p),
  ].join('\n');
}

export function storyWordCount(story: StorySeed): number {
  return countWords([story.dek, ...story.lead, story.subheading, ...story.rest, story.quote.text].join(' '));
}
