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

/** "2026-11-28T14:30" for a datetime-local input (browser's zone is the newsroom's here). */
function toLocalInput(date: Date | null): string {
  if (!date) return '';
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

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
    breakingUntil: toLocalInput(article.breakingUntil),
    featured: article.featured,
    seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '',
    translation: article.translation ? String(article.translation.id) : '',
    version: article.version,
  };
}

/** Everything the editor screen needs, for a new story or an existing one. */
export function loadEditorProps(user: Actor, locale: string, article: ArticleForEdit | null) {
  const db = getDb();
  const sections = listSections(db).map((s) => ({ id: s.id, name: locale === 'ar' ? s.nameAr : s.nameEn }));
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
    updatedAt: article?.updatedAt.toISOString() ?? null,
    linkedTranslation: article?.translation ?? null,
    sections,
    people: listPeopleForPicker(db),
    tagNames: listTagNames(db),
    media: listMediaLibrary(db),
    permissions: {
      publish: can(user, 'article.publish'),
      editAny: can(user, 'article.editAny'),
      delete: can(user, 'article.delete'),
    },
  };
}
