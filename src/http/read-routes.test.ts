// The reads listed for the standby are GET routes the app mounts (a renamed route would silently leave the list).
import assert from "node:assert/strict";
import { test } from "node:test";
import { REPLICA_READS } from "./read-routes.ts";
import { routes } from "./routes/index.ts";

test("every read listed for the standby is a mounted GET route", () => {
  const gets = new Set(routes.filter((route) => route.method === "GET").map((route) => route.url));
  for (const url of REPLICA_READS) assert.ok(gets.has(url), `${url} is not a GET route`);
});

test("the dossier's own page, sessions and the audit stay on the primary", () => {
  for (const url of ["/api/dossiers/:code", "/api/auth/me", "/api/auth/session", "/api/health"]) {
    assert.equal(REPLICA_READS.has(url), false, url);
  }
});
