// Loads what the official documents need from the database and maps it through src/documents/from-dossier.ts:
// a dossier's forms 01–06 (row, log, procedure version, unit and officer names, control sheet with step
// deadlines), a unit's tracking ledger (form 07) for a period, and the survey counts of the satisfaction
// appendix, and the report appendices' tables. Shared by the API (src/http/routes/documents.ts) and the CLI (motcua document).
import { type Kysely, sql } from "kysely";
import {
  type DossierFormId,
  type DossierSources,
  formRequestOf,
  ledgerEntryOf,
  type UnitInfo,
} from "../../documents/from-dossier.ts";
import {
  channelsAppendixSpec,
  lateByUnitSpec,
  resultsAppendixSpec,
  resultsByFieldSpec,
  satisfactionSpec,
} from "../../documents/appendices.ts";
import type { TableSpec } from "../../documents/grid.ts";
import { formSetOf } from "../../documents/forms.ts";
import {
  DESK_SYMBOL,
  formSymbol,
  issuerOf,
  numberText,
  officeOn,
  reportIssuerOf,
} from "../../documents/office-names.ts";
import type { FormRequest, LedgerContext, ReportRef, ResultsRow, SatisfactionRow } from "../../documents/types.ts";
import { localDate } from "../../calendar/local-time.ts";
import type { Grouping } from "../../figures/grouping.ts";
import { lateByUnit } from "../../figures/late.ts";
import { periodBounds, type Period } from "../../figures/period.ts";
import type { Database } from "../schema.ts";
import { findProcedureVersion } from "./catalog.ts";
import { documentNumber, officeNamesOf } from "./document-register.ts";
import { resultsReport } from "./reports.ts";
import { loadPeriodRecords } from "./reports-records.ts";
import { eventFromRow } from "./dossier-store.ts";
import type { DossierRow, ServiceContext } from "./dossiers/service.ts";
import { controlSheetOf } from "./dossiers/sheet.ts";
import { staffNames } from "./dossiers/staff.ts";
import { calendarOf } from "./dossiers/terms.ts";
import type { LifecycleEvent } from "../../dossier/events.ts";
import type { UnitDirectory } from "./units.ts";

const unitLookup =
  (units: UnitDirectory) =>
  (code: string): UnitInfo | undefined =>
    units.find(code);

/** The form request of a stored dossier, or undefined when it has no such form yet (e.g. no apology). */
export async function dossierFormRequest(
  ctx: ServiceContext,
  row: DossierRow,
  log: readonly LifecycleEvent[],
  form: DossierFormId,
  publicUrl: string,
  now?: Date,
): Promise<FormRequest | undefined> {
  await ctx.units.fresh();
  const procedure =
    row.procedure_version === null
      ? undefined
      : await findProcedureVersion(ctx.db, row.procedure_code, row.procedure_version);
  const sheet =
    form === "control-sheet"
      ? await controlSheetOf(ctx, row, log, await calendarOf(ctx.db, ctx.units, row.unit_code))
      : undefined;
  const ids = [...log.map((e) => e.actor.id), ...(sheet?.rows.flatMap((r) => [r.receivedBy ?? ""]) ?? [])];
  for (const r of sheet?.rows ?? []) if (r.to.kind === "staff" && r.to.user) ids.push(r.to.user);
  const names = await staffNames(ctx.db, ids);
  const sources: DossierSources = {
    dossier: row,
    log,
    ...(procedure ? { procedureComponents: procedure.components } : {}),
    unit: unitLookup(ctx.units),
    officer: (id) => names.get(id),
    publicUrl,
    ...(sheet ? { sheet } : {}),
    ...(now ? { now } : {}),
  };
  const request = formRequestOf(form, { ...sources, officeNames: await officeNamesOf(ctx.db, row.unit_code) });
  return request && numbered(ctx.db, { provinceCode: row.province_code, unitCode: row.unit_code }, request);
}

/**
 * The form with its number from the receiving unit's register ("Số: 01/GTN-TTPVHCC"): given on first issue,
 * kept on every later print. Never the dossier's code.
 */
