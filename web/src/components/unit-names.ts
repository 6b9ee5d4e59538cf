// Unit names for screens that receive unit codes (drill-down lists, report rows): people read names, not codes.
import { api } from "../api.ts";
import { useLoad } from "../hooks.ts";
import type { Unit } from "../types.ts";

/** "Phường Phú Xuân" for "19753", once the unit list has loaded (the code meanwhile, and for unknown codes). */
export function useUnitNames(): (code: string) => string {
  const units = useLoad((signal) => api.get<{ units: Unit[] }>("/units", undefined, signal), []);
  const names = new Map((units.data?.units ?? []).map((u) => [u.code, u.name]));
  return (code) => names.get(code) ?? code;
}
