/** One original demo story, written for Midad. The seeder adds ids, times, authors and images. */
export interface StorySeed {
  /** Headline, 6–14 words, no trailing full stop. */
  title: string;
  /** Summary (dek): one or two sentences, 20–40 words. */
  dek: string;
  /** Dateline city, e.g. "دمشق". */
  place: string;
  /** Body paragraphs before the subheading (2). */
  lead: string[];
  /** A subheading inside the body. */
  subheading: string;
  /** Body paragraphs after the subheading (2–3). */
  rest: string[];
  /** A quotation shown as a block quote, without quotation marks. */
  quote: { text: string; speaker: string };
  /** 2–4 tag names in Arabic, reused across stories so related stories can be found. */
  tags: string[];
}
