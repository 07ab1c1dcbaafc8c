interface Props {
  href: string;
  /** «معاينة» */
  label: string;
  /** The story's headline, for an accessible name that says which story (in lists). */
  title?: string;
  /** «تُفتح في نافذة جديدة», read after the label. */
  newTabHint?: string;
  small?: boolean;
}

/** «معاينة»: opens the story as readers will see it, in a new tab so the editor stays open. */
export function PreviewLink({ href, label, title, newTabHint, small }: Props) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener"
      aria-label={title ? `${label}: ${title}` : undefined}
      className={
        small
          ? 'ms-2 text-xs text-ink-700 underline'
          : 'rounded border border-ink-900 px-3 py-1.5 font-semibold text-ink-900 hover:bg-ink-100'
      }
    >
      {label}
      {newTabHint && <span className="sr-only"> ({newTabHint})</span>}
    </a>
  );
}
