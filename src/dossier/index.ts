// The dossier core's public face: the lifecycle (decide/evolve/project), views of the log, codes, interchange.
export * from "./status.ts";
export type { DossierCommand, CommandOf, CommandFields, Action } from "./commands.ts";
export type { LifecycleEvent, LifecycleEventType, EventOf, EventPayloads, Evidence, TransferLink } from "./events.ts";
export { LIFECYCLE_EVENT_TYPES } from "./events.ts";
export { type DossierError, type DossierErrorCode, DOSSIER_ERROR_MESSAGES, dossierError } from "./errors.ts";
export { ACTION_TABLE, ACTIONS, type ActionRule } from "./table.ts";
export { decide, type Decision, type DossierDeps } from "./decide.ts";
export { type DossierState, INITIAL_STATE, evolve, project } from "./evolve.ts";
export { recordTimeline, logFromRecord, type RecordTimeline } from "./history.ts";
export * from "./control-sheet.ts";
export * from "./queues.ts";
export * from "./code.ts";
export * from "./identity.ts";
export * from "./interchange/index.ts";
