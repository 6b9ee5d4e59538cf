// Through the real routes: a refused field is explained in Vietnamese, with the stable code beside it (issue 15).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { APPLICANT, type Fixture, startFixture } from "./routes/dossiers.fixtures.ts";

let f: Fixture;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
});
after(async () => f.t.close());

test("a 201-character applicant name is refused at the counter with a Vietnamese reason", async () => {
  const reply = await f.intake(f.cookies["motcua.01"]!, { applicant: { ...APPLICANT, name: "Nguyễn ".repeat(40) } });
  assert.equal(reply.status, 400, JSON.stringify(reply.body));
  const reasons = JSON.stringify(reply.body);
  assert.match(reasons, /Tối đa \d+ ký tự/);
  assert.doesNotMatch(reasons, /Too big|expected string/);
});
