// Regression: a lifecycle command issued when the calendar cache has expired must not wait on the pool from
// inside its own transaction (on PGlite the pool is that one connection: the server used to hang for good).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { calendarRegistryOf } from "../../db/repos/calendar.ts";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
});
after(async () => f.t.close());

test("an action after the calendar cache expired completes", { timeout: 30_000 }, async () => {
  const created = await f.intake(f.cookies["motcua.01"]!);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  // what 30 idle seconds do: the registry is stale and the next use reloads it
  (calendarRegistryOf(f.t.ctx.database.db) as unknown as { loadedAt: number }).loadedAt = 1;
  const assigned = await f.act(f.cookies["motcua.01"]!, created.body.code, "assign", {
    revision: created.body.revision,
    assignee: "cv.01",
  });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
});
