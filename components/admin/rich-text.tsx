'use client';

import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { MediaView } from '@/db/queries/views';
import { embedKind } from '@/lib/embeds';
import { Figure, figureAttrs } from './figure-node';
import { MediaPicker } from './media-picker';
import { LinkDialog } from './link-dialog';

interface Props {
  initialHtml: string;
  /** The media library, for images inside the story. */
  media: MediaView[];
  dir: 'rtl' | 'ltr';
  /** `initial` is true once, for the editor's own normalised form of the stored HTML (not an edit). */
  onChange: (html: string, words: number, initial: boolean) => void;
  label: string;
}

function countEditorWords(editor: Editor): number {
  return editor.getText().split(/\s+/).filter(Boolean).length;
}

/** Tiptap with the formatting a news story needs; the HTML is sanitised again on the server. */
export function RichText({ initialHtml, media, dir, onChange, label }: Props) {
  const [picking, setPicking] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const t = useTranslations('Admin.editor.toolbar');
  const tm = useTranslations('Admin.media.picker');
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: ['https', 'http', 'mailto'] },
      }),
      Figure,
    ],
    content: initialHtml,
    editorProps: {
      attributes: {
        dir,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        class: 'article-body min-h-80 rounded-b border border-gray-400 bg-white px-4 py-3 focus:outline-none',
      },
    },
    onUpdate: ({ editor }) => onChange(editor.getHTML(), countEditorWords(editor), false),
    onCreate: ({ editor }) => onChange(editor.getHTML(), countEditorWords(editor), true),
  });

  const button = (name: string, active: boolean, run: () => void) => (
    <button
      key={name}
      type="button"
      aria-pressed={active}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
      className={`rounded px-2 py-1 text-sm font-semibold ${active ? 'bg-ink-900 text-white' : 'text-ink-900 hover:bg-ink-100'}`}
    >
      {t(name)}
    </button>
  );

  return (
    <div>
      <div
        role="toolbar"
        aria-label={label}
        className="flex flex-wrap gap-1 rounded-t border border-b-0 border-gray-400 bg-ink-50 p-1"
      >
        {editor && (
          <>
            {button('h2', editor.isActive('heading', { level: 2 }), () =>
              editor.chain().focus().toggleHeading({ level: 2 }).run(),
            )}
            {button('h3', editor.isActive('heading', { level: 3 }), () =>
              editor.chain().focus().toggleHeading({ level: 3 }).run(),
            )}
            {button('bold', editor.isActive('bold'), () => editor.chain().focus().toggleBold().run())}
            {button('italic', editor.isActive('italic'), () => editor.chain().focus().toggleItalic().run())}
            {button('quote', editor.isActive('blockquote'), () =>
              editor.chain().focus().toggleBlockquote().run(),
            )}
            {button('bullet', editor.isActive('bulletList'), () =>
              editor.chain().focus().toggleBulletList().run(),
            )}
            {button('ordered', editor.isActive('orderedList'), () =>
              editor.chain().focus().toggleOrderedList().run(),
            )}
            {button('link', editor.isActive('link'), () => setLinkOpen(true))}
            {button('unlink', false, () => editor.chain().focus().unsetLink().run())}
            {button('embed', false, () => {
              const url = window.prompt(t('embedPrompt'), 'https://');
              const kind = url ? embedKind(url) : null;
              if (!url || !kind) return;
              // A plain link, not an iframe: no third-party script runs until the reader chooses to go there.
              const label = t(kind === 'youtube' ? 'embedYoutube' : 'embedX');
              editor
                .chain()
                .focus()
                .insertContent({
                  type: 'paragraph',
                  content: [{ type: 'text', text: label, marks: [{ type: 'link', attrs: { href: url } }] }],
                })
                .run();
            })}
            {button('image', picking, () => setPicking((p) => !p))}
            {button('undo', false, () => editor.chain().focus().undo().run())}
            {button('redo', false, () => editor.chain().focus().redo().run())}
          </>
        )}
      </div>
      {editor && (
        <MediaPicker
          open={picking}
          title={tm('inlineTitle')}
          initial={media}
          onClose={() => setPicking(false)}
          onChoose={(m) => {
            editor
              .chain()
              .focus()
              .insertContent({ type: 'figure', attrs: figureAttrs(m) })
              .run();
            setPicking(false);
          }}
        />
      )}
      <EditorContent editor={editor} />
      {editor && (
        <LinkDialog
          open={linkOpen}
          currentHref={linkOpen ? ((editor.getAttributes('link').href as string | undefined) ?? '') : ''}
          onApply={(href) => {
            setLinkOpen(false);
            editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
          }}
          onRemove={() => {
            setLinkOpen(false);
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
          }}
          onClose={() => {
            setLinkOpen(false);
            editor.commands.focus();
          }}
        />
      )}
    </div>
  );
}
