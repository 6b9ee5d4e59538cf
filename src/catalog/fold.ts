// Diacritic-insensitive matching for Vietnamese: "chung thuc ban sao" finds "Chứng thực bản sao từ bản chính".
// The database does the same with unaccent + pg_trgm; this is the in-memory twin for the client and tests.
import type { Procedure } from "./procedure.ts";

/** Lowercase, strip diacritics (NFD + remove combining marks), đ→d, collapse whitespace. */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function words(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9.]+/)
    .filter(Boolean);
}

export interface SearchHit {
  procedure: Procedure;
  score: number;
}

/**
 * Ranks procedures for a query typed with or without diacritics. Score: the whole query as a phrase in the
 * name (strongest, earlier is better), then the share of query words found in the name, then in the field;
 * an exact national code wins outright. Procedures matching no query word are left out.
 */
export function searchProcedures(procedures: readonly Procedure[], query: string, limit = 20): SearchHit[] {
  const q = foldVietnamese(query);
  const qWords = words(query);
  if (qWords.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const procedure of procedures) {
    const name = foldVietnamese(procedure.name);
    const nameWords = new Set(words(procedure.name));
    const fieldWords = new Set(words(procedure.field));
    let score = 0;
    if (procedure.code === query.trim()) score += 1000;
    const at = name.indexOf(q);
    if (at >= 0) score += 100 + (at === 0 ? 50 : 0) + Math.max(0, 20 - at / 5);
    const inName = qWords.filter((w) => nameWords.has(w)).length;
    const inField = qWords.filter((w) => fieldWords.has(w)).length;
    score += (40 * inName) / qWords.length + (10 * inField) / qWords.length;
    if (score === 0) continue;
    // Among equal matches prefer the shorter (more specific) name.
    score -= name.length / 1000;
    hits.push({ procedure, score });
  }
  hits.sort((a, b) => b.score - a.score || a.procedure.name.localeCompare(b.procedure.name, "vi"));
  return hits.slice(0, limit);
}
