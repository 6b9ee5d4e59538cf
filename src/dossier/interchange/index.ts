// The dossier interchange format (CONTRACTS §2): parse a line, serialize a record, compare for re-import.
export { type ParseResult, parseDossierLine, EVENT_TYPES } from "./parse.ts";
export { serializeDossier, sameDossier, canonicalDossier, dossierDifferences } from "./serialize.ts";
export { type InterchangeError, type InterchangeErrorCode, INTERCHANGE_MESSAGES } from "./errors.ts";
export { readInstant, writeInstant } from "./instant.ts";
