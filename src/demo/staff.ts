// Demo accounts: at every receiving unit a front-desk officer, a processing officer and a leader; at each
// province a reform officer and an administrator; one superuser. Usernames derive from unit names only, so
// the table in docs/demo.md holds for every seed.
import type { StaffRole } from "../people/policy.ts";
import { vietnameseName } from "./people.ts";
import type { ReceivingUnit } from "./province.ts";
import type { Random } from "./random.ts";

/** The one demo password (docs/demo.md). Demo data only: change it before any real use. */
export const DEMO_PASSWORD = "motcua-demo-2026";

export interface DemoUser {
  username: string;
  fullName: string;
  /** The unit the account belongs to (null for the superuser). */
  unitCode: string | null;
  /** The role it holds at `unitCode`; null for the superuser. */
  role: StaffRole | null;
  isSuperuser: boolean;
}

const UNIT_ROLES: readonly (readonly [StaffRole, string])[] = [
  ["front_desk", "motcua"],
  ["officer", "chuyenvien"],
  ["leader", "lanhdao"],
];
const PROVINCE_ROLES: readonly (readonly [StaffRole, string])[] = [
  ["reform_officer", "cchc"],
  ["admin", "quantri"],
];

const PREFIXES = /^(thành phố|tỉnh|phường|xã|đặc khu|thị xã|thị trấn|quận|huyện)\s+/iu;

/** "Phường Kim Trà" → "kimtra", "Thành phố Đà Nẵng" → "danang". */
export function slugOf(name: string): string {
  return name
    .replace(PREFIXES, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export function demoStaff(units: readonly ReceivingUnit[], random: Random): DemoUser[] {
  const users: DemoUser[] = [
    { username: "admin", fullName: "Quản trị hệ thống", unitCode: null, role: null, isSuperuser: true },
  ];
  const taken = new Set(["admin"]);
  const slug = (name: string, code: string) => {
    const base = slugOf(name);
    return taken.has(`${base}.${UNIT_ROLES[0]![1]}`) || taken.has(`${base}.${PROVINCE_ROLES[0]![1]}`)
      ? `${base}${code.toLowerCase()}`
      : base;
  };
  const add = (unitCode: string, name: string, roles: readonly (readonly [StaffRole, string])[]) => {
    const base = slug(name, unitCode);
    for (const [role, suffix] of roles) {
      const username = `${base}.${suffix}`;
      taken.add(username);
      const sex = random.chance(0.55) ? "female" : "male";
      users.push({ username, fullName: vietnameseName(random, sex), unitCode, role, isSuperuser: false });
    }
  };
  const provinces = new Map<string, string>();
  for (const r of units) provinces.set(r.province.code, r.province.name);
  for (const [code, name] of [...provinces].sort(([a], [b]) => a.localeCompare(b))) add(code, name, PROVINCE_ROLES);
  for (const r of units) add(r.unit.code, r.unit.name, UNIT_ROLES);
  return users;
}
