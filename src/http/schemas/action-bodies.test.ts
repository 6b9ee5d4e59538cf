import assert from "node:assert/strict";
import { test } from "node:test";
import { installVietnameseMessages } from "../messages-vi.ts";
import { STAFF_ACTIONS, type StaffAction } from "../routes/dossiers-access.ts";
import { z } from "zod";
import { ActionBody, ActionBodyDocument, type ActionBodyInput, parseActionBody } from "./action-bodies.ts";

installVietnameseMessages();

const FILE = "0b6f3f4e-2a1c-4d7e-9a55-6f1c2d3e4f50";

/** The body docs/api.md documents for each action, as the web sends it. */
const DOCUMENTED: { [A in StaffAction]: ActionBodyInput<A> } = {
  accept: { revision: 0, receiptNo: "000.00.12.H57-260302-0001" },
  refuse: { revision: 1, reason: "Không thuộc thẩm quyền" },
  request_supplement: { revision: 2, missing: ["Bản sao giấy khai sinh"] },
  receive_supplement: { revision: 3 },
  assign: { revision: 4, assignee: "canbo.tp" },
  start_processing: { revision: 5 },
  transfer: { revision: 6, toUnit: "H57.12", link: "across_levels" },
  propose_result: { revision: 7, draft: { document: { id: FILE } } },
  approve: { revision: 8 },
  request_payment: { revision: 9, amount: 50_000 },
  record_payment: { revision: 10, amount: 50_000, paidOnline: true },
  resolve: { revision: 11, result: { document: { id: FILE } }, eResult: true, resultDigitized: false },
  decline: { revision: 12, reason: "Không đủ điều kiện", notice: { record: "Thông báo số 12/TB" } },
  return: { revision: 13, via: "postal", handover: { record: "EMS EB123456789VN" } },
  withdraw: { revision: 14, attachments: [{ id: FILE }] },
  stop: { revision: 15, reason: "Người nộp đề nghị dừng" },
  extend: { revision: 16, dueAt: "2026-03-20T17:00:00+07:00", apology: { document: { id: FILE } } },
};

test("the union has one schema per staff action, keyed by action", () => {
  const keys = ActionBody.options.map((o) => o.shape.action.value).sort();
  assert.deepEqual(keys, [...STAFF_ACTIONS].sort());
});

test("every documented action body is accepted, with the action from the URL and defaults filled in", () => {
  for (const action of STAFF_ACTIONS) {
    const parsed = parseActionBody(action, DOCUMENTED[action]);
    assert.ok(parsed.success, `${action}: ${JSON.stringify(parsed)}`);
    assert.equal(parsed.data.action, action);
    assert.equal(parsed.data.revision, DOCUMENTED[action].revision);
    assert.ok(Array.isArray(parsed.data.attachments), `${action}: attachments default to []`);
  }
  const transfer = parseActionBody("transfer", { revision: 0 });
  assert.ok(transfer.success && transfer.data.action === "transfer");
  assert.deepEqual([transfer.data.toUnit, transfer.data.link], ["", "same_level"]);
  const assign = parseActionBody("assign", { revision: 0, assignee: 42 });
  assert.ok(assign.success && assign.data.action === "assign" && assign.data.assignee === "42");
});

test("a field another action uses is dropped, and the URL's action wins over one in the body", () => {
  const parsed = parseActionBody("approve", { revision: 3, amount: 5, action: "stop" });
  assert.ok(parsed.success);
  assert.equal(parsed.data.action, "approve");
  assert.equal("amount" in parsed.data, false);
});

