// Who issues a one-stop form and how its number reads. The office's name follows the rules in force on the
// form's date: before 1 July 2025 a commune, ward or district receives dossiers at its "Bộ phận Tiếp nhận và
// Trả kết quả" (Decree 61/2018/NĐ-CP); from 1 July 2025 Decree 118/2025/NĐ-CP (9 June 2025) sets up a
// "Trung tâm Phục vụ hành chính công" in every commune and ward (as in every province since 2018), the
// one-stop office of the two-level local government. A unit may name its office otherwise from a date
// (unit_office_names): the latest setting on or before the form's date wins. Pure: the settings are passed in.
import type { FormId, FormSet, Office } from "./types.ts";

/** First local date of the commune and ward public-service centres (Decree 118/2025/NĐ-CP, in force 1/7/2025). */
export const OFFICE_2025_FROM = "2025-07-01";

/** A unit as the documents name it. */
export interface UnitInfo {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

/** A unit's own office name and symbol from a local date (YYYY-MM-DD). */
export interface OfficeNameSetting {
  validFrom: string;
  name: string;
  symbol?: string | null;
}

const KIND_PREFIX = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+/iu;

/** "Xã An Hòa" → "An Hòa": the place name of the date line. */
export function placeOf(unitName: string): string {
  return unitName.normalize("NFC").replace(KIND_PREFIX, "").trim() || unitName;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

/** The symbol of the issuing office in a document's number and symbol ("…/GTN-TTPVHCC"). */
export const CENTRE_SYMBOL = "TTPVHCC";
export const DESK_SYMBOL = "BPMC";

/** The setting in force on a date: the latest valid_from on or before it. */
export function settingOn(settings: readonly OfficeNameSetting[], date: string): OfficeNameSetting | undefined {
  return [...settings].filter((s) => s.validFrom <= date).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}

/**
 * The one-stop office of a unit on a local date, with its governing body (Decree 30 heading), place name and
 * number symbol; a unit's own setting in force that day overrides the name and symbol.
 */
export function officeOn(
  unit: UnitInfo | undefined,
  parent: UnitInfo | undefined,
  code: string,
  date: string,
  settings: readonly OfficeNameSetting[] = [],
): Office & { symbol: string } {
  const own = settingOn(settings, date);
  const base = defaultOffice(unit, parent, code, date);
  return own ? { ...base, name: own.name.normalize("NFC"), symbol: own.symbol ?? base.symbol } : base;
}

function defaultOffice(
  unit: UnitInfo | undefined,
  parent: UnitInfo | undefined,
  code: string,
  date: string,
): Office & { symbol: string } {
  if (!unit) return { name: `Bộ phận Một cửa ${code}`, parentName: code, place: code, symbol: DESK_SYMBOL };
  const name = unit.name.normalize("NFC");
  if (unit.kind === "agency") {
    return {
      name: `Bộ phận Một cửa ${name}`,
      parentName: name,
      place: placeOf(parent?.name ?? name),
      symbol: DESK_SYMBOL,
    };
  }
  const centre = unit.kind === "province" || (date >= OFFICE_2025_FROM && unit.kind !== "district");
  return {
    name: `${centre ? "Trung tâm Phục vụ hành chính công" : "Bộ phận Tiếp nhận và Trả kết quả"} ${lowerFirst(name)}`,
    parentName: `UBND ${lowerFirst(name)}`,
    place: placeOf(name),
    symbol: centre ? CENTRE_SYMBOL : DESK_SYMBOL,
  };
}

/**
 * The kind-of-document part of each form's symbol. "TB" (thông báo) is the abbreviation of Decree
 * 30/2020/NĐ-CP, Phụ lục III; the one-stop slips have none there, so their initials are used.
 */
export function formSymbol(form: FormId, set: FormSet): string {
  switch (form) {
    case "receipt":
      return "GTN";
    case "supplement-request":
      return "PYCBS";
    case "refusal":
      return "PTC";
    case "apology":
      return set === "2018" ? "PXL" : "VBXL";
    case "stop-notice":
    case "declined-notice":
      return "TB";
    case "control-sheet":
      return "PKS";
    case "ledger":
      return "STD";
  }
}

/** "07/GTN-TTPVHCC": the number (two digits at least, Decree 30) and the symbol. */
export function numberText(n: number, form: FormId, set: FormSet, issuerSymbol: string): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a document number is a positive integer, not ${n}`);
  return `${String(n).padStart(2, "0")}/${formSymbol(form, set)}-${issuerSymbol}`;
}

/**
 * The issuing body of a unit's reports as Decree 30/2020/NĐ-CP (Phụ lục I) prints it: upper case, the
 * People's Committee of an administrative unit on two lines ("ỦY BAN NHÂN DÂN" / "PHƯỜNG HƯƠNG XUÂN"), an
 * agency under its governing People's Committee.
 */
export function issuerOf(unit: UnitInfo, parent: UnitInfo | undefined): { governing?: string[]; lines: string[] } {
  const up = (s: string) => s.normalize("NFC").toLocaleUpperCase("vi-VN");
  if (unit.kind === "agency") {
    return { ...(parent ? { governing: ["ỦY BAN NHÂN DÂN", up(parent.name)] } : {}), lines: [up(unit.name)] };
  }
  return { lines: ["ỦY BAN NHÂN DÂN", up(unit.name)] };
}

/** How the "(Kèm theo Báo cáo số …)" line names the issuer: "UBND phường Hương Xuân", an agency by its name. */
export function reportIssuerOf(unit: UnitInfo): string {
  return unit.kind === "agency" ? unit.name.normalize("NFC") : `UBND ${lowerFirst(unit.name.normalize("NFC"))}`;
}
