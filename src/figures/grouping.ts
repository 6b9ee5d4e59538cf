// Row keys of the results report (CONTRACTS.md §3 `--by`) and their Vietnamese ordering.
import type { CompetentLevel, DossierRecord } from "../dossier/record.ts";

export const GROUPINGS = ["field", "unit", "procedure", "field-level"] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** How seed 000 (Phụ lục 4) writes a competent level inside a row name. */
export const LEVEL_WORDS: Record<CompetentLevel, string> = {
  province: "Cấp tỉnh",
  district: "Cấp huyện",
  commune: "Cấp xã",
};

/** Row name for a procedure that names no field. */
export const UNKNOWN_FIELD = "Chưa xác định lĩnh vực";

export function isGrouping(value: string): value is Grouping {
  return (GROUPINGS as readonly string[]).includes(value);
}

/** The row a dossier belongs to. `field-level` writes "<field> (<level>)", or the field alone without a level. */
export function rowKeyOf(dossier: DossierRecord, by: Grouping): string {
  switch (by) {
    case "field":
      return fieldOf(dossier);
    case "unit":
      return dossier.unit.code;
    case "procedure":
      return dossier.procedure.code;
    case "field-level": {
      const level = dossier.procedure.level;
      return level ? `${fieldOf(dossier)} (${LEVEL_WORDS[level]})` : fieldOf(dossier);
    }
  }
}

function fieldOf(dossier: DossierRecord): string {
  const field = dossier.procedure.field?.trim();
  return field ? field : UNKNOWN_FIELD;
}

const collator = new Intl.Collator("vi");

/** Vietnamese dictionary order (Bảo trợ… < Chứng thực < Đất đai < Hộ tịch), ties broken by code points. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
