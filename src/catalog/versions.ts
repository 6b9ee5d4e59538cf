// Versions by effective date, and the province override model: the national catalogue is shared
// reference data; a province's own time limit, fees and steps replace the national ones for that province.
import type { ImportError } from "./import-error.ts";
import type { Procedure, ProcedureOverride } from "./procedure.ts";

/** The version of `code` in force on `date` (YYYY-MM-DD): the latest effectiveFrom ≤ date. */
export function findVersionInForce(versions: readonly Procedure[], code: string, date: string): Procedure | undefined {
  let best: Procedure | undefined;
  for (const v of versions) {
    if (v.code !== code || v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom) best = v;
  }
  return best;
}

/** An edit never rewrites a version: it becomes a new version effective from `effectiveFrom`. */
export function newVersion(versions: readonly Procedure[], edited: Procedure, effectiveFrom: string): Procedure {
  const same = versions.filter((v) => v.code === edited.code);
  if (same.some((v) => v.effectiveFrom >= effectiveFrom)) {
    throw new Error(`Phiên bản mới của thủ tục ${edited.code} phải có ngày hiệu lực sau ${effectiveFrom}`);
  }
  const version = same.reduce((max, v) => Math.max(max, v.version), 0) + 1;
  return { ...edited, version, effectiveFrom };
}

/** A procedure as it applies in a province on a date: national version with the province's override on top. */
export function findEffectiveProcedure(
  versions: readonly Procedure[],
  overrides: readonly ProcedureOverride[],
  code: string,
  provinceCode: string,
  date: string,
): Procedure | undefined {
  const national = findVersionInForce(versions, code, date);
  if (!national) return undefined;
  let override: ProcedureOverride | undefined;
  for (const o of overrides) {
    if (o.procedureCode !== code || o.provinceCode !== provinceCode || o.effectiveFrom > date) continue;
    if (!override || o.effectiveFrom > override.effectiveFrom) override = o;
  }
  if (!override) return national;
  return {
    ...national,
    timeLimit: override.timeLimit ?? national.timeLimit,
    fees: override.fees ?? national.fees,
    steps: override.steps ?? national.steps,
  };
}

/** An error if `p` repeats the (code, effectiveFrom) or (code, version) of an accepted version (the DB's keys). */
export function duplicateVersionError(
  accepted: readonly Procedure[],
  p: Procedure,
  row: number,
): ImportError | undefined {
  const clash = accepted.find(
    (a) => a.code === p.code && (a.effectiveFrom === p.effectiveFrom || a.version === p.version),
  );
  if (!clash) return undefined;
  return {
    row,
    field: "code",
    code: "duplicate_version",
    message: `Thủ tục ${p.code} đã có phiên bản ${clash.version} (hiệu lực từ ${clash.effectiveFrom}) trùng phiên bản hoặc ngày hiệu lực`,
  };
}
