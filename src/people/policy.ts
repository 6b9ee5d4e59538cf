// Who may do what, where: a role held at a unit covers that unit and every unit below it.
// Routes ask `authorize(actor, action, unitCode)`; no route checks roles by hand.

export const STAFF_ROLES = ["front_desk", "officer", "leader", "reform_officer", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Vietnamese role names for the UI and messages. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  front_desk: "Cán bộ Bộ phận Một cửa",
  officer: "Chuyên viên xử lý",
  leader: "Lãnh đạo",
  reform_officer: "Công chức phụ trách CCHC",
  admin: "Quản trị",
};

export const ACTIONS = {
  "unit.manage": ["admin"],
  "user.manage": ["admin"],
  "catalog.manage": ["admin"],
  "calendar.manage": ["admin"],
  "dossier.read": ["front_desk", "officer", "leader", "reform_officer", "admin"],
  "dossier.receive": ["front_desk"],
  "dossier.process": ["officer", "leader"],
  "dossier.approve": ["leader"],
  "dossier.import": ["admin"],
  "report.read": ["leader", "reform_officer", "admin"],
  "report.submit": ["reform_officer"],
  "reform.read": ["leader", "reform_officer", "admin"],
  "reform.manage": ["reform_officer"],
} as const satisfies Record<string, readonly StaffRole[]>;
export type Action = keyof typeof ACTIONS;

export interface Grant {
  role: StaffRole;
  unitCode: string;
}

export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  kind: "staff" | "citizen";
  isSuperuser: boolean;
  grants: Grant[];
}

/** Parent links of the unit tree (code → parent code). */
export type ParentOf = (unitCode: string) => string | null | undefined;

/** The unit and its ancestors, nearest first (stops on a cycle). */
export function lineage(unitCode: string, parentOf: ParentOf): string[] {
  const chain: string[] = [];
  for (let code: string | null | undefined = unitCode; code && !chain.includes(code); code = parentOf(code)) {
    chain.push(code);
  }
  return chain;
}

/** Whether the actor may perform the action on something belonging to `unitCode`. */
export function can(actor: Actor | undefined, action: Action, unitCode: string, parentOf: ParentOf): boolean {
  if (!actor) return false;
  if (actor.isSuperuser) return true;
  if (actor.kind !== "staff") return false;
  const roles: readonly StaffRole[] = ACTIONS[action];
  const covering = new Set(lineage(unitCode, parentOf));
  return actor.grants.some((grant) => roles.includes(grant.role) && covering.has(grant.unitCode));
}

/** Units where the actor holds a role allowing the action (the roots of what it may see). */
export function scopeRoots(actor: Actor, action: Action): string[] {
  const roles: readonly StaffRole[] = ACTIONS[action];
  return [...new Set(actor.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.unitCode))];
}
