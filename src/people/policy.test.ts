// Who may do what, where — the table written out by hand, walked role × unit × action.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ACTIONS, type Action, type Actor, can, STAFF_ROLES, type StaffRole } from "./policy.ts";

const parents: Record<string, string | null> = { P1: null, "P1.01": "P1", "P1.02": "P1", P2: null, "P2.01": "P2" };
const parentOf = (code: string) => parents[code];

// What each role may do, written independently of ACTIONS.
const expected: Record<StaffRole, Action[]> = {
  front_desk: ["dossier.read", "dossier.receive"],
  officer: ["dossier.read", "dossier.process"],
  leader: ["dossier.read", "dossier.process", "dossier.approve", "report.read", "reform.read"],
  reform_officer: ["dossier.read", "report.read", "report.submit", "reform.read", "reform.manage"],
  admin: [
    "unit.manage",
    "user.manage",
    "catalog.manage",
    "calendar.manage",
    "dossier.read",
    "dossier.import",
    "report.read",
    "reform.read",
  ],
};
// Which units a grant covers: its own and everything below it, nothing beside or above it.
const covers: Record<string, string[]> = {
  "P1.01": ["P1.01"],
  P1: ["P1", "P1.01", "P1.02"],
};

const staff = (role: StaffRole, unitCode: string): Actor => ({
  userId: 1,
  username: "u",
  fullName: "u",
  kind: "staff",
  isSuperuser: false,
  grants: [{ role, unitCode }],
});

test("role × unit × action: allowed exactly where the role allows it and the grant covers the unit", () => {
  let cases = 0;
  for (const role of STAFF_ROLES) {
    for (const grantUnit of Object.keys(covers)) {
      for (const unit of Object.keys(parents)) {
        for (const action of Object.keys(ACTIONS) as Action[]) {
          const want = expected[role].includes(action) && covers[grantUnit]!.includes(unit);
          assert.equal(
            can(staff(role, grantUnit), action, unit, parentOf),
            want,
            `${role}@${grantUnit} ${action} on ${unit}`,
          );
          cases++;
        }
      }
    }
  }
  assert.equal(cases, STAFF_ROLES.length * 2 * 5 * Object.keys(ACTIONS).length);
});

test("nobody outside: anonymous and citizens get nothing, a superuser everything", () => {
  const citizen: Actor = { ...staff("admin", "P1"), kind: "citizen" };
  const root: Actor = { ...staff("front_desk", "P2.01"), isSuperuser: true };
  for (const action of Object.keys(ACTIONS) as Action[]) {
    assert.equal(can(undefined, action, "P1.01", parentOf), false);
    assert.equal(can(citizen, action, "P1.01", parentOf), false);
    assert.equal(can(root, action, "P1.01", parentOf), true);
  }
});

test("a cycle in parent links cannot loop forever", () => {
  const looping = (code: string) => (code === "A" ? "B" : "A");
  assert.equal(can(staff("admin", "Z"), "unit.manage", "A", looping), false);
});
