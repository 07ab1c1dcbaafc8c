'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Red confirm button: the step takes something off the site. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra fields (the note sent back to a writer). */
  children?: ReactNode;
  confirmDisabled?: boolean;
}

/**
 * Asks once before a live step (publish, unpublish, delete, restoring a published story). A modal
 * <dialog>: focus moves into it and stays there, Escape cancels, and focus returns to the button
 * that opened it (the browser does this for showModal()).
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger,
  onConfirm,
  onCancel,
  children,
  confirmDisabled,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-md bg-white p-5 text-ink-950 shadow-xl backdrop:bg-ink-950/50"
    >
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {title}
      </h2>
      <p id={`${id}-body`} className="mt-2 text-sm">
        {body}
      </p>
      {children}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button
          type="button"
          autoFocus
          onClick={onCancel}
          className="rounded border border-ink-900 px-4 py-2 font-semibold"
        >
          {cancelLabel}
        </button>
        <button
          type="button"
          onClick={onConfirm}
          disabled={confirmDisabled}
          className={`rounded px-4 py-2 font-bold text-white ${danger ? 'bg-accent-700 hover:bg-ink-950' : 'bg-ink-900 hover:bg-ink-950'}`}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
