// The reform records as the API returns them (/api/reform/…, docs/reform-records.md): the server's response
// schemas (src/http/schemas/reform-records.ts), imported as types only, so each shape is stated once.
export type {
  ReformCompletion as Completion,
  ReformEvidence as Evidence,
  ReformPlan as Plan,
  ReformRecord,
  ReformTask as Task,
} from "../../../../src/http/schemas/reform-records.ts";
