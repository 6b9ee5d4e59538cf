// The dossier's states (national status codes 1–10, DOMAIN.md §3) and the people who act on it.

/** Trạng thái hồ sơ. */
export type DossierStatus =
  | "submitted" // 1 mới đăng ký
  | "received" // 2 được tiếp nhận
  | "refused" // 3 không được tiếp nhận
  | "processing" // 4 đang xử lý
  | "awaiting_supplement" // 5 yêu cầu bổ sung
  | "awaiting_payment" // 6 nghĩa vụ tài chính
  | "withdrawn" // 7 rút hồ sơ
  | "stopped" // 8 dừng xử lý
  | "resolved" // 9 đã xử lý xong
  | "declined" // 9b trả lại hồ sơ: không đủ điều kiện giải quyết (an end, timed like resolved)
  | "returned"; // 10 đã trả kết quả

/** A dossier that does not exist yet is in the phase `initial`: intake commands start from it. */
export type Phase = "initial" | DossierStatus;

export const STATUSES: readonly DossierStatus[] = [
  "submitted",
  "received",
  "refused",
  "processing",
  "awaiting_supplement",
  "awaiting_payment",
  "withdrawn",
  "stopped",
  "resolved",
  "declined",
  "returned",
];

export const PHASES: readonly Phase[] = ["initial", ...STATUSES];

/** The national status code of each state (`declined` is 9b, a kind of 9: the dossier was dealt with). */
export const STATUS_CODE: Readonly<Record<DossierStatus, number>> = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  awaiting_supplement: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  resolved: 9,
  declined: 9,
  returned: 10,
};

export const STATUS_NAME_VI: Readonly<Record<Phase, string>> = {
  initial: "chưa tiếp nhận",
  submitted: "mới đăng ký",
  received: "được tiếp nhận",
  refused: "không được tiếp nhận",
  processing: "đang xử lý",
  awaiting_supplement: "yêu cầu bổ sung",
  awaiting_payment: "chờ thực hiện nghĩa vụ tài chính",
  withdrawn: "rút hồ sơ",
  stopped: "dừng xử lý",
  resolved: "đã xử lý xong",
  declined: "trả lại hồ sơ (không đủ điều kiện giải quyết)",
  returned: "đã trả kết quả",
};

/** Received and not yet ended: the clock is or was running (an open dossier in the reports). */
export const OPEN_STATUSES: readonly DossierStatus[] = [
  "received",
  "processing",
  "awaiting_supplement",
  "awaiting_payment",
];

/** No action but `rate` (after `returned`) follows these. */
export const FINAL_STATUSES: readonly DossierStatus[] = ["refused", "withdrawn", "stopped", "returned"];

export type Role = "front_desk" | "officer" | "leader" | "reform_officer" | "admin" | "citizen" | "system";
export const ROLES: readonly Role[] = [
  "front_desk",
  "officer",
  "leader",
  "reform_officer",
  "admin",
  "citizen",
  "system",
];

/** Who acts: a user id, the role they act in, and the unit they act for (empty for a citizen). */
export interface Actor {
  id: string;
  role: Role;
  unit: string;
}

/** A stored file: its id and content hash (sha-256, hex). */
export interface Attachment {
  id: string;
  sha256?: string;
  name?: string;
}
