// Public API of the units module.
export * from "./unit.ts";
export * from "./tree.ts";
export * from "./unit-json.ts";
export * from "./starter.ts";
