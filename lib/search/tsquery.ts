import type { SearchTerm } from './query';

/**
 * The terms of a parsed query (lib/search/query.ts) as PostgreSQL tsquery text, for
 * to_tsquery('simple', …): the counterpart of FTS5's MATCH expression, built from the same terms.
 * websearch_to_tsquery is not used: it has syntax of its own (or, -, quotes) that would read the
 * reader's input a second time, differently from the parser both engines share.
 */

/**
 * One word as a quoted operand, so nothing in it is tsquery syntax (& | ! <-> ( ) : *). The words
 * are letters and digits only (lib/search/normalise.ts), so the escapes are a second guard.
 * `weights` (e.g. 'A') limits the operand to those fields of the index.
 */
function operand(word: string, weights: string): string {
  const quoted = `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return weights ? `${quoted}:${weights}` : quoted;
}

function phrase(words: string[], weights: string): string {
  return words.map((w) => operand(w, weights)).join(' <-> ');
}

/** The two queries a term is sought with: its words in the exact vector, a stem phrase in the stem vector. */
export interface TermTsQueries {
  exact: string;
  stem: string;
}

export function termTsQueries(term: SearchTerm, weights = ''): TermTsQueries {
  return {
    exact: phrase(term.words, weights),
    stem: term.stemPhrases.map((p) => `(${phrase(p, weights)})`).join(' | '),
  };
}
