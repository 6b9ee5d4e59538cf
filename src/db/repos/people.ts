// Users, role grants and sessions.
import { createHash, randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Actor, Grant, StaffRole } from "../../people/policy.ts";
import { hashPassword } from "../../people/passwords.ts";
import type { Database } from "../schema.ts";

export interface NewUser {
  username: string;
  fullName: string;
  password: string;
  kind: "staff" | "citizen";
  unitCode?: string | null;
  isSuperuser?: boolean;
  phone?: string | null;
  email?: string | null;
  /** Roles held at the user's unit (or at `grants[].unitCode`). */
  grants?: Grant[];
}

export async function createUser(
  db: Kysely<Database>,
  user: NewUser,
  provinceOf: (unit: string) => string | undefined,
): Promise<number> {
  const passwordHash = await hashPassword(user.password);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("users")
      .values({
        username: user.username,
        full_name: user.fullName,
        kind: user.kind,
        password_hash: passwordHash,
        unit_code: user.unitCode ?? null,
        is_superuser: user.isSuperuser ?? false,
        phone: user.phone ?? null,
        email: user.email ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const grant of user.grants ?? []) {
      await trx
        .insertInto("role_grants")
        .values({
          province_code: provinceOf(grant.unitCode) ?? grant.unitCode,
          user_id: id,
          unit_code: grant.unitCode,
          role: grant.role,
        })
        .execute();
    }
    return id;
  });
}

export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function grantsOf(db: Kysely<Database>, userId: number): Promise<Grant[]> {
  const rows = await db.selectFrom("role_grants").select(["role", "unit_code"]).where("user_id", "=", userId).execute();
  return rows.map((row) => ({ role: row.role as StaffRole, unitCode: row.unit_code }));
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Kysely<Database>, userId: number, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({ token_hash: hashToken(token), user_id: userId, expires_at: new Date(Date.now() + ttlMs) })
    .execute();
  return token;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}

/** The actor of a live session (by the token's hash) and when the session expires; undefined if none. */
export async function sessionOf(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ actor: Actor; expiresAt: Date } | undefined> {
  // one round trip per request: the user and its grants together
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.username", "users.full_name", "users.kind", "users.is_superuser", "users.active"])
    .select("sessions.expires_at")
    .select(
      sql<
        Grant[]
      >`coalesce((select json_agg(json_build_object('role', g.role, 'unitCode', g.unit_code) order by g.unit_code, g.role)
        from role_grants g where g.user_id = users.id), '[]'::json)`.as("grants"),
    )
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.expires_at", ">", new Date())
    .executeTakeFirst();
  if (!row?.active) return undefined;
  const actor: Actor = {
    userId: row.id,
    username: row.username,
    fullName: row.full_name,
    kind: row.kind,
    isSuperuser: row.is_superuser,
    grants: row.grants,
  };
  return { actor, expiresAt: row.expires_at };
}
