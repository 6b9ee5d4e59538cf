// Answers of the catalogue routes (routes/catalog.ts): a procedure version as src/catalog/procedure.ts defines
// it (the one schema of a procedure; open here, so a stored version's extra member never breaks a reader),
// search pages, fields, versions.
import { z } from "zod";
import {
  type Procedure as CatalogProcedure,
  ProcedureOverride as OverrideInput,
  Procedure as ProcedureInput,
} from "../../catalog/procedure.ts";

/** One version of a procedure, in force on the date asked (with the province's own terms when one is named). */
export const Procedure = z.object(ProcedureInput.shape).loose();
/** A procedure version as readers type it: exactly src/catalog/procedure.ts's members. */
export type Procedure = CatalogProcedure;
export type { DocumentComponent, Fee, OnlineLevel } from "../../catalog/procedure.ts";
export type TimeLimit = Procedure["timeLimit"];

/** GET /api/procedures: the catalogue in force, searched; `approximate` when only similar names matched. */
export const ProcedureSearch = z.object({
  items: z.array(Procedure),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Nothing matched every word: names similar to the query (a typo) instead. */
  approximate: z.boolean(),
});
export type ProcedureSearch = Omit<z.infer<typeof ProcedureSearch>, "items"> & { items: Procedure[] };

/** GET /api/procedures/fields: the fields (lĩnh vực) in force, with how many procedures each holds. */
export const ProcedureFields = z.object({ fields: z.array(z.object({ name: z.string(), count: z.number() })) });
export type ProcedureFields = z.infer<typeof ProcedureFields>;

/** GET /api/procedures/:code/versions */
export const ProcedureVersions = z.object({ versions: z.array(Procedure) });
export type ProcedureVersions = { versions: Procedure[] };

/** POST /api/procedures/:code/overrides: the province's own terms, as stored (null: the national ones). */
export const ProcedureOverride = z.object(OverrideInput.shape).loose();

/** One rejected row of an import: its row, the field, a stable code and a Vietnamese message. */
export const ImportRowError = z.object({
  row: z.number().int(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

/** POST /api/procedures/import: rows read, imported, unchanged, and each rejected row with why. */
export const ProcedureImportReport = z.object({
  read: z.number().int(),
  imported: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportRowError),
});
export type ProcedureImportReport = z.infer<typeof ProcedureImportReport>;
