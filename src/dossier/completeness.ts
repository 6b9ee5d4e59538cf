// Completeness at the counter (issue 13): a dossier whose required components are not all handed in cannot be
// received; the clerk hands over form 02 (guidance to complete the dossier, listing everything missing, once).
// Decree 61/2018/NĐ-CP art. 15(2)(a) (hồ sơ chưa đầy đủ: hướng dẫn bổ sung, hoàn thiện theo mẫu 02; Decree
// 118/2025/NĐ-CP from 1 July 2025, taken as unchanged — docs/lifecycle.md). Pure: the caller passes the
// procedure's component list and the names handed in.

/** A component of the procedure's list (src/catalog DocumentComponent), as far as completeness is concerned. */
export interface ComponentSpec {
  name: string;
  /** "Nộp khi…": required only in that case, which the clerk judges; never required by the list alone. */
  condition?: string;
  /** An explicit flag, when the catalogue carries one; otherwise required = unconditional. */
  required?: boolean;
}

/** Required by the list alone: flagged so, or (without a flag) listed without a condition. */
export function isRequired(component: ComponentSpec): boolean {
  return component.required ?? component.condition === undefined;
}

/** The required components not handed in, in the procedure's order (empty: complete). */
export function missingRequired(components: readonly ComponentSpec[], present: readonly string[]): string[] {
  const handed = new Set(present.map((name) => name.trim()));
  return components.filter((c) => isRequired(c) && !handed.has(c.name)).map((c) => c.name);
}

/**
 * What a supplement request offers to tick: every component of the procedure not handed in (required first,
 * then the conditional ones), so the one request lists everything missing; free text is added by the officer.
 */
export function supplementChoices(components: readonly ComponentSpec[], present: readonly string[]): string[] {
  const handed = new Set(present.map((name) => name.trim()));
  const absent = components.filter((c) => !handed.has(c.name));
  return [...absent.filter(isRequired), ...absent.filter((c) => !isRequired(c))].map((c) => c.name);
}
