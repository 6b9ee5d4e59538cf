import assert from "node:assert/strict";
import test from "node:test";
import { ACTIONS, type Action, STAFF_ROLES, type StaffRole } from "../../src/people/policy.ts";
import { EN } from "./i18n.tsx";
import {
  matchesPattern,
  REPORTS_SECTION,
  rolesOf,
  routeRoles,
  STAFF_BASE,
  STAFF_ROUTES,
  type StaffRoute,
  staffMenu,
} from "./routes.tsx";

const relative = (path: string) => path.slice(STAFF_BASE.length + 1);
const routeOf = (path: string): StaffRoute | undefined =>
  STAFF_ROUTES.find((r) => r.layout !== "bare" && matchesPattern(r.path, relative(path)));

test("every menu entry opens a route of the staff console", () => {
  const menu = staffMenu();
  assert.ok(menu.length > 20, "the menu is drawn from the table");
  for (const entry of menu) {
    assert.ok(entry.path.startsWith(`${STAFF_BASE}/`), entry.path);
    assert.ok(routeOf(entry.path), `${entry.label}: no route for ${entry.path}`);
    assert.ok(!entry.path.includes(":"), `${entry.label}: a menu link names a concrete page, not a pattern`);
  }
});

test("every staff route names policy actions, so its roles are the server's", () => {
  const known = new Set(Object.keys(ACTIONS));
  for (const route of STAFF_ROUTES) {
    if (route.actions === "any-staff") {
      assert.equal(route.path, "", "only the start page (which redirects by role) is open to every staff member");
      continue;
    }
    assert.ok(route.actions.length > 0, `${route.path}: no action`);
    for (const action of route.actions) assert.ok(known.has(action), `${route.path}: unknown action ${action}`);
    const roles = routeRoles(route);
    assert.ok(roles.length > 0, `${route.path}: no role may open it`);
    for (const role of roles) assert.ok(route.actions.some((a) => (ACTIONS[a] as readonly string[]).includes(role)));
  }
});

test("no menu entry is shown to a role the server would refuse the page to", () => {
  for (const entry of staffMenu()) {
    const route = routeOf(entry.path)!;
    const allowed = routeRoles(route);
    for (const role of entry.roles) {
      assert.ok(allowed.includes(role), `${entry.label} is shown to ${role}, which ${route.actions} does not grant`);
    }
    assert.ok(entry.roles.length > 0, `${entry.label}: shown to no one`);
  }
});

test("paths and menu links are unique", () => {
  const paths = STAFF_ROUTES.map((r) => r.path);
  assert.equal(new Set(paths).size, paths.length);
  const links = staffMenu().map((m) => m.path);
  assert.equal(new Set(links).size, links.length);
});

test("the reports submenu holds the pages read with report.read, and the manual figures for report.submit", () => {
  const reports = staffMenu().filter((m) => m.section === "reports");
  for (const entry of reports) {
    assert.ok(entry.path.startsWith(`${STAFF_BASE}/bao-cao`), entry.path);
    const actions = routeOf(entry.path)!.actions as readonly Action[];
    assert.ok(
      actions.every((a) => a.startsWith("report.") || a === "reform.read"),
      `${entry.path}: ${actions}`,
    );
  }
  const manual = reports.find((m) => m.path.endsWith("/nhap-so-lieu"));
  assert.deepEqual(manual?.roles, [...ACTIONS["report.submit"]]);
});

test("rolesOf is the union of the actions' roles, in the policy's order", () => {
  assert.deepEqual(rolesOf("dossier.receive", "dossier.process"), ["front_desk", "officer", "leader"]);
  assert.deepEqual(rolesOf(), []);
  const every = Object.keys(ACTIONS) as Action[];
  assert.deepEqual(rolesOf(...every), [...STAFF_ROLES]);
  for (const action of every) {
    assert.deepEqual(new Set(rolesOf(action)), new Set<StaffRole>(ACTIONS[action]), action);
  }
});

test("a route pattern matches concrete paths of its shape only", () => {
  assert.ok(matchesPattern("hang-doi/:queue", "hang-doi/tat-ca"));
  assert.ok(!matchesPattern("hang-doi/:queue", "hang-doi"));
  assert.ok(!matchesPattern("hang-doi/:queue", "hang-doi/"));
  assert.ok(!matchesPattern("bao-cao", "bao-cao/ket-qua"));
  assert.ok(matchesPattern("", ""));
});

test("every menu label has its English (the language toggle never leaves one in Vietnamese)", () => {
  for (const label of [REPORTS_SECTION.label, ...staffMenu().map((m) => m.label)]) {
    assert.ok(EN[label], `no English for "${label}" in i18n.tsx`);
  }
});
