// The issuing body, place, recipients and signature of a unit's report, from the unit directory's names
// (seed 001: "UBND xã Hoằng Hợp", place "Hoằng Hợp"; seed 000: "ỦY BAN NHÂN DÂN / PHƯỜNG HƯƠNG XUÂN").
import type { SignatureBlock } from "../../documents/official.ts";
import { upper } from "../../documents/vn-format.ts";
import type { ReportMeta } from "./document.ts";
import type { ReportLevel } from "./template.ts";

export interface UnitNames {
  name: string;
  kind: string;
  /** The unit above, by name ("Huyện Hoằng Hóa"); null for a province. */
  parentName: string | null;
}

const PREFIX = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/i;
const KIND_WORD = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+/i;

/** "UBND phường Hương Xuân" / "Phường Hương Xuân" → the administrative name "phường Hương Xuân". */
export function areaName(name: string): string {
  const bare = name.trim().replace(PREFIX, "");
  return bare.charAt(0).toLocaleLowerCase("vi-VN") + bare.slice(1);
}

/** "phường Hương Xuân" → "Hương Xuân". */
export function placeName(name: string): string {
  return areaName(name).replace(KIND_WORD, "");
}

export function levelOf(kind: string): ReportLevel {
  if (kind === "province") return "province";
  if (kind === "district") return "district";
  return "commune";
}

export interface MetaOptions {
  date: string;
  number?: string;
  signature?: Partial<SignatureBlock>;
  recipients?: string[];
}

export function reportMeta(unit: UnitNames, o: MetaOptions): ReportMeta {
  const area = areaName(unit.name);
  const unitName = `UBND ${area}`;
  const above = unit.parentName ? `UBND ${areaName(unit.parentName)}` : "Bộ Nội vụ";
  return {
    issuerParent: "ỦY BAN NHÂN DÂN",
    issuer: upper(area),
    unitName,
    place: placeName(unit.name),
    date: o.date,
    number: o.number,
    level: levelOf(unit.kind),
    recipients: o.recipients ?? [`- ${above} (b/c);`, "- Phòng Nội vụ (b/c);", "- Lưu: VT."],
    signature: {
      authority: o.signature?.authority ?? "TM. ỦY BAN NHÂN DÂN",
      title: o.signature?.title ?? "CHỦ TỊCH",
      name: o.signature?.name ?? "",
    },
  };
}
