import { test } from "node:test";
import assert from "node:assert/strict";
import { isRequired, missingRequired, supplementChoices } from "./completeness.ts";
import { decide } from "./decide.ts";
import { INITIAL_STATE } from "./evolve.ts";
import { actor, deps, hours, UNIT } from "./test-fixtures.ts";

const LIST = [
  { name: "Tờ khai" },
  { name: "Giấy ủy quyền", condition: "Trường hợp ủy quyền" },
  { name: "Giấy chứng sinh" },
  { name: "Bản sao sổ hộ khẩu", condition: "Nếu có", required: true },
];

test("required = flagged so, or listed without a condition", () => {
  assert.deepEqual(
    LIST.map((c) => isRequired(c)),
    [true, false, true, true],
  );
  assert.deepEqual(missingRequired(LIST, ["Tờ khai"]), ["Giấy chứng sinh", "Bản sao sổ hộ khẩu"]);
  assert.deepEqual(missingRequired(LIST, ["Tờ khai", "Giấy chứng sinh", " Bản sao sổ hộ khẩu "]), []);
  assert.deepEqual(missingRequired([], []), []);
});

test("the supplement request offers every component not handed in, required first", () => {
  assert.deepEqual(supplementChoices(LIST, ["Tờ khai"]), ["Giấy chứng sinh", "Bản sao sổ hộ khẩu", "Giấy ủy quyền"]);
  assert.deepEqual(
    supplementChoices(
      LIST,
      LIST.map((c) => c.name),
    ),
    [],
  );
});

test("a counter receipt with required components missing is refused with incomplete-dossier, listing them", () => {
  const receive = { action: "receive", channel: "direct", unit: UNIT, receiptNo: "R-1", limit: 8 } as const;
  const refused = decide(
    INITIAL_STATE,
    { ...receive, missing: ["Giấy chứng sinh"] },
    actor("front_desk"),
    hours(0),
    deps,
  );
  assert.ok("error" in refused);
  assert.equal(refused.error.code, "incomplete-dossier");
  assert.deepEqual(refused.error.missing, ["Giấy chứng sinh"]);
  assert.match(refused.error.message, /mẫu 02.*Còn thiếu: Giấy chứng sinh/);
  const complete = decide(INITIAL_STATE, { ...receive, missing: [] }, actor("front_desk"), hours(0), deps);
  assert.ok("events" in complete);
  // the channel and the receipt slip are checked first
  const online = decide(
    INITIAL_STATE,
    { ...receive, channel: "online_full", missing: ["x"] } as never,
    actor("front_desk"),
    hours(0),
    deps,
  );
  assert.ok("error" in online && online.error.code === "invalid-channel");
});

test("an online submission without a file for a required component is refused with incomplete-dossier", () => {
  const submit = { action: "submit_online", channel: "online_full", unit: UNIT } as const;
  const refused = decide(
    INITIAL_STATE,
    { ...submit, missing: ["Tờ khai", "Giấy chứng sinh"] },
    actor("citizen"),
    hours(0),
    deps,
  );
  assert.ok("error" in refused);
  assert.equal(refused.error.code, "incomplete-dossier");
  assert.deepEqual(refused.error.missing, ["Tờ khai", "Giấy chứng sinh"]);
  assert.match(refused.error.message, /trực tuyến.*Còn thiếu: Tờ khai; Giấy chứng sinh/);
  assert.ok("events" in decide(INITIAL_STATE, { ...submit, missing: [] }, actor("citizen"), hours(0), deps));
  assert.ok("events" in decide(INITIAL_STATE, submit, actor("citizen"), hours(0), deps));
});
