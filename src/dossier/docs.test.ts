import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DOSSIER_ERROR_MESSAGES } from "./errors.ts";
import { INTERCHANGE_MESSAGES } from "./interchange/errors.ts";
import { ACTION_TABLE, ACTIONS } from "./table.ts";

const doc = readFileSync(new URL("../../docs/lifecycle.md", import.meta.url), "utf8");

test("docs/lifecycle.md documents every action with its roles, and every error code", () => {
  for (const action of ACTIONS) {
    const row = doc.split("\n").find((l) => l.startsWith(`| \`${action}\` |`));
    assert.ok(row, `no row for ${action}`);
    const roles = row
      .split("|")[5]!
      .split(",")
      .map((r) => r.trim());
    assert.deepEqual(new Set(roles), new Set(ACTION_TABLE[action].roles), `${action} roles`);
  }
  for (const code of [...Object.keys(DOSSIER_ERROR_MESSAGES), ...Object.keys(INTERCHANGE_MESSAGES)]) {
    assert.ok(doc.includes(`\`${code}\``), `${code} is not documented`);
  }
});
