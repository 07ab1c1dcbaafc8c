import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/json-ld';
import { ArticleView } from '@/components/site/article-view';
import { getDb } from '@/db/client';
import { listRelated } from '@/db/queries/articles';
import { listMediaByStems } from '@/db/queries/media';
import { listMostRead } from '@/db/queries/most-read';
import { articlePath, authorPath, parseId } from '@/lib/article-url';
import { getSiteUrl } from '@/lib/config';
import { sanitizeArticleHtml } from '@/lib/html/sanitize';
import { addInlineImageSizes, inlineImageStems } from '@/lib/media/inline-sizes';
import { mediaUrl } from '@/lib/media/urls';
import { absoluteUrl, readerMetadata, storyLanguages, notFoundMetadata } from '@/lib/seo/metadata';
import { articleStructuredData } from '@/lib/seo/structured';
import { getRequestArticle, getRequestDateSettings, getRequestNow } from '@/lib/server/reader';

type Props = { params: Promise<{ locale: string; id: string; slug: string }> };

/** The live article for this URL; slug and locale mismatches were already redirected by the proxy. */
async function load(params: Props['params']) {
  const { locale, id } = await params;
  const articleId = parseId(id);
  const article = articleId === null ? null : await getRequestArticle(articleId);
  return article && article.locale === locale ? article : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  if (!article) return notFoundMetadata((await params).locale);
  const largest = article.image?.variantWidths.at(-1);
  return readerMetadata({
    locale: article.locale,
    title: article.seoTitle || article.title,
    description: article.seoDescription || article.dek,
    path: articlePath(article),
    // hreflang between the two editions' versions of this story, when both are live.
    languages: article.translation ? storyLanguages(article, article.translation) : undefined,
    image:
      article.image && largest
        ? {
            url: mediaUrl(article.image.stem, largest),
            width: largest,
            height: Math.round((article.image.height * largest) / Math.max(1, article.image.width)),
            alt: article.image.alt,
          }
        : null,
    article: {
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      section: article.locale === 'ar' ? article.section.nameAr : article.section.nameEn,
      tags: article.tags.map((t) => t.name),
      authors: article.authors.map((a) => absoluteUrl(authorPath(article.locale, a.slug))),
    },
  });
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  if (!article) notFound();
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Article' });
  const db = getDb();
  const now = getRequestNow();
  const related = await listRelated(db, article, now, 4);
  const mostRead = (await listMostRead(db, { locale, now, limit: 5 })).filter((a) => a.id !== article.id);
  const site = await getTranslations({ locale, namespace: 'Site' });
  // Library images in bodies saved before figures carried their sizes get them from the media rows.
  const safeBody = sanitizeArticleHtml(article.body);
  const sizedBody = addInlineImageSizes(safeBody, await listMediaByStems(db, inlineImageStems(safeBody)));
  return (
    <>
      <JsonLd data={articleStructuredData(article, site('home'))} />
      <ArticleView
        // Sanitised on save and again here: a row written by any other path still renders inert.
        article={{ ...article, body: sizedBody }}
        related={related}
        mostRead={mostRead}
        dates={await getRequestDateSettings()}
        now={now}
        canonicalUrl={`${getSiteUrl()}${articlePath(article)}`}
        relatedTitle={t('related')}
      />
    </>
  );
}
