// A quarter's results over four dossiers (one carried over, one postal with a quoted field name), and the same
// document with figures typed in by hand: the sample both exports (CSV here, .xlsx in src/documents) are tested on.
import { resultsReport } from "./results.ts";
import { dossier } from "./test-dossiers.ts";

export const q3 = { from: "2020-07-01", to: "2020-09-30", unit: "H57.12" };
export const dossiers = [
  dossier({
    field: "Chứng thực",
    received: "2020-07-04 08:00",
    due: "2020-07-04 17:00",
    events: [["resolved", "2020-07-04 10:00"]],
  }),
  dossier({
    field: "Chứng thực",
    received: "2020-07-06 08:00",
    due: "2020-07-06 17:00",
    events: [["resolved", "2020-07-06 10:00"]],
  }),
  dossier({
    field: 'Đất đai, "cấp huyện"',
    level: "district",
    channel: "postal",
    received: "2020-09-28 08:00",
    due: "2020-10-10 17:00",
  }),
  dossier({
    field: "Bảo trợ xã hội",
    received: "2020-06-20 08:00",
    due: "2020-07-02 17:00",
    events: [["resolved", "2020-07-03 10:00"]],
  }),
];
export const document = resultsReport(dossiers, q3);
export const marked = {
  ...document,
  rows: document.rows.map((r) => (r.key === "Chứng thực" ? { ...r, manual: true } : r)),
  total: { ...document.total, manual: true },
  manual: [{ unit: "H57.12", from: "2020-07-01", to: "2020-07-31" }],
  manualExcluded: [{ unit: "H57.13", from: "2020-09-15", to: "2020-10-14" }],
};
