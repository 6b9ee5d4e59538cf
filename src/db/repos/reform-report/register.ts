// The register of periodic CCHC reports (migration 0013, reform_reports): a unit issues its report for a period
// — computed, checked, frozen (the sheet, the results, the text and the .docx as issued); a later issue is a new
// version — submits it up the tree, and the unit above sees who submitted, who is late, returns a report with a
// comment, and rolls up its units' 01b rows. Every change is audited.
import type { Kysely, Selectable } from "kysely";
import { localDate } from "../../../calendar/local-time.ts";
import type { Period } from "../../../figures/period.ts";
import { assertReportable } from "../../../reform/report/check.ts";
import type { ProceduresByLevel, RecordAppendices } from "../../../reform/report/appendix-specs.ts";
import { composeReport, type ReportMeta, reportToDocx } from "../../../reform/report/document.ts";
import type { ReportEdits } from "../../../reform/report/edits.ts";
import { namePeriod } from "../../../reform/report/period-kind.ts";
import {
  DEFAULT_DUE_AFTER_DAYS,
  dueDate,
  isLate,
  type ReportStatus,
  type RollUp,
  rollUpSheets,
} from "../../../reform/report/register.ts";
import type { SheetDocument } from "../../../reform/sheet/sheet.ts";
import type { Database } from "../../schema.ts";
import { type ChangedBy, writeAudit } from "../audit.ts";
import type { ResultsReport } from "../reports.ts";
import type { UnitDirectory } from "../units.ts";
import { provinceOfUnits } from "../unit-province.ts";
import { reportInputs } from "./sheet.ts";

export class RegisterError extends Error {
  override name = "RegisterError";
  constructor(
    readonly code: "report-not-found" | "not-issued" | "already-submitted",
    message: string,
  ) {
    super(message);
  }
}

export interface ReportKey extends Period {
  unit: string;
  version: number;
}

export interface IssuedReport extends ReportKey {
  kind: string;
  number: string | null;
  dueOn: string | null;
  status: ReportStatus;
  issuedAt: Date;
  submittedAt: Date | null;
  returnComment: string | null;
}

/** What an issued report froze: the figures its text and appendices were drawn from, and the text. */
export interface FrozenFigures {
  sheet: SheetDocument;
  results: ResultsReport;
  procedures: ProceduresByLevel;
  records: RecordAppendices;
  text: { heading: string; paragraphs: string[] }[];
}

type Row = Omit<Selectable<Database["reform_reports"]>, "province_code" | "figures" | "file" | "issued_by">;

function toIssued(r: Row): IssuedReport {
  return {
    unit: r.unit_code,
    from: String(r.from),
    to: String(r.to),
    version: Number(r.version),
    kind: r.kind,
    number: r.number,
    dueOn: r.due_on === null ? null : String(r.due_on),
    status: r.status as ReportStatus,
    issuedAt: new Date(r.issued_at),
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
    returnComment: r.return_comment,
  };
}

const KIND_OF: Record<string, string> = {
  quarter: "quarter",
  "half-year": "half-year",
  "nine-months": "nine-months",
  year: "year",
};

/**
 * Issues a new version of the unit's report for the period: computes the sheet and results, runs the checks
 * (ReportBlockedError names the violations; nothing is stored), renders the .docx and stores it all.
 */
export async function issueReport(
  db: Kysely<Database>,
  units: UnitDirectory,
  request: Period & { unit: string; meta: ReportMeta; edits?: ReportEdits; dueAfterDays?: number },
  by: ChangedBy,
): Promise<IssuedReport> {
  const inputs = await reportInputs(db, units, request);
  assertReportable(inputs);
  const file = await reportToDocx(inputs, request.meta, request.edits);
  const text = composeReport(inputs, request.meta, request.edits).sections;
  const figures: FrozenFigures = { ...inputs, text };
  const period = namePeriod(request);
  return db.transaction().execute(async (trx) => {
    const province = units.provinceOf(request.unit) ?? request.unit;
    const last = await trx
      .selectFrom("reform_reports")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("province_code", "=", province)
      .where("unit_code", "=", request.unit)
      .where("from", "=", request.from)
      .where("to", "=", request.to)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const row = {
      province_code: province,
      unit_code: request.unit,
      from: request.from,
      to: request.to,
      version,
      kind: KIND_OF[period.kind] ?? "other",
      number: request.meta.number ?? null,
      due_on: dueDate(request, request.dueAfterDays ?? DEFAULT_DUE_AFTER_DAYS),
      status: "issued",
      figures: JSON.stringify(figures),
      file,
      issued_by: by.userId,
      issued_at: by.now,
    };
    await trx.insertInto("reform_reports").values(row).execute();
    await writeAudit(trx, by, {
      action: "reform.report.issue",
      subject: `${request.unit}/${request.from}..${request.to}/v${version}`,
      detail: { number: row.number, dueOn: row.due_on },
    });
    return {
      unit: request.unit,
      from: request.from,
      to: request.to,
      version,
      kind: row.kind,
      number: row.number,
      dueOn: row.due_on,
      status: "issued",
      issuedAt: by.now,
      submittedAt: null,
      returnComment: null,
    };
  });
}

/** The reports of these units for exactly this period, every version, newest first. */
export async function reportsFor(db: Kysely<Database>, unitCodes: readonly string[], period: Period) {
  if (!unitCodes.length) return [];
  const rows = await db
    .selectFrom("reform_reports")
    .select([
      "unit_code",
      "from",
      "to",
      "version",
      "kind",
      "number",
      "due_on",
      "status",
      "issued_at",
      "submitted_at",
      "return_comment",
    ])
    .where("province_code", "=", provinceOfUnits(unitCodes))
    .where("unit_code", "in", [...unitCodes])
    .where("from", "=", period.from)
    .where("to", "=", period.to)
    .orderBy("unit_code")
    .orderBy("version", "desc")
    .execute();
  return rows.map(toIssued);
}

