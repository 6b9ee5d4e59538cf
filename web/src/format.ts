// Presentation only: Vietnamese wording of dates, money, states, channels and limits. No business rules.
import { ACTION_TABLE } from "../../src/dossier/table.ts";
import { STATUS_NAME_VI } from "../../src/dossier/status.ts";
import type { Action, Channel, DossierStatus, OnlineLevel, TimeLimit } from "./types.ts";

const TZ = "Asia/Ho_Chi_Minh";
const dateTimeFmt = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TZ,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const dateFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" });

/** "14:30 ngày 05/03/2026" — the appointment wording of the receipt slip. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(dateTimeFmt.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

export function formatMoney(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return "Theo quy định của HĐND tỉnh";
  if (amount === 0) return "Không thu";
  return `${new Intl.NumberFormat("vi-VN").format(amount)} đồng`;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : new Intl.NumberFormat("vi-VN").format(n);
}

/** Remaining working time as the server computed it, in minutes (negative = overdue). */
export function formatRemaining(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "—";
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  const text = h > 0 ? `${h} giờ ${m.toString().padStart(2, "0")} phút` : `${m} phút`;
  return minutes < 0 ? `Quá hạn ${text}` : `Còn ${text}`;
}

export function stateName(state: string | undefined): string {
  if (!state) return "—";
  return STATUS_NAME_VI[state as DossierStatus] ?? state;
}

export function actionName(action: Action | string): string {
  const rule = ACTION_TABLE[action as Action];
  if (!rule) return action;
  const label = rule.vi;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export const CHANNEL_NAME: Record<Channel, string> = {
  direct: "Trực tiếp",
  postal: "Bưu chính công ích",
  online_partial: "Trực tuyến một phần",
  online_full: "Trực tuyến toàn trình",
};

export const ONLINE_LEVEL_NAME: Record<OnlineLevel, string> = {
  full: "Dịch vụ công trực tuyến toàn trình",
  partial: "Dịch vụ công trực tuyến một phần",
  none: "Không cung cấp trực tuyến",
};

export const LEVEL_NAME: Record<string, string> = { province: "Cấp tỉnh", district: "Cấp huyện", commune: "Cấp xã" };

export const FORM_NAME: Record<string, string> = {
  original: "Bản chính",
  copy: "Bản sao",
  original_or_copy: "Bản chính hoặc bản sao",
};

export function describeLimit(limit: TimeLimit | undefined): string {
  if (!limit) return "—";
  if (limit.unit === "same_day") return limit.cutoff ? `Trong ngày (tiếp nhận trước ${limit.cutoff})` : "Trong ngày";
  const unit = { working_days: "ngày làm việc", working_hours: "giờ làm việc", calendar_days: "ngày" }[limit.unit];
  const n =
    Number.isInteger(limit.value) && limit.value < 10 ? `0${limit.value}` : String(limit.value).replace(".", ",");
  return `${n} ${unit}`;
}

const STATE_COLOR: Partial<Record<DossierStatus, string>> = {
  submitted: "blue",
  received: "cyan",
  processing: "geekblue",
  awaiting_supplement: "orange",
  awaiting_payment: "gold",
  resolved: "green",
  returned: "success",
  refused: "red",
  withdrawn: "default",
  stopped: "volcano",
  declined: "magenta",
};
export function stateColor(state: string): string {
  return STATE_COLOR[state as DossierStatus] ?? "default";
}

/** A component as stored on a dossier: its name. */
export function componentName(c: string | { name: string }): string {
  return typeof c === "string" ? c : c.name;
}

/** A percentage the server computed (0–100). */
export function formatPercent(p: number | null | undefined): string {
  return p === null || p === undefined ? "—" : `${p.toLocaleString("vi-VN", { maximumFractionDigits: 2 })}%`;
}

export const ROLE_NAME: Record<string, string> = {
  front_desk: "Cán bộ một cửa",
  officer: "Chuyên viên xử lý",
  leader: "Lãnh đạo",
  reform_officer: "Công chức CCHC",
  admin: "Quản trị",
};

/** A share the server computed (numerator/denominator), as "29,21%"; "—" without a denominator. */
export function formatShare(r: { value: number | null } | undefined): string {
  return r?.value === null || r?.value === undefined ? "—" : formatPercent(r.value * 100);
}
