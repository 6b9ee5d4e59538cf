// A real app on a fresh test database, driven with Fastify's inject (no sockets).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import { createUser } from "../db/repos/people.ts";
import type { Database } from "../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../db/testing.ts";
import type { StaffRole } from "../people/policy.ts";
import { buildApp } from "./app.ts";
import type { AppContext } from "./context.ts";
import { responseChecks } from "./schemas/check.ts";

export const TEST_PASSWORD = "matkhau-thu-2026";

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  /** Logs in and returns the session cookie header. */
  login(username: string, password?: string): Promise<string>;
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  addStaff(username: string, unitCode: string, roles: StaffRole[]): Promise<number>;
  close(): Promise<void>;
}

/** Units for tests: two provinces, communes below them (codes are test codes, not real ones). */
export async function seedTestUnits(database: TestDatabase) {
  const units = [
    ["P1", "Tỉnh Thử Một", "province", null, "P1"],
    ["P1.01", "Xã An Hòa", "commune", "P1", "P1"],
    ["P1.02", "Phường Bình Minh", "ward", "P1", "P1"],
    ["P2", "Tỉnh Thử Hai", "province", null, "P2"],
    ["P2.01", "Xã Cát Tiên", "commune", "P2", "P2"],
  ] as const;
  for (const [code, name, kind, parent, province] of units) {
    await database.db
      .insertInto("units")
      .values({ code, name, kind, parent_code: parent, province_code: province })
      .execute();
  }
}

/**
 * A staff account named `username` holding `roles` at its unit (the unit directory refreshed first); its full name
 * is the username unless given.
 */
export async function addStaffUser(
  db: Kysely<Database>,
  ctx: AppContext,
  staff: { username: string; unitCode: string; roles: StaffRole[]; password?: string; fullName?: string },
): Promise<number> {
  const { username, unitCode, roles, password = TEST_PASSWORD, fullName = username } = staff;
  await ctx.units.refresh();
  return createUser(
    db,
    {
      username,
      fullName,
      password,
      kind: "staff",
      unitCode,
      grants: roles.map((role) => ({ role, unitCode })),
    },
    (code) => ctx.units.provinceOf(code),
  );
}

// every answer a test receives is held to the route's declared response schema (schemas/check.ts)
responseChecks.enabled = true;

export async function startTestApp(options: { now?: () => Date; seedUnits?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.seedUnits !== false) await seedTestUnits(database);
  const { app, ctx } = await buildApp({ database, now: options.now });
  const request: TestApp["request"] = ({ cookie, headers, ...rest }) =>
    app.inject({ ...rest, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  return {
    app,
    ctx,
    database,
    request,
    async login(username, password = TEST_PASSWORD) {
      const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === "motcua_session");
      return `motcua_session=${cookie!.value}`;
    },
    addStaff: (username, unitCode, roles) => addStaffUser(database.db, ctx, { username, unitCode, roles }),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
