import { test } from "node:test";
import assert from "node:assert/strict";
import type { InterchangeErrorCode } from "./errors.ts";
import { parseDossierLine } from "./parse.ts";

// The example line of CONTRACTS §2.
const GOOD = {
  code: "H57.12-200706-0001",
  unit: { code: "H57.12", name: "UBND phường Hương Xuân", parent: "H57" },
  procedure: {
    code: "1.001009",
    name: "Chứng thực bản sao từ bản chính",
    field: "Chứng thực",
    level: "commune",
    limit: "same day",
  },
  channel: "direct",
  applicant: { name: "Nguyễn Văn An", idNumber: "046090001234", phone: "0905123456", address: "Hương Xuân, Huế" },
  receivedAt: "2020-07-06T08:15:00+07:00",
  dueAt: "2020-07-06T17:00:00+07:00",
  events: [
    { type: "resolved", at: "2020-07-06T10:02:00+07:00" },
    { type: "returned", at: "2020-07-06T10:30:00+07:00", via: "direct" },
  ],
  digitized: true,
  eResult: false,
  fee: { amount: 2000, paidOnline: false },
};
type Line = Record<string, unknown>;
const withFields = (patch: Line): string => JSON.stringify({ ...GOOD, ...patch });
const withEvents = (events: unknown[], patch: Line = {}): string => withFields({ events, ...patch });
const REFUSED = { receivedAt: null, dueAt: null };
const at = (hhmm: string, day = "06") => `2020-07-${day}T${hhmm}:00+07:00`;

test("the example line of the contract parses", () => {
  const r = parseDossierLine(JSON.stringify(GOOD));
  assert.ok("ok" in r, JSON.stringify(r));
  assert.equal(r.ok.code, "H57.12-200706-0001");
  assert.deepEqual(r.ok.receivedAt, new Date("2020-07-06T01:15:00Z"));
  assert.equal(r.ok.events[1]!.via, "direct");
  assert.deepEqual(r.ok.fee, { amount: 2000, paidOnline: false });
});

test("legal variants parse: refused at intake, absent receivedAt, 9-digit ID, Z offsets, supplements and extensions", () => {
  const ok: string[] = [
    withEvents([{ type: "refused", at: at("08:00"), reason: "Thiếu tờ khai" }], REFUSED),
    JSON.stringify({
      ...GOOD,
      receivedAt: undefined,
      dueAt: undefined,
      events: [{ type: "refused", at: at("08:00"), reason: "x" }],
    }),
    withFields({ applicant: { idNumber: "191234567" } }),
    withFields({ receivedAt: "2020-07-06T01:15:00Z", dueAt: "2020-07-06T10:00:00.000Z" }),
    withEvents([
      { type: "supplement_requested", at: at("09:00"), reason: "Thiếu bản chính" },
      { type: "supplement_received", at: at("09:00", "08"), dueAt: at("15:00", "08") },
      { type: "extended", at: at("10:00", "08"), dueAt: at("17:00", "10"), apology: false },
      { type: "transferred", at: at("11:00", "08"), toUnit: "H57" },
      { type: "resolved", at: at("16:00", "09") },
    ]),
    withEvents([
      { type: "supplement_requested", at: at("09:00") },
      { type: "withdrawn", at: at("10:00") },
    ]),
    withEvents([{ type: "returned", at: at("09:00"), via: "online" }]),
    withEvents([]),
    withFields({ events: undefined, procedure: { code: "1.001009" }, unit: { code: "H57.12", parent: null } }),
    withFields({ extra: "extensions are allowed", applicant: undefined, fee: undefined }),
  ];
  for (const line of ok) {
    const r = parseDossierLine(line);
    assert.ok("ok" in r, `${line}\n→ ${JSON.stringify(r)}`);
  }
});