async function changeStatus(
  db: Kysely<Database>,
  key: ReportKey,
  change: { status: "submitted" | "returned"; comment?: string },
  by: ChangedBy,
): Promise<IssuedReport> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("reform_reports")
      .select("status")
      .where("province_code", "=", provinceOfUnits([key.unit]))
      .where("unit_code", "=", key.unit)
      .where("from", "=", key.from)
      .where("to", "=", key.to)
      .where("version", "=", key.version)
      .executeTakeFirst();
    if (!current) throw new RegisterError("report-not-found", `Không có báo cáo ${key.unit} phiên bản ${key.version}`);
    if (change.status === "submitted" && current.status === "submitted") {
      throw new RegisterError("already-submitted", "Báo cáo đã được gửi");
    }
    if (change.status === "returned" && current.status !== "submitted") {
      throw new RegisterError("not-issued", "Chỉ trả lại báo cáo đã gửi lên");
    }
    await trx
      .updateTable("reform_reports")
      .set(
        change.status === "submitted"
          ? { status: "submitted", submitted_at: by.now }
          : { status: "returned", return_comment: change.comment ?? null },
      )
      .where("province_code", "=", provinceOfUnits([key.unit]))
      .where("unit_code", "=", key.unit)
      .where("from", "=", key.from)
      .where("to", "=", key.to)
      .where("version", "=", key.version)
      .execute();
    await writeAudit(trx, by, {
      action: `reform.report.${change.status === "submitted" ? "submit" : "return"}`,
      subject: `${key.unit}/${key.from}..${key.to}/v${key.version}`,
      detail: change.comment ? { comment: change.comment } : {},
    });
    const [report] = (await reportsFor(trx, [key.unit], key)).filter((r) => r.version === key.version);
    return report!;
  });
}

/** Sends an issued version up the tree. */
export function submitReport(db: Kysely<Database>, key: ReportKey, by: ChangedBy): Promise<IssuedReport> {
  return changeStatus(db, key, { status: "submitted" }, by);
}

/** The unit above returns a submitted version for correction, with a comment; the unit issues a new version. */
export function returnReport(
  db: Kysely<Database>,
  key: ReportKey,
  comment: string,
  by: ChangedBy,
): Promise<IssuedReport> {
  return changeStatus(db, key, { status: "returned", comment }, by);
}

/** The frozen figures and file of a version. */
export async function frozenReport(db: Kysely<Database>, key: ReportKey) {
  const row = await db
    .selectFrom("reform_reports")
    .select(["figures", "file"])
    .where("province_code", "=", provinceOfUnits([key.unit]))
    .where("unit_code", "=", key.unit)
    .where("from", "=", key.from)
    .where("to", "=", key.to)
    .where("version", "=", key.version)
    .executeTakeFirst();
  if (!row) throw new RegisterError("report-not-found", `Không có báo cáo ${key.unit} phiên bản ${key.version}`);
  const figures = (typeof row.figures === "string" ? JSON.parse(row.figures) : row.figures) as FrozenFigures;
  return { figures, file: row.file ? Buffer.from(row.file) : null };
}

const REPORTING_KINDS = new Set(["province", "district", "commune", "ward", "special_zone"]);

/** The units that report to `unit`: its children that are administrative units (not agencies). */
export function reportingUnits(units: UnitDirectory, unit: string): string[] {
  return units
    .subtree(unit)
    .filter((code) => code !== unit && units.parentOf(code) === unit)
    .filter((code) => REPORTING_KINDS.has(units.find(code)?.kind ?? ""))
    .sort();
}

export interface RegisterEntry {
  unit: string;
  name: string;
  status: ReportStatus;
  version: number | null;
  dueOn: string;
  submittedAt: Date | null;
  late: boolean;
  returnComment: string | null;
}

/** The unit above's view: each reporting unit's latest version for the period, due, submitted, late. */
export async function registerOf(
  db: Kysely<Database>,
  units: UnitDirectory,
  request: Period & { unit: string; now: Date; dueAfterDays?: number },
): Promise<RegisterEntry[]> {
  const below = reportingUnits(units, request.unit);
  const reports = await reportsFor(db, below, request);
  const today = localDate(request.now);
  const due = dueDate(request, request.dueAfterDays ?? DEFAULT_DUE_AFTER_DAYS);
  return below.map((code) => {
    const latest = reports.find((r) => r.unit === code);
    const status: ReportStatus = latest?.status ?? "missing";
    const dueOn = latest?.dueOn ?? due;
    const submittedOn = latest?.submittedAt ? localDate(latest.submittedAt) : null;
    return {
      unit: code,
      name: units.find(code)?.name ?? code,
      status,
      version: latest?.version ?? null,
      dueOn,
      submittedAt: latest?.submittedAt ?? null,
      late: isLate(dueOn, status, submittedOn, today),
      returnComment: latest?.returnComment ?? null,
    };
  });
}

/** The roll-up of the 01b rows of the latest submitted version of each reporting unit. */
export async function rollUp(
  db: Kysely<Database>,
  units: UnitDirectory,
  request: Period & { unit: string },
): Promise<RollUp> {
  const below = reportingUnits(units, request.unit);
  const reports = await reportsFor(db, below, request);
  const sheets = await Promise.all(
    below.map(async (code) => {
      const latest = reports.find((r) => r.unit === code && r.status === "submitted");
      if (!latest) return { unit: code, sheet: null };
      const { figures } = await frozenReport(db, latest);
      return { unit: code, sheet: figures.sheet };
    }),
  );
  return rollUpSheets(request.unit, request, sheets);
}