async function numbered(
  db: Kysely<Database>,
  unit: { provinceCode: string; unitCode: string },
  request: FormRequest,
): Promise<FormRequest> {
  if (request.form === "ledger") return request;
  const c = request.context;
  if (!c.subject) return request;
  const set = formSetOf(request);
  const issuedAt = c.issuedAt ?? new Date();
  const issued = await documentNumber(db, {
    ...unit,
    // one register per printed kind, so two kinds of notice ("TB") never print the same number
    form: formSymbol(request.form, set).toLowerCase(),
    issuedOn: localDate(issuedAt),
    subject: c.subject,
    text: (n) => numberText(n, request.form, set, c.office.symbol ?? DESK_SYMBOL),
  });
  return { ...request, context: { ...c, issuedAt, documentNumber: issued.text } } as FormRequest;
}

/**
 * The tracking ledger (form 07) of a unit's one-stop office: the dossiers it received in the period (local
 * dates, inclusive), in order of receipt.
 */
export async function unitLedger(
  db: Kysely<Database>,
  units: UnitDirectory,
  unitCode: string,
  period: Period,
  issuedAt?: Date,
): Promise<FormRequest & { form: "ledger" }> {
  await units.fresh();
  const { start, end } = periodBounds(period);
  const rows = await db
    .selectFrom("dossiers")
    .selectAll()
    .where("unit_code", "=", unitCode)
    .where("received_at", ">=", start)
    .where("received_at", "<", end)
    .orderBy("received_at")
    .orderBy("code")
    .execute();
  const events = rows.length
    ? await db
        .selectFrom("dossier_events")
        .selectAll()
        .where("dossier_code", "in", [...new Set(rows.map((r) => r.code))])
        .orderBy("dossier_code")
        .orderBy("seq")
        .execute()
    : [];
  const logs = new Map<string, LifecycleEvent[]>();
  for (const e of events) {
    const key = `${e.province_code}\u0000${e.dossier_code}`;
    logs.set(key, [...(logs.get(key) ?? []), eventFromRow(e)]);
  }
  const unit = unitLookup(units);
  const info = unit(unitCode);
  const province = units.provinceOf(unitCode);
  const volume = await documentNumber(db, {
    unitCode,
    ...(province ? { provinceCode: province } : {}),
    form: "ledger",
    issuedOn: period.to,
    subject: `ledger:${period.from}..${period.to}`,
    text: (n) => String(n).padStart(2, "0"),
  });
  const parent = info?.parentCode ? unit(info.parentCode) : undefined;
  const ledger: LedgerContext = {
    office: officeOn(info, parent, unitCode, period.to, await officeNamesOf(db, unitCode)),
    volume: volume.text,
    from: period.from,
    to: period.to,
    entries: rows.flatMap((row) => {
      const entry = ledgerEntryOf({ dossier: row, log: logs.get(`${row.province_code}\u0000${row.code}`) ?? [], unit });
      return entry ? [entry] : [];
    }),
    ...(issuedAt ? { issuedAt } : {}),
  };
  return { form: "ledger", ledger };
}

/**
 * Seed 004's survey counts per field: ratings given in the period (local dates) on dossiers of the units,
 * by the applicant's assessment of the procedure (đơn giản / cần giảm giấy tờ / phức tạp).
 */
export async function surveyCountsByField(
  db: Kysely<Database>,
  period: Period,
  unitCodes: readonly string[] | undefined,
): Promise<SatisfactionRow[]> {
  const { start, end } = periodBounds(period);
  const units = unitCodes ? sql`d.unit_code = any(${[...unitCodes]}::text[])` : sql`true`;
  const { rows } = await sql<{ field: string; simple: number; fewer: number; complicated: number }>`
    select d.field,
      count(*) filter (where r.procedure_assessment = 'simple')::int as simple,
      count(*) filter (where r.procedure_assessment = 'fewer_papers')::int as fewer,
      count(*) filter (where r.procedure_assessment = 'complicated')::int as complicated
    from ratings r join dossiers d on d.province_code = r.province_code and d.code = r.dossier_code
    where ${units} and r.at >= ${start} and r.at < ${end} and r.procedure_assessment is not null
    group by d.field`.execute(db);
  return rows
    .map((r) => ({ field: r.field, simple: r.simple, fewerPapers: r.fewer, complicated: r.complicated }))
    .sort((a, b) => a.field.localeCompare(b.field, "vi"));
}

// ---- Report appendices (API and `motcua document appendix`) ----

export const APPENDIX_KINDS = ["results", "channels", "late", "satisfaction"] as const;
export type AppendixKind = (typeof APPENDIX_KINDS)[number];
/** The results appendix's layouts: seed 000's Phụ lục 4, or seed 004's table of results by field. */
export const RESULTS_LAYOUTS = ["000", "004"] as const;