/** Each bad line with the code, and where given the path, CONTRACTS §2 rejects it with. */
const BAD_LINES: [string, InterchangeErrorCode, string?][] = [
  ["{not json", "invalid-json"],
  ["[1,2]", "not-an-object"],
  [withFields({ code: undefined }), "missing-field", "code"],
  [withFields({ code: "" }), "invalid-field", "code"],
  [withFields({ unit: { name: "x" } }), "missing-field", "unit.code"],
  [withFields({ procedure: undefined }), "missing-field", "procedure"],
  [withFields({ receivedAt: "2020-07-06T08:15:00" }), "instant-without-offset", "receivedAt"],
  [withFields({ dueAt: "2020-07-06 17:00" }), "invalid-instant", "dueAt"],
  [withFields({ receivedAt: "2020-02-30T08:15:00+07:00" }), "invalid-instant", "receivedAt"],
  [withEvents([{ type: "resolved", at: "2020-07-06T10:02:00" }]), "instant-without-offset", "events[0].at"],
  [withFields({ channel: "email" }), "invalid-channel", "channel"],
  [withFields({ channel: undefined }), "missing-field", "channel"],
  [withFields({ procedure: { code: "1", level: "huyện" } }), "invalid-level", "procedure.level"],
  [withFields({ applicant: { idNumber: "0460900012" } }), "invalid-id-number", "applicant.idNumber"],
  [withFields({ applicant: { idNumber: 46090001234 } }), "invalid-id-number", "applicant.idNumber"],
  [withEvents([{ type: "resolved", at: at("09:00") }], REFUSED), "received-at-missing", "receivedAt"],
  [withEvents([{ type: "refused", at: at("08:00"), reason: "x" }]), "refused-after-receipt", "events[0]"],
  [withEvents([{ type: "refused", at: at("08:00"), reason: "x" }], { dueAt: null }), "refused-after-receipt"],
  [withEvents([{ type: "refused", at: at("08:00"), reason: "x" }], { receivedAt: null }), "due-without-receipt"],
  [withFields({ dueAt: at("08:00") }), "due-before-receipt", "dueAt"],
  [
    withEvents([
      { type: "supplement_requested", at: at("09:00") },
      { type: "supplement_received", at: at("10:00") },
    ]),
    "due-required",
    "events[1].dueAt",
  ],
  [withEvents([{ type: "extended", at: at("09:00"), apology: true }]), "due-required", "events[0].dueAt"],
  [withEvents([{ type: "extended", at: at("09:00"), dueAt: at("10:00", "09") }]), "apology-required"],
  [withEvents([{ type: "transferred", at: at("09:00") }]), "to-unit-required", "events[0].toUnit"],
  [withEvents([{ type: "returned", at: at("09:00") }]), "via-required", "events[0].via"],
  [withEvents([{ type: "returned", at: at("09:00"), via: "email" }]), "invalid-via", "events[0].via"],
  [withEvents([{ type: "refused", at: at("08:00") }], REFUSED), "reason-required", "events[0].reason"],
  [withEvents([{ type: "archived", at: at("09:00") }]), "unknown-event-type", "events[0].type"],
  [withEvents([{ at: at("09:00") }]), "missing-field", "events[0].type"],
  [withEvents([{ type: "resolved" }]), "missing-field", "events[0].at"],
  [
    withEvents([
      { type: "transferred", at: at("11:00"), toUnit: "H57" },
      { type: "resolved", at: at("10:00") },
    ]),
    "events-out-of-order",
    "events[1].at",
  ],
  [withEvents([{ type: "resolved", at: at("08:00") }]), "event-before-receipt", "events[0].at"],
  [
    withEvents(
      [
        { type: "refused", at: at("08:00"), reason: "x" },
        { type: "withdrawn", at: at("09:00") },
      ],
      REFUSED,
    ),
    "event-after-end",
  ],
  [
    withEvents([
      { type: "withdrawn", at: at("09:00") },
      { type: "resolved", at: at("10:00") },
    ]),
    "event-after-end",
  ],
  [
    withEvents([
      { type: "resolved", at: at("09:00") },
      { type: "stopped", at: at("10:00") },
    ]),
    "event-after-end",
  ],
  [
    withEvents([
      { type: "resolved", at: at("09:00") },
      { type: "returned", at: at("10:00"), via: "direct" },
      { type: "returned", at: at("11:00"), via: "direct" },
    ]),
    "event-after-end",
  ],
  [withEvents([{ type: "supplement_received", at: at("09:00"), dueAt: at("17:00") }]), "supplement-not-requested"],
  [
    withEvents([
      { type: "supplement_requested", at: at("09:00") },
      { type: "supplement_requested", at: at("10:00") },
    ]),
    "supplement-already-requested",
  ],
  [withEvents([{ type: "declined", at: at("09:00") }]), "reason-required", "events[0].reason"],
  [
    withEvents([
      { type: "resolved", at: at("09:00") },
      { type: "declined", at: at("10:00"), reason: "Không đủ điều kiện" },
    ]),
    "declined-and-resolved",
    "events[1].type",
  ],
  [
    withEvents([
      { type: "declined", at: at("09:00"), reason: "Không đủ điều kiện" },
      { type: "returned", at: at("10:00"), via: "direct" },
      { type: "resolved", at: at("11:00") },
    ]),
    "declined-and-resolved",
    "events[2].type",
  ],
  [
    withEvents([
      { type: "declined", at: at("09:00"), reason: "Không đủ điều kiện" },
      { type: "withdrawn", at: at("10:00") },
    ]),
    "event-after-end",
    "events[1].type",
  ],
  [
    withEvents([
      { type: "declined", at: at("09:00"), reason: "Không đủ điều kiện" },
      { type: "returned", at: at("10:00"), via: "direct" },
      { type: "returned", at: at("11:00"), via: "direct" },
    ]),
    "event-after-end",
  ],
  [withFields({ fee: { amount: -1 } }), "invalid-field", "fee.amount"],
  [withFields({ digitized: "yes" }), "invalid-field", "digitized"],
];

test("every rule of CONTRACTS §2 rejects a bad line with its own code", () => {
  for (const [line, code, path] of BAD_LINES) {
    const r = parseDossierLine(line);
    assert.ok("error" in r, `should reject with ${code}: ${line}`);
    assert.equal(r.error.code, code, line);
    if (path !== undefined) assert.equal(r.error.path, path, line);
    assert.ok(r.error.message.length > 10);
  }
});

test("the error message names the field and the value", () => {
  const r = parseDossierLine(withFields({ channel: "email" }));
  assert.ok("error" in r);
  assert.match(r.error.message, /^channel: .*"email"/);
});

test("declined (trả lại hồ sơ) with its reason, then returned, parses; the reason is kept", () => {
  const r = parseDossierLine(
    withEvents([
      { type: "declined", at: at("09:00"), reason: "Không đủ điều kiện cấp phép" },
      { type: "returned", at: at("10:00"), via: "postal" },
    ]),
  );
  assert.ok("ok" in r, JSON.stringify(r));
  assert.deepEqual(r.ok.events[0], {
    type: "declined",
    at: new Date("2020-07-06T02:00:00Z"),
    reason: "Không đủ điều kiện cấp phép",
  });
  assert.equal(r.ok.events[1]!.type, "returned");
});
