// The procedure catalogue in the database: national versions (reference data) and province overrides
// (tenant rows). A version is never rewritten: edits and imports add versions; a dossier keeps the one it
// was received under. One file per job; this one re-exports them so callers keep one import path.
//   catalog-rows.ts       rows ↔ procedures and overrides, CatalogError, the catalogue generation
//   catalog-import.ts     bulk import/export of versions, the shipped reference data
//   catalog-versions.ts   adding and reading versions, the version in force with its override
//   catalog-overrides.ts  adding a province's override
//   catalog-search.ts     searching the catalogue in force, its fields
export {
  exportProcedures,
  importProcedures,
  type ProcedureImportReport,
  type SeedReport,
  seedReferenceData,
} from "./catalog-import.ts";
export { createOverrideVersion } from "./catalog-overrides.ts";
export {
  CatalogError,
  catalogueChanged,
  catalogueGeneration,
  overrideFromRow,
  procedureFromRow,
  type StoredProcedure,
} from "./catalog-rows.ts";
export { listFields, type ProcedureQuery, searchProcedures } from "./catalog-search.ts";
export {
  createProcedureVersion,
  findEffectiveProcedure,
  findProcedureVersion,
  listProcedureVersions,
} from "./catalog-versions.ts";
