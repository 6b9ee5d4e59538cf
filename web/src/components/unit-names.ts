// Unit names for screens that receive unit codes (drill-down lists, report rows): people read names, not codes.
import { useLoad } from "../hooks.ts";
import { units as unitsApi } from "../api/units.ts";

/** "Phường Phú Xuân" for "19753", once the unit list has loaded (the code meanwhile, and for unknown codes). */
export function useUnitNames(): (code: string) => string {
  const units = useLoad((signal) => unitsApi.list({}, signal), []);
  const names = new Map((units.data?.units ?? []).map((u) => [u.code, u.name]));
  return (code) => names.get(code) ?? code;
}
