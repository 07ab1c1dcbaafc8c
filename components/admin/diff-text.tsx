import type { BodyMark, DiffPart } from '@/lib/diff';

/**
 * Removed words struck through in red, added words underlined in green; both announced as such.
 * Formatting, links and images show as small labelled markers (`markLabel` names them).
 */
export function DiffText({
  parts,
  markLabel,
}: {
  parts: DiffPart[];
  markLabel?: (mark: BodyMark) => string;
}) {
  return (
    <>
      {parts.map((p, i) => {
        const content =
          p.mark && markLabel ? (
            <span className="mx-0.5 inline-block rounded border border-current px-1 text-xs font-semibold">
              <bdi>{markLabel(p.mark)}</bdi>
            </span>
          ) : (
            p.text
          );
        if (p.mark && !markLabel) return null;
        return p.kind === 'same' ? (
          <span key={i} className={p.mark ? 'text-muted' : undefined}>
            {content}
          </span>
        ) : p.kind === 'added' ? (
          <ins key={i} className="bg-green-100 text-green-900">
            {content}
          </ins>
        ) : (
          <del key={i} className="bg-red-100 text-red-900">
            {content}
          </del>
        );
      })}
    </>
  );
}
