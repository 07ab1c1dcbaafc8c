'use client';

import { useTranslations } from 'next-intl';
import { useState, type ComponentProps } from 'react';
import { ArticleEditor } from './article-editor';

type EditorProps = Omit<ComponentProps<typeof ArticleEditor>, 'onFirstSave'>;

/**
 * The new-story page around the editor: once the first save gives the story an id, the heading
 * says «تحرير الخبر» and the revisions link appears, as on the story's own page — without
 * reloading, so nothing typed meanwhile is lost and the editor keeps its undo history.
 */
export function NewArticleShell(props: EditorProps) {
  const t = useTranslations('Admin');
  const [id, setId] = useState<number | null>(null);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-ink-950">
          {id === null ? t('editor.newArticle') : t('editor.editArticle')}
        </h1>
        {id !== null && (
          <a
            href={`${props.adminBase}/articles/${id}/revisions`}
            className="font-semibold text-ink-700 underline"
          >
            {t('revisions.link')}
          </a>
        )}
      </div>
      <ArticleEditor {...props} onFirstSave={setId} />
    </>
  );
}
