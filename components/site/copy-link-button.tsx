'use client';

import { useState, type ReactNode } from 'react';

/** The one interactive share control: copies the canonical URL. Without JavaScript it is a plain link. */
export function CopyLinkButton({
  url,
  label,
  copiedLabel,
  className,
  icon,
}: {
  url: string;
  label: string;
  copiedLabel: string;
  className: string;
  icon?: ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <a
      href={url}
      className={className}
      onClick={(event) => {
        if (!navigator.clipboard) return;
        event.preventDefault();
        void navigator.clipboard.writeText(url).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {icon}
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </a>
  );
}
