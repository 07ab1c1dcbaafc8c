import 'server-only';
import { getDb } from '@/db/client';
import {
  listMediaLibrary,
  listPeopleForPicker,
  listTagNames,
  type ArticleForEdit,
} from '@/db/queries/newsroom';
import { listSections } from '@/db/queries/taxonomy';
import type { ArticleDraftInput } from '@/lib/articles/input';
import { can, type Actor } from '@/lib/auth/permissions';
import { SITE_TIME_ZONE } from '@/lib/config';
import { toWallClockValue, zoneLabel } from '@/lib/time/site-zone';

/** The stored article in the editor's shape, with the version an edit of it starts from. */
export function toDraftInput(article: ArticleForEdit): ArticleDraftInput {
  return {
    id: article.id,
    locale: article.locale === 'en' ? 'en' : 'ar',
    title: article.title,
    slug: article.slug,
    dek: article.dek,
    body: article.body,
    sectionId: article.sectionId,
    tags: article.tags,
    authorIds: article.authorIds,
    sourceOutlet: article.sourceOutlet,
    sourceAgency: article.sourceAgency,
    heroMediaId: article.heroMediaId,
    breaking: article.breaking,
    breakingUntil: toWallClockValue(article.breakingUntil, SITE_TIME_ZONE),
    featured: article.featured,
    seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '',
    translation: article.translation ? String(article.translation.id) : '',
    version: article.version,
  };
}

/** Everything the editor screen needs, for a new story or an existing one. */
export async function loadEditorProps(user: Actor, locale: string, article: ArticleForEdit | null) {
  const db = getDb();
  const sections = (await listSections(db)).map((s) => ({
    id: s.id,
    name: locale === 'ar' ? s.nameAr : s.nameEn,
  }));
  const initial: ArticleDraftInput = article
    ? toDraftInput(article)
    : {
        id: null,
        locale: locale === 'en' ? 'en' : 'ar',
        title: '',
        slug: '',
        dek: '',
        body: '',
        sectionId: 0,
        tags: [],
        authorIds: [user.id],
        sourceOutlet: '',
        sourceAgency: '',
        heroMediaId: null,
        breaking: false,
        breakingUntil: '',
        featured: false,
        seoTitle: '',
        seoDescription: '',
        translation: '',
      };
  return {
    initial,
    status: article?.status ?? 'draft',
    // The form's times are the site's wall clock, computed here: the browser's zone never counts.
    schedule: {
      at: article?.status === 'scheduled' ? toWallClockValue(article.publishedAt, SITE_TIME_ZONE) : '',
      publishedAt: article?.publishedAt ? toWallClockValue(article.publishedAt, SITE_TIME_ZONE) : '',
      zoneLabel: zoneLabel(SITE_TIME_ZONE, locale),
    },
    updatedAt: article?.updatedAt.toISOString() ?? null,
    linkedTranslation: article?.translation ?? null,
    sections,
    people: await listPeopleForPicker(db),
    tagNames: await listTagNames(db),
    media: await listMediaLibrary(db),
    permissions: {
      publish: can(user, 'article.publish'),
      editAny: can(user, 'article.editAny'),
      delete: can(user, 'article.delete'),
    },
  };
}
