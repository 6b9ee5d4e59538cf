import assert from "node:assert/strict";
import { test } from "node:test";
import { formsFor } from "./dossier-forms.ts";

const ids = (events: { type: string; payload?: Record<string, unknown> }[]) => formsFor(events).map((f) => f.id);

test("the dossier page links only to the forms the dossier's events give rise to", () => {
  assert.deepEqual(ids([{ type: "refused" }]), ["03"]);
  assert.deepEqual(ids([{ type: "submitted" }]), []);
  assert.deepEqual(ids([{ type: "received" }, { type: "assigned" }]), ["01", "06"]);
  assert.deepEqual(
    ids([
      { type: "accepted" },
      { type: "supplement_requested", payload: { missing: ["Tờ khai"] } },
      { type: "extended", payload: { apology: false } },
      { type: "declined" },
    ]),
    ["01", "02", "declined-notice", "06"],
  );
  assert.deepEqual(ids([{ type: "received" }, { type: "extended", payload: { apology: true } }, { type: "stopped" }]), [
    "01",
    "04",
    "05",
    "06",
  ]);
  assert.deepEqual(ids([{ type: "received" }, { type: "supplement_requested", payload: { missing: [] } }]), [
    "01",
    "06",
  ]);
});
