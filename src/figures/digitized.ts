// Whether a dossier counts as digitized for the national index (Bộ chỉ số, Decision 766/QĐ-TTg indicator
// "Tỷ lệ số hóa hồ sơ, kết quả": components AND result digitized). quality.ts counts the records' `digitized`
// flag; this rule sets that flag from what a stored dossier recorded (export, reports).

/** What a stored dossier recorded about digitization. */
export interface DigitizationFacts {
  /** The components were digitized (số hóa thành phần hồ sơ); for an imported dossier, components and result. */
  digitized: boolean;
  /** The result was digitized, as the `resolved` event recorded it; null/absent when not recorded. */
  resultDigitized?: boolean | null;
  /** A live dossier (received in motcua) or an imported one (its line carried the index's flag). */
  source: "live" | "import";
}

/**
 * Digitized for the index: a live dossier needs its components digitized and its result recorded as digitized
 * at resolve; an imported one carries the index's flag itself (CONTRACTS §2 `digitized`), unless its log
 * recorded the result.
 */
export function digitizedForIndex(facts: DigitizationFacts): boolean {
  if (!facts.digitized) return false;
  const result = facts.resultDigitized ?? null;
  return result === null ? facts.source === "import" : result;
}
