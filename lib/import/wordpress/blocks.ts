/**
 * Gutenberg keeps its block tree in HTML comments around the HTML it saved:
 * `<!-- wp:paragraph -->…<!-- /wp:paragraph -->`. The HTML is the article; the comments go.
 * A self-closing block (`<!-- wp:latest-posts /-->`) saved no HTML at all — WordPress renders it
 * on each view — so it leaves nothing behind, and is counted for the report.
 */

export interface StrippedBlocks {
  html: string;
  /** Self-closing (dynamic) blocks by name, which leave no HTML: "core/latest-posts" → 2. */
  dynamic: Map<string, number>;
  /** How many block comments were removed. */
  comments: number;
}

// Block attributes are JSON that WordPress writes with "--" escaped, so "-->" cannot occur inside.
const BLOCK_COMMENT =
  /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)(?:\s+(\{[\s\S]*?\}))?\s+(\/)?-->\n?/g;

/** The HTML without block comments; core blocks are named "core/x" as WordPress names them. */
export function stripBlockComments(html: string): StrippedBlocks {
  const dynamic = new Map<string, number>();
  let comments = 0;
  const out = html.replace(BLOCK_COMMENT, (_m, _closing, name: string, _attrs, selfClosing) => {
    comments++;
    if (selfClosing) {
      const full = name.includes('/') ? name : `core/${name}`;
      dynamic.set(full, (dynamic.get(full) ?? 0) + 1);
    }
    return '';
  });
  return { html: comments ? out.replace(/\n{3,}/g, '\n\n').trim() : html, dynamic, comments };
}
