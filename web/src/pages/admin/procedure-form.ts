// The procedure editor's values and the catalogue's Procedure, both ways: the form shows Vietnamese fields
// (no JSON, no English keys); what it saves is the same object the API and the importers validate
// (src/catalog/procedure.ts). Fields the form does not show (inter-agency links, unconfirmed marks) are kept.
import type { Procedure } from "../../types.ts";

export interface ProcedureFormValues {
  name: string;
  field: string;
  level: Procedure["level"];
  agency: string;
  limitValue: number;
  limitUnit: Procedure["timeLimit"]["unit"];
  cutoff?: string;
  onlineLevel: Procedure["onlineLevel"];
  boundaryFree: boolean;
  restartOnSupplement: boolean;
  components: { name: string; form: "original" | "copy" | "original_or_copy"; count: number; condition?: string }[];
  fees: { name: string; amount?: number | null; per?: string; basis?: string; note?: string }[];
  steps: { name: string; role: "front_desk" | "officer" | "leader"; unit?: string; share: number }[];
  legalBasis: string[];
}

export const LIMIT_UNIT_LABELS: Record<Procedure["timeLimit"]["unit"], string> = {
  working_days: "ngày làm việc",
  working_hours: "giờ làm việc",
  calendar_days: "ngày (theo lịch)",
  same_day: "trong ngày",
};
export const DOCUMENT_FORM_LABELS = {
  original: "Bản chính",
  copy: "Bản sao",
  original_or_copy: "Bản chính hoặc bản sao",
} as const;
export const STEP_ROLE_LABELS = {
  front_desk: "Bộ phận Một cửa",
  officer: "Chuyên viên xử lý",
  leader: "Lãnh đạo",
} as const;
export const ONLINE_LEVEL_LABELS: Record<Procedure["onlineLevel"], string> = {
  full: "Trực tuyến toàn trình",
  partial: "Trực tuyến một phần",
  none: "Không cung cấp trực tuyến",
};
export const COMPETENT_LEVEL_LABELS: Record<Procedure["level"], string> = {
  province: "Cấp tỉnh",
  district: "Cấp huyện (trước 01/7/2025)",
  commune: "Cấp xã",
};

const trimmed = (s: string | undefined | null): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

export function toFormValues(p: Procedure): ProcedureFormValues {
  return {
    name: p.name,
    field: p.field,
    level: p.level,
    agency: p.agency,
    limitValue: p.timeLimit.value,
    limitUnit: p.timeLimit.unit,
    ...(p.timeLimit.cutoff ? { cutoff: p.timeLimit.cutoff } : {}),
    onlineLevel: p.onlineLevel,
    boundaryFree: p.boundaryFree ?? false,
    restartOnSupplement: (p as { restartOnSupplement?: boolean }).restartOnSupplement ?? false,
    components: p.components.map((c) => ({ ...c })),
    fees: p.fees.map((f) => ({ name: f.name, amount: f.amount, per: f.per, basis: f.basis, note: f.note })),
    steps: (p.steps ?? []).map((s) => ({ ...s, role: s.role as "front_desk" | "officer" | "leader" })),
    legalBasis: p.legalBasis ?? [],
  };
}

/** The new version's body: the latest version with the form's values, the next number, the chosen date. */
export function toProcedureBody(latest: Procedure, v: ProcedureFormValues, effectiveFrom: string) {
  const cutoff = v.limitUnit === "same_day" ? trimmed(v.cutoff) : undefined;
  // only the catalogue's own fields: the API adds others (placeholder…) that a new version must not carry
  const kept = latest as Procedure & { links?: unknown[]; unconfirmed?: string[] };
  return {
    code: latest.code,
    links: kept.links ?? [],
    unconfirmed: kept.unconfirmed ?? [],
    version: latest.version + 1,
    effectiveFrom,
    name: v.name.trim(),
    field: v.field.trim(),
    level: v.level,
    agency: v.agency.trim(),
    timeLimit: {
      value: v.limitUnit === "same_day" ? 0 : v.limitValue,
      unit: v.limitUnit,
      ...(cutoff ? { cutoff } : {}),
    },
    onlineLevel: v.onlineLevel,
    boundaryFree: v.boundaryFree,
    restartOnSupplement: v.restartOnSupplement,
    components: (v.components ?? []).map((c) => {
      const condition = trimmed(c.condition);
      return { name: c.name.trim(), form: c.form, count: c.count, ...(condition ? { condition } : {}) };
    }),
    fees: (v.fees ?? []).map((f) => {
      const [per, basis, note] = [trimmed(f.per), trimmed(f.basis), trimmed(f.note)];
      return {
        name: f.name.trim(),
        amount: f.amount ?? null,
        ...(per ? { per } : {}),
        ...(basis ? { basis } : {}),
        ...(note ? { note } : {}),
      };
    }),
    steps: (v.steps ?? []).map((s) => {
      const unit = trimmed(s.unit);
      return { name: s.name.trim(), role: s.role, share: s.share, ...(unit ? { unit } : {}) };
    }),
    legalBasis: (v.legalBasis ?? []).map((b) => b.trim()).filter(Boolean),
  };
}
