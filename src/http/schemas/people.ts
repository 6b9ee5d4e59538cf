// Answers about people and units: the signed-in user (login, me, session), the unit tree, officers' ratings.
import { z } from "zod";
import { STAFF_ROLES } from "../../people/policy.ts";
import { Unit as UnitRecord } from "../../units/unit.ts";

export const Role = z.enum(STAFF_ROLES);
export type Role = z.infer<typeof Role>;

/** A role held at a unit (and every unit below it). */
export const Grant = z.object({
  role: Role,
  roleName: z.string().optional(),
  unitCode: z.string(),
  unitName: z.string().optional(),
});
export type Grant = z.infer<typeof Grant>;

/** The signed-in user (presenters.ts presentMe). */
export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  kind: z.enum(["staff", "citizen"]),
  isSuperuser: z.boolean().optional(),
  unitCode: z.string().nullish(),
  grants: z.array(Grant),
});
export type User = z.infer<typeof User>;

/** POST /api/auth/login, GET /api/auth/me. */
export const UserAnswer = z.object({ user: User });
/** GET /api/auth/session: the staff user signed in, or null. */
export const SessionAnswer = z.object({ user: User.nullable() });

/** A unit of the administrative tree (db/repos/units.ts UnitRow). */
export const Unit = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string().optional(),
  parentCode: z.string().nullable(),
  provinceCode: z.string().optional(),
  effectiveFrom: z.string().nullish(),
  effectiveTo: z.string().nullish(),
  successorCode: z.string().nullish(),
  saturdayService: z.boolean().optional(),
  saturdayCounts: z.boolean().optional(),
  placeholder: z.boolean().optional(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitList = z.object({ units: z.array(Unit) });

export const OfficerScore = z.enum(["very_satisfied", "satisfied", "neutral", "dissatisfied"]);
export type OfficerScore = z.infer<typeof OfficerScore>;

export const OfficerRatingsRow = z.object({
  officer: z.object({ id: z.string(), username: z.string(), fullName: z.string() }),
  /** Ratings of dossiers this officer served. */
  ratings: z.number().int(),
  /** Of these, the ones that scored the officer. */
  officerRatings: z.number().int(),
  averageOfficerStars: z.number().nullable(),
  officerScores: z.record(OfficerScore, z.number().int()),
  /** Average stars given to the service on the dossiers this officer served. */
  averageServiceStars: z.number().nullable(),
});
export type OfficerRatingsRow = z.infer<typeof OfficerRatingsRow>;

/** GET /api/ratings/officers */
export const OfficerRatingsReport = z.object({
  unit: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  officers: z.array(OfficerRatingsRow),
});
export type OfficerRatingsReport = z.infer<typeof OfficerRatingsReport>;

/** GET /api/units/:code/officers: active staff with a role at the unit or below (the id `assign` takes). */
export const OfficerList = z.object({
  officers: z.array(
    z.object({ id: z.number().int(), username: z.string(), fullName: z.string(), roles: z.array(Role) }),
  ),
});
export type OfficerList = z.infer<typeof OfficerList>;

/** An answer that only says it was done (logout; a password change, after which every session must sign in again). */
export const Done = z.object({ ok: z.literal(true), reloginRequired: z.boolean().optional() });

/** A staff account of a unit, for its administrator (GET /api/users). */
export const StaffUser = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  unitCode: z.string().nullable(),
  active: z.boolean(),
  grants: z.array(z.object({ role: Role, unitCode: z.string() })),
});
export type StaffUser = z.infer<typeof StaffUser>;

/** GET /api/users: the accounts of a unit and below, and the units the caller manages users of. */
export const StaffUserList = z.object({ users: z.array(StaffUser), scope: z.array(z.string()) });
export type StaffUserList = z.infer<typeof StaffUserList>;

/** POST /api/users */
export const CreatedUser = z.object({ id: z.number().int(), username: z.string() });

/** POST /api/units/import: all or nothing (any error: nothing stored); the codes created, parents first. */
export const UnitImportReport = z.object({
  read: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), field: z.string().optional(), code: z.string(), message: z.string() }),
  ),
  createdCodes: z.array(z.string()),
});
export type UnitImportReport = z.infer<typeof UnitImportReport>;

/** GET /api/units/export: the unit tree as the import reads it (src/units/unit.ts), parents before children. */
export const UnitExport = z.array(UnitRecord).describe("Cây đơn vị dạng JSON nhập được (POST /api/units/import)");
