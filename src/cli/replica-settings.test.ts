// serve's replica settings: flags over the environment, bad values refused with the setting's name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "./errors.ts";
import { replicaSettings } from "./replica-settings.ts";

test("no standby, no listen URL: 5 s lag limit and nothing else", () => {
  assert.deepEqual(replicaSettings({}, {}), { maxLagMs: 5_000 });
  assert.deepEqual(replicaSettings({}, { DATABASE_READ_URL: "", DATABASE_LISTEN_URL: "" }), { maxLagMs: 5_000 });
});

test("--read-url and --listen-url win over DATABASE_READ_URL and DATABASE_LISTEN_URL", () => {
  const env = {
    DATABASE_READ_URL: "postgres://r@standby-a/motcua",
    DATABASE_LISTEN_URL: "postgresql://l@primary/motcua",
    DATABASE_READ_MAX_LAG: "0.5",
  };
  assert.deepEqual(replicaSettings({}, env), {
    readUrl: "postgres://r@standby-a/motcua",
    listenUrl: "postgresql://l@primary/motcua",
    maxLagMs: 500,
  });
  const flags = { "read-url": "postgres://r@standby-b/motcua", "listen-url": "off" };
  assert.deepEqual(replicaSettings(flags, env), {
    readUrl: "postgres://r@standby-b/motcua",
    listenUrl: "off",
    maxLagMs: 500,
  });
});

test("a URL that is not PostgreSQL's, or a lag that is not a positive number of seconds, is a usage error", () => {
  assert.throws(
    () => replicaSettings({ "read-url": "mysql://x" }, {}),
    (e) => e instanceof UsageError && /--read-url/.test(e.message),
  );
  assert.throws(
    () => replicaSettings({ "listen-url": "on" }, {}),
    (e) => e instanceof UsageError && /--listen-url/.test(e.message),
  );
  for (const lag of ["0", "-1", "5s", "abc", "", "1e3"]) {
    assert.throws(
      () => replicaSettings({}, { DATABASE_READ_MAX_LAG: lag }),
      (e) => e instanceof UsageError && /DATABASE_READ_MAX_LAG/.test(e.message),
      lag,
    );
  }
});