/** For each action, a wrong body, the field named and (part of) the Vietnamese reason. */
const WRONG: [StaffAction, unknown, string, RegExp][] = [
  ["accept", {}, "revision", /Thiếu phiên bản hồ sơ/],
  ["accept", { revision: 0, receiptNo: "x".repeat(81) }, "receiptNo", /Tối đa 80 ký tự/],
  ["refuse", { revision: -1 }, "revision", /không được âm/],
  ["request_supplement", { revision: 0, missing: "giấy tờ" }, "missing", /danh sách/],
  ["receive_supplement", { revision: 0, attachments: [{ id: "abc" }] }, "attachments.0.id", /Mã tệp không hợp lệ/],
  ["assign", { revision: 0 }, "assignee", /Thiếu cán bộ được phân công/],
  ["start_processing", { revision: "1" }, "revision", /Thiếu phiên bản hồ sơ/],
  ["transfer", { revision: 0, link: "sideways" }, "link", /same_level/],
  ["propose_result", { revision: 0, draft: { document: { id: 7 } } }, "draft.document.id", /chuỗi|Mã tệp/],
  ["approve", { revision: 0, reason: "x".repeat(4001) }, "reason", /Tối đa 4000 ký tự/],
  ["request_payment", { revision: 0 }, "amount", /Thiếu số tiền/],
  ["request_payment", { revision: 0, amount: 1.5 }, "amount", /số nguyên/],
  ["record_payment", { revision: 0, amount: 1000, paidOnline: "yes" }, "paidOnline", /đúng\/sai|boolean/],
  ["resolve", { revision: 0, eResult: "true" }, "eResult", /Kết quả điện tử/],
  ["resolve", { revision: 0, resultDigitized: 1 }, "resultDigitized", /Số hóa kết quả/],
  ["decline", { revision: 0, notice: { record: "x".repeat(1001) } }, "notice.record", /Tối đa 1000 ký tự/],
  ["return", { revision: 0, via: "pigeon" }, "via", /direct, postal hoặc online/],
  ["return", { revision: 0 }, "via", /direct, postal hoặc online/],
  ["withdraw", { revision: 0, attachments: new Array(51).fill({ id: FILE }) }, "attachments", /Tối đa 50 mục/],
  ["stop", { revision: 0.5 }, "revision", /số nguyên/],
  ["extend", { revision: 0, dueAt: "2026-03-20" }, "dueAt", /ISO 8601 có múi giờ/],
];

test("each wrong body is refused, naming the field, in Vietnamese", () => {
  for (const [action, body, name, reason] of WRONG) {
    const parsed = parseActionBody(action, body);
    assert.equal(parsed.success, false, `${action} ${JSON.stringify(body).slice(0, 80)}`);
    if (parsed.success) continue;
    const issue = parsed.issues.find((i) => i.name === name);
    assert.ok(issue, `${action}: an issue on ${name}, got ${JSON.stringify(parsed.issues)}`);
    assert.match(issue.reason, reason, `${action}.${name}`);
    for (const i of parsed.issues) assert.doesNotMatch(i.reason, /Invalid|expected|Required/, `${action}: English`);
  }
});

test("a body that is not an object is read as an empty one (revision missing), never thrown", () => {
  for (const raw of [null, undefined, "text", [1, 2], 7]) {
    const parsed = parseActionBody("approve", raw);
    assert.ok(!parsed.success);
    assert.deepEqual(
      parsed.issues.map((i) => i.name),
      ["revision"],
    );
  }
});

test("the OpenAPI body lists each action's fields under its title; the route still reads any object", () => {
  const document = z.toJSONSchema(ActionBodyDocument, { io: "input" }) as {
    anyOf: { title: string; properties: Record<string, unknown>; required?: string[] }[];
  };
  assert.deepEqual(document.anyOf.map((b) => b.title).sort(), [...STAFF_ACTIONS].sort());
  const byTitle = new Map(document.anyOf.map((b) => [b.title, b]));
  assert.ok(byTitle.get("return")!.required?.includes("via"));
  assert.ok("dueAt" in byTitle.get("extend")!.properties);
  assert.ok(!("action" in byTitle.get("extend")!.properties), "the action is in the URL, not the body");
  assert.ok(ActionBodyDocument.safeParse({ revision: 1, anything: true }).success);
});