export interface AppendixRequest {
  kind: AppendixKind;
  period: Period;
  /** The unit reported on (its subtree); null for every unit. */
  unit: string | null;
  unitCodes: string[] | undefined;
  /** results: a grouping; channels: "channel" | "level". */
  by?: string;
  /** results: "000" (default) or "004". */
  layout?: (typeof RESULTS_LAYOUTS)[number];
  /** late: the unit a late dossier counts for. */
  basis?: "receiving" | "handling";
  /** The report the appendix goes with ("Kèm theo Báo cáo số …"); its issuer defaults to the unit's UBND. */
  report?: ReportRef;
}

const KEY_LABEL: Record<Grouping, string> = {
  field: "Lĩnh vực, công việc thực hiện cơ chế một cửa",
  unit: "Cơ quan, đơn vị",
  procedure: "Thủ tục hành chính",
  "field-level": "Lĩnh vực, cấp thực hiện",
};

const APPENDIX_NAME: Record<AppendixKind, string> = {
  results: "Phụ lục 4 - Kết quả một cửa",
  channels: "Phụ lục - Kênh tiếp nhận",
  late: "Phụ lục - Hồ sơ trễ hạn",
  satisfaction: "Phụ lục - Khảo sát hài lòng",
};

/** Row keys that are codes (units, procedures) replaced by names: an appendix never prints a code as a label. */
async function namedRows(db: Kysely<Database>, units: UnitDirectory, by: Grouping, rows: ResultsRow[]) {
  if (by === "unit") return rows.map((r) => ({ ...r, key: units.find(r.key)?.name ?? r.key }));
  if (by !== "procedure" || rows.length === 0) return rows;
  const names = await db
    .selectFrom("procedures")
    .select(["code", "name"])
    .where(
      "code",
      "in",
      rows.map((r) => r.key),
    )
    .orderBy("code")
    .orderBy("effective_from", "desc")
    .execute();
  const byCode = new Map<string, string>();
  for (const n of names) if (!byCode.has(n.code)) byCode.set(n.code, n.name);
  return rows.map((r) => ({ ...r, key: byCode.get(r.key) ?? r.key }));
}

/**
 * An appendix's table and file name, from the same report functions as the JSON reports: under the unit's
 * issuing body (upper case), with the "(Kèm theo Báo cáo số …)" line instead of a number of its own.
 */
export async function appendixOf(
  db: Kysely<Database>,
  units: UnitDirectory,
  r: AppendixRequest,
): Promise<{ spec: TableSpec; name: string }> {
  const unit = r.unit ? units.find(r.unit) : undefined;
  const parent = unit?.parentCode ? units.find(unit.parentCode) : undefined;
  const o = {
    ...(unit ? { issuer: issuerOf(unit, parent) } : {}),
    report: { ...r.report, issuer: r.report?.issuer ?? (unit ? reportIssuerOf(unit) : undefined) },
  };
  let spec: TableSpec;
  switch (r.kind) {
    case "results": {
      const by = (r.by ?? "field") as Grouping;
      const report = await resultsReport(db, units, { ...r.period, unit: r.unit, by });
      const rows = await namedRows(db, units, by, report.rows);
      const options = { ...o, total: report.total, keyLabel: KEY_LABEL[by] };
      spec =
        r.layout === "004"
          ? resultsByFieldSpec(rows, { ...options, ...(by === "field" ? { keyLabel: undefined } : {}) })
          : resultsAppendixSpec(rows, options);
      break;
    }
    case "channels": {
      const report = await resultsReport(db, units, { ...r.period, unit: r.unit });
      spec = channelsAppendixSpec(report.total, { ...o, by: r.by === "level" ? "level" : "channel" });
      break;
    }
    case "late": {
      const records = await loadPeriodRecords(db, { ...r.period, unitCodes: r.unitCodes });
      const late = lateByUnit(records, { ...r.period, basis: r.basis ?? "receiving" });
      const rows = late.rows.map((x) => ({
        unit: units.find(x.unit)?.name ?? x.unit,
        late: x.late,
        withApology: x.withApology,
      }));
      spec = lateByUnitSpec(rows, o);
      break;
    }
    case "satisfaction":
      spec = satisfactionSpec(await surveyCountsByField(db, r.period, r.unitCodes), o);
      break;
  }
  return { spec, name: APPENDIX_NAME[r.kind] };
}
