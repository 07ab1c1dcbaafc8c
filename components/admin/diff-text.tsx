import type { DiffPart } from '@/lib/diff';

/** Removed words struck through in red, added words underlined in green; both announced as such. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i} className="bg-green-100 text-green-900">
            {p.text}
          </ins>
        ) : (
          <del key={i} className="bg-red-100 text-red-900">
            {p.text}
          </del>
        ),
      )}
    </>
  );
}
