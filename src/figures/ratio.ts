// A share with the counts it comes from, so every rate can be shown with its numerator and denominator.

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0 (no dossier: no rate). */
  value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** "96,43%" — Vietnamese decimal comma, or "—" without a denominator. */
export function formatPercent(r: Ratio, digits = 2): string {
  if (r.value === null) return "—";
  return `${(r.value * 100).toFixed(digits).replace(".", ",")}%`;
}
