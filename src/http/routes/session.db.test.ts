// The session probe every page makes: 200 with user null when signed out (no 401 in the browser console),
// the signed-in staff member with grants otherwise.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
});
after(async () => f.t.close());

test("signed out: 200 and no user; signed in: the user with grants, as /auth/me", async () => {
  const anonymous = await f.t.request({ method: "GET", url: "/api/auth/session" });
  assert.equal(anonymous.statusCode, 200);
  assert.deepEqual(anonymous.json(), { user: null });
  const cookie = f.cookies["cv.01"];
  const session = (await f.t.request({ method: "GET", url: "/api/auth/session", cookie })).json();
  const me = (await f.t.request({ method: "GET", url: "/api/auth/me", cookie })).json();
  assert.equal(session.user.username, "cv.01");
  assert.deepEqual(session, me);
});
