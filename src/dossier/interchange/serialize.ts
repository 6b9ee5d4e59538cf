// serializeDossier: a DossierRecord → one JSON line, fields in the order of CONTRACTS §2, instants in +07:00.
// sameDossier: the canonical comparison behind idempotent re-import (same content → unchanged).
import type { DossierEvent, DossierRecord } from "../record.ts";
import { writeInstant } from "./instant.ts";

type Plain = { [key: string]: unknown };

/** Keeps the keys in the given order and drops the absent ones. */
function ordered(entries: [string, unknown][]): Plain {
  const out: Plain = {};
  for (const [k, v] of entries) if (v !== undefined) out[k] = v;
  return out;
}

function eventJson(e: DossierEvent, time: (d: Date) => unknown): Plain {
  return ordered([
    ["type", e.type],
    ["at", time(e.at)],
    ["dueAt", e.dueAt === undefined ? undefined : time(e.dueAt)],
    ["apology", e.apology],
    ["toUnit", e.toUnit],
    ["via", e.via],
    ["reason", e.reason],
  ]);
}

function recordJson(r: DossierRecord, time: (d: Date) => unknown, canonical = false): Plain {
  const a = r.applicant;
  const applicant =
    a === undefined
      ? undefined
      : ordered([
          ["name", a.name],
          ["idNumber", a.idNumber],
          ["phone", a.phone],
          ["address", a.address],
        ]);
  return ordered([
    ["code", r.code],
    [
      "unit",
      ordered([
        ["code", r.unit.code],
        ["name", r.unit.name],
        ["parent", canonical ? (r.unit.parent ?? undefined) : r.unit.parent],
      ]),
    ],
    [
      "procedure",
      ordered([
        ["code", r.procedure.code],
        ["name", r.procedure.name],
        ["field", r.procedure.field],
        ["level", r.procedure.level],
        ["limit", r.procedure.limit],
      ]),
    ],
    ["channel", r.channel],
    ["applicant", applicant !== undefined && Object.keys(applicant).length > 0 ? applicant : undefined],
    ["receivedAt", r.receivedAt === null ? null : time(r.receivedAt)],
    ["dueAt", r.dueAt === null ? null : time(r.dueAt)],
    ["events", r.events.map((e) => eventJson(e, time))],
    ["digitized", r.digitized],
    ["eResult", r.eResult],
    [
      "fee",
      r.fee === undefined
        ? undefined
        : ordered([
            ["amount", r.fee.amount],
            ["paidOnline", r.fee.paidOnline],
          ]),
    ],
  ]);
}

/** One line of the interchange format (no trailing newline). */
export function serializeDossier(record: DossierRecord): string {
  return JSON.stringify(recordJson(record, writeInstant));
}

/**
 * The canonical form: instants as epoch milliseconds (so `+07:00` and `Z` spellings of one instant are equal),
 * absent and null optional fields alike, an empty applicant as none.
 */
export function canonicalDossier(record: DossierRecord): string {
  return JSON.stringify(recordJson(record, (d) => d.getTime(), true));
}

export function sameDossier(a: DossierRecord, b: DossierRecord): boolean {
  return canonicalDossier(a) === canonicalDossier(b);
}

/** The top-level fields that differ (`events[3]` for an event), for a conflict message. */
export function dossierDifferences(a: DossierRecord, b: DossierRecord): string[] {
  const x = recordJson(a, (d) => d.getTime(), true);
  const y = recordJson(b, (d) => d.getTime(), true);
  const out: string[] = [];
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (key === "events") continue;
    if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) out.push(key);
  }
  const ex = x["events"] as unknown[];
  const ey = y["events"] as unknown[];
  for (let i = 0; i < Math.max(ex.length, ey.length); i++) {
    if (JSON.stringify(ex[i]) !== JSON.stringify(ey[i])) out.push(`events[${i}]`);
  }
  return out;
}
