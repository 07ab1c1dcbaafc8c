import { z } from 'zod';
import { slugify, SLUG_MAX_LENGTH } from '@/lib/arabic/slug';
import { countWords } from '@/lib/text';
import { htmlToText, sanitizeArticleHtml } from '@/lib/html/sanitize';
import type { ArticleFields } from '@/db/mutations/articles';
import { SITE_TIME_ZONE } from '@/lib/config';
import { parseTimeInput } from '@/lib/time/site-zone';
import { ARTICLE_LIMITS } from './limits';

/** Messages are keys of Admin.errors, translated where the form shows them. */
const text = (max: number) => z.string().trim().max(max, 'tooLong');
/** A time an editor set: a wall clock in the site's zone (see lib/time/site-zone.ts), or ''. */
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || parseTimeInput(v, SITE_TIME_ZONE) !== null, 'date')
  .transform((v) => (v === '' ? null : parseTimeInput(v, SITE_TIME_ZONE)));

/**
 * The other edition's article, as an editor gives it: its number, its reader URL or its
 * newsroom URL ("1234", "١٢٣٤", "https://…/en/news/1234/slug", "/admin/articles/1234").
 * Empty: no translation. Absent: leave the link as it is.
 */
export function parseArticleReference(raw: string): number | null | 'invalid' {
  const v = raw.trim().replace(/[٠-٩۰-۹]/g, (d) => String(d.charCodeAt(0) & 0xf));
  if (v === '') return null;
  const m = /^(\d{1,12})$/.exec(v) ?? /\/(?:news|articles)\/(\d{1,12})(?:[/?#]|$)/.exec(v);
  const id = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : 'invalid';
}

const articleReference = z
  .string()
  .max(500, 'tooLong')
  .transform((v, ctx) => {
    const id = parseArticleReference(v);
    if (id !== 'invalid') return id;
    ctx.addIssue({ code: 'custom', message: 'translationInvalid' });
    return z.NEVER;
  })
  .optional();

export const articleDraftSchema = z.object({
  id: z.number().int().positive().nullable(),
  locale: z.enum(['ar', 'en']),
  title: text(ARTICLE_LIMITS.title).min(1, 'required'),
  slug: text(ARTICLE_LIMITS.slug),
  dek: text(ARTICLE_LIMITS.dek),
  body: z.string().max(500_000, 'tooLong'),
  sectionId: z.number().int().positive('required'),
  tags: z.array(text(60).min(1)).max(20, 'tooMany'),
  authorIds: z.array(z.number().int().positive()).max(10, 'tooMany'),
  sourceOutlet: text(ARTICLE_LIMITS.sourceOutlet),
  sourceAgency: text(ARTICLE_LIMITS.sourceAgency),
  heroMediaId: z.number().int().positive().nullable(),
  breaking: z.boolean(),
  breakingUntil: optionalDate,
  featured: z.boolean(),
  seoTitle: text(ARTICLE_LIMITS.seoTitle),
  seoDescription: text(ARTICLE_LIMITS.seoDescription),
  translation: articleReference,
  /** The article version this save started from (required to update: see saveArticleAction). */
  version: z.number().int().positive().optional(),
});

export type ArticleDraftInput = z.input<typeof articleDraftSchema>;
export type ArticleDraft = z.output<typeof articleDraftSchema>;

/** Turns a validated draft into what the database stores: sanitised HTML, a slug, tag slugs, counts. */
export function toArticleFields(d: ArticleDraft, fallbackAuthorId: number): ArticleFields {
  const body = sanitizeArticleHtml(d.body);
  const tagNames = [...new Set(d.tags.map((t) => t.normalize('NFC')))];
  return {
    locale: d.locale,
    title: d.title,
    slug: slugify(d.slug || d.title, SLUG_MAX_LENGTH) || 'article',
    dek: d.dek,
    body,
    wordCount: countWords(`${d.dek} ${htmlToText(body)}`),
    sectionId: d.sectionId,
    tags: tagNames.map((name) => ({ name, slug: slugify(name) || name })),
    authorIds: d.authorIds.length ? d.authorIds : [fallbackAuthorId],
    sourceOutlet: d.sourceOutlet,
    sourceAgency: d.sourceAgency,
    heroMediaId: d.heroMediaId,
    breaking: d.breaking,
    breakingUntil: d.breaking ? d.breakingUntil : null,
    featured: d.featured,
    seoTitle: d.seoTitle || null,
    seoDescription: d.seoDescription || null,
    translationId: d.translation,
    expectedVersion: d.version,
  };
}
