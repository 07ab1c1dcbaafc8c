interface Props {
  href: string;
  /** «معاينة» */
  label: string;
  /** «تُفتح في نافذة جديدة», read after the label. */
  newTabHint?: string;
  small?: boolean;
}

/** «معاينة»: opens the story as readers will see it, in a new tab so the editor stays open. */
// In a table row the row names the story; the link's own name stays «معاينة» so that the headline's
// link is the only one named by the headline.
export function PreviewLink({ href, label, newTabHint, small }: Props) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener"
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
