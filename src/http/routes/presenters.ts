// Shapes the API returns (camelCase, Vietnamese labels where a person reads them).
import type { UnitRow } from "../../db/repos/units.ts";
import { type Grant, ROLE_LABELS } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";

export function presentMe(
  ctx: AppContext,
  user: {
    id: number;
    username: string;
    full_name: string;
    kind: string;
    is_superuser: boolean;
    unit_code: string | null;
  },
  grants: Grant[],
) {
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    kind: user.kind,
    isSuperuser: user.is_superuser,
    unitCode: user.unit_code,
    grants: grants.map((grant) => ({
      role: grant.role,
      roleName: ROLE_LABELS[grant.role],
      unitCode: grant.unitCode,
      unitName: ctx.units.find(grant.unitCode)?.name ?? grant.unitCode,
    })),
  };
}

export function presentUnit(unit: UnitRow) {
  return { ...unit };
}
