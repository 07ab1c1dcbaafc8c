'use client';

import { useRef, useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';

interface Props {
  label: string;
  className?: string;
  confirm: { title: string; body: string; ok: string; cancel: string };
}

/**
 * A form's submit button that asks once first. Without JavaScript it submits straight away (the
 * server still checks who may do it); with it, the form is sent only after the dialog's yes.
 */
export function ConfirmSubmit({ label, className, confirm }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        className={className}
        onClick={(e) => {
          e.preventDefault();
          setOpen(true);
        }}
      >
        {label}
      </button>
      <ConfirmDialog
        open={open}
        title={confirm.title}
        body={confirm.body}
        confirmLabel={confirm.ok}
        cancelLabel={confirm.cancel}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          button.current?.form?.requestSubmit();
        }}
      />
    </>
  );
}
