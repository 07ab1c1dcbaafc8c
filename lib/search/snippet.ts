import { writtenForms } from './index-forms';
import { writtenWordSpans } from './normalise';
import type { ParsedSearchQuery } from './query';

/** A run of text as written, and whether it is a word the reader searched for. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

type Highlight = ParsedSearchQuery['highlight'];

/**
 * Whether a word as written matches the query the way the index does: same normalised word,
 * same stem, or (behind a proclitic) the same stem as a searched word. Normalising word by word
 * keeps every offset in the original text, so hits are marked in what the editor wrote.
 */
function matcher(highlight: Highlight): (written: string) => boolean {
  const exact = new Set(highlight.exact);
  const stems = new Set(highlight.stems);
  return (written) => {
    const forms = writtenForms(written);
    return (
      forms.words.some((w) => exact.has(w)) ||
      forms.stems.some((s) => stems.has(s)) ||
      forms.cliticStems.some((s) => stems.has(s))
    );
  };
}

interface WordSpan {
  start: number;
  end: number;
  hit: boolean;
}

function spans(text: string, isHit: (w: string) => boolean): WordSpan[] {
  return writtenWordSpans(text).map((w) => ({ start: w.start, end: w.end, hit: isHit(w.word) }));
}

/** text[from, to) cut into segments at the hits; neighbouring plain runs are merged. */
function segmentsOf(text: string, words: WordSpan[], from: number, to: number): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  const push = (t: string, hit: boolean) => {
    if (!t) return;
    const last = out.at(-1);
    if (last && !last.hit && !hit) last.text += t;
    else out.push({ text: t, hit });
  };
  let at = from;
  for (const w of words) {
    if (!w.hit || w.start < from || w.end > to) continue;
    push(text.slice(at, w.start), false);
    push(text.slice(w.start, w.end), true);
    at = w.end;
  }
  push(text.slice(at, to), false);
  return out;
}

/** All of a short text (a headline, a summary) with its hits marked. */
export function highlightText(text: string, highlight: Highlight): SnippetSegment[] {
  return segmentsOf(text, spans(text, matcher(highlight)), 0, text.length);
}

export const SNIPPET_WORDS = 32;
/** Words shown before the first hit of the window, so a hit is read in its sentence. */
const LEAD_WORDS = 5;

/**
 * A window of about SNIPPET_WORDS words of a long text, placed where the most different searched
 * words meet (then where hits are densest), with "…" where the text was cut. With no hit at all
 * it is the text's opening, and `hit` is false throughout.
 */
export function buildSnippet(text: string, highlight: Highlight, size = SNIPPET_WORDS): SnippetSegment[] {
  const words = spans(text, matcher(highlight));
  if (words.length === 0) return [];
  // Which searched word each hit is, so "المدرسة" and "مدرسة" count once.
  const keys = words.map((w) => (w.hit ? (writtenForms(text.slice(w.start, w.end)).stems[0] ?? '') : ''));
  let best = { start: 0, distinct: 0, hits: 0 };
  words.forEach((w, i) => {
    if (!w.hit) return;
    const start = Math.max(0, Math.min(i - LEAD_WORDS, words.length - size));
    const inWindow = keys.slice(start, start + size).filter(Boolean);
    const candidate = { start, distinct: new Set(inWindow).size, hits: inWindow.length };
    if (
      candidate.distinct > best.distinct ||
      (candidate.distinct === best.distinct && candidate.hits > best.hits)
    )
      best = candidate;
  });
  const first = words[best.start]!;
  const last = words[Math.min(words.length, best.start + size) - 1]!;
  const from = best.start === 0 ? 0 : first.start;
  const to = last === words.at(-1) ? text.length : last.end;
  const segments = segmentsOf(text, words, from, to);
  if (from > 0) {
    if (segments[0]?.hit === false) segments[0].text = `… ${segments[0].text}`;
    else segments.unshift({ text: '… ', hit: false });
  }
  if (to < text.length) {
    const end = segments.at(-1);
    if (end?.hit === false) end.text += ' …';
    else segments.push({ text: ' …', hit: false });
  }
  return segments;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Segments as HTML with <mark> around hits, every piece escaped; for places that need a string. */
export function segmentsToHtml(segments: SnippetSegment[]): string {
  return segments
    .map((s) => {
      const text = s.text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
      return s.hit ? `<mark>${text}</mark>` : text;
    })
    .join('');
}
