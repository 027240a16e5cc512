/**
 * Free-text search on PostgreSQL with the same observable results as the SQLite engine's FTS5
 * (unicode61 tokeniser: letters, digits and private-use characters make tokens, everything else
 * separates them; case and diacritics are folded; each typed word is a phrase; all must match).
 *
 * PostgreSQL's own parser would tokenise differently (it keeps "PR-123" or an e-mail address as
 * one token beside its parts), so the text is first reduced here to unicode61's tokens joined by
 * spaces, for the stored tsvector and for the query alike; the 'simple' configuration then only
 * lower-cases (no stemming, no stop words), and a phrase query matches exactly the token runs
 * FTS5's quoted phrase would.
 */
const SEPARATORS = /[^\p{L}\p{N}\p{Co}]+/u;

export function searchTokens(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().split(SEPARATORS).filter(Boolean).join(' ');
}

/** The phrases of a search box entry (empty: nothing to search for), like journal-filters' ftsQuery. */
export function searchPhrases(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).map(searchTokens).filter(Boolean);
}
