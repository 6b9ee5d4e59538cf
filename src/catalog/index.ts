// Public API of the catalogue module.
export * from "./time-limit.ts";
export * from "./procedure.ts";
export * from "./versions.ts";
export * from "./import-error.ts";
export * from "./csv.ts";
export * from "./procedure-csv.ts";
export * from "./procedure-json.ts";
export * from "./fold.ts";
export * from "./canonical.ts";
export * from "./starter.ts";
