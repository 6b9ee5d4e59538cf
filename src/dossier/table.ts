// The action table: for each action, the phases that allow it, the roles that may do it, what it requires
// and where it leads. decide.ts enforces it; docs/lifecycle.md describes it; the tests walk it.
import type { Action } from "./commands.ts";
import type { DossierStatus, Phase, Role } from "./status.ts";

export interface ActionRule {
  from: readonly Phase[];
  roles: readonly Role[];
  /** A state, `same` (stays where it is) or `resume` (back to the state before the supplement/payment wait). */
  to: DossierStatus | "same" | "resume";
  /** What the command must carry, as error codes checked in order after phase and role. */
  requires: readonly string[];
  vi: string;
}

export const ACTION_TABLE: Readonly<Record<Action, ActionRule>> = {
  submit_online: {
    from: ["initial"],
    roles: ["citizen", "system"],
    to: "submitted",
    requires: ["invalid-channel", "incomplete-dossier"],
    vi: "nộp hồ sơ trực tuyến",
  },
  receive: {
    from: ["initial"],
    roles: ["front_desk"],
    to: "received",
    requires: ["invalid-channel", "receipt-required", "incomplete-dossier"],
    vi: "tiếp nhận hồ sơ (trực tiếp, bưu chính)",
  },
  accept: {
    from: ["submitted"],
    roles: ["front_desk"],
    to: "received",
    requires: ["receipt-required"],
    vi: "tiếp nhận hồ sơ nộp trực tuyến",
  },
  refuse: {
    from: ["initial", "submitted", "awaiting_supplement"],
    roles: ["front_desk"],
    to: "refused",
    requires: ["refusal-after-receipt", "reason-required", "invalid-channel", "unit-required"],
    vi: "từ chối tiếp nhận",
  },
  request_supplement: {
    from: ["submitted", "received", "processing"],
    roles: ["front_desk", "officer"],
    to: "awaiting_supplement",
    requires: ["missing-list-required", "supplement-already-requested"],
    vi: "yêu cầu bổ sung hồ sơ",
  },
  receive_supplement: {
    from: ["awaiting_supplement"],
    roles: ["front_desk", "officer", "citizen", "system"],
    to: "resume",
    requires: [],
    vi: "nhận hồ sơ bổ sung",
  },
  assign: {
    from: ["received", "processing"],
    roles: ["front_desk", "leader"],
    to: "same",
    requires: ["assignee-required"],
    vi: "giao xử lý",
  },
  start_processing: {
    from: ["received"],
    roles: ["officer", "leader"],
    to: "processing",
    requires: ["not-assignee"],
    vi: "bắt đầu xử lý",
  },
  transfer: {
    from: ["received", "processing"],
    roles: ["front_desk", "officer", "leader"],
    to: "processing",
    requires: ["unit-required", "same-unit"],
    vi: "chuyển hồ sơ liên thông",
  },
  propose_result: {
    from: ["processing"],
    roles: ["officer"],
    to: "same",
    requires: ["draft-required"],
    vi: "trình kết quả",
  },
  approve: {
    from: ["processing"],
    roles: ["leader"],
    to: "same",
    requires: ["nothing-to-approve"],
    vi: "phê duyệt kết quả",
  },
  request_payment: {
    from: ["received", "processing"],
    roles: ["front_desk", "officer"],
    to: "awaiting_payment",
    requires: ["invalid-amount"],
    vi: "yêu cầu thực hiện nghĩa vụ tài chính",
  },
  record_payment: {
    from: ["awaiting_payment"],
    roles: ["front_desk", "citizen", "system"],
    to: "resume",
    requires: ["invalid-amount"],
    vi: "ghi nhận đã nộp phí, lệ phí, thuế",
  },
  resolve: {
    from: ["received", "processing"],
    roles: ["front_desk", "officer", "leader"],
    to: "resolved",
    requires: ["approval-required", "result-required", "result-file-required"],
    vi: "hoàn thành giải quyết",
  },
  decline: {
    from: ["received", "processing"],
    roles: ["officer", "leader"],
    to: "declined",
    requires: ["reason-required"],
    vi: "trả lại hồ sơ (không đủ điều kiện)",
  },
  return: {
    from: ["resolved", "declined"],
    roles: ["front_desk", "system"],
    to: "returned",
    requires: ["handover-required"],
    vi: "trả kết quả",
  },
  withdraw: {
    from: ["submitted", "received", "processing", "awaiting_supplement", "awaiting_payment"],
    roles: ["citizen", "front_desk"],
    to: "withdrawn",
    requires: ["reason-required"],
    vi: "rút hồ sơ",
  },
  stop: {
    from: ["received", "processing", "awaiting_supplement", "awaiting_payment"],
    roles: ["officer", "leader"],
    to: "stopped",
    requires: ["reason-required"],
    vi: "dừng xử lý",
  },
  extend: {
    from: ["received", "processing", "awaiting_payment"],
    roles: ["officer", "leader"],
    to: "same",
    requires: ["second-extension", "reason-required", "apology-required", "due-not-later"],
    vi: "gia hạn, xin lỗi và hẹn ngày trả mới",
  },
  rate: {
    from: ["returned"],
    roles: ["citizen"],
    to: "same",
    requires: ["already-rated", "invalid-rating"],
    vi: "đánh giá mức độ hài lòng",
  },
};

export const ACTIONS = Object.keys(ACTION_TABLE) as Action[];
