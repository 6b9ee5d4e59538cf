// The computed 01b rows: dossier rows read off the results fold (the same definitions as CONTRACTS.md §3),
// catalogue rows off the versions in force.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CHANNELS, type Channel } from "../../dossier/record.ts";
import { periodBounds } from "../../figures/period.ts";
import { resultsReport } from "../../figures/results.ts";
import { dossier } from "../../figures/test-dossiers.ts";
import { type CatalogueVersion, catalogueRowValues, dossierRowValues } from "./figures.ts";

const PERIOD = { from: "2024-01-01", to: "2024-06-30" };

const dossiers = [
  // received and finished early, direct, land
  dossier({
    channel: "direct",
    field: "Đất đai",
    received: "2024-02-01 08:00",
    due: "2024-02-05 17:00",
    events: [["resolved", "2024-02-02 09:00"]],
  }),
  // online full, on time, construction
  dossier({
    channel: "online_full",
    field: "Hoạt động xây dựng",
    received: "2024-03-01 08:00",
    due: "2024-03-04 17:00",
    events: [["resolved", "2024-03-04 10:00"]],
  }),
  // postal, late, extended with an apology inside the period
  dossier({
    channel: "postal",
    received: "2024-03-01 08:00",
    due: "2024-03-04 17:00",
    events: [
      ["extended", "2024-03-04 09:00", { apology: true, dueAt: new Date("2024-03-08T10:00:00+07:00") }],
      ["resolved", "2024-03-07 10:00"],
    ],
  }),
  // carried over from 2023, online partial, finished on time in the period
  dossier({
    channel: "online_partial",
    received: "2023-12-28 08:00",
    due: "2024-01-05 17:00",
    events: [["resolved", "2024-01-05 16:00"]],
  }),
  // extension without apology, still open
  dossier({
    channel: "direct",
    received: "2024-06-20 08:00",
    due: "2024-07-10 17:00",
    events: [["extended", "2024-06-25 09:00", { apology: false, dueAt: new Date("2024-07-20T10:00:00+07:00") }]],
  }),
  // apology after the period: not counted
  dossier({
    channel: "direct",
    received: "2024-06-28 08:00",
    due: "2024-07-01 17:00",
    events: [["extended", "2024-07-01 09:00", { apology: true, dueAt: new Date("2024-07-05T10:00:00+07:00") }]],
  }),
];

function apologiesIn(list: typeof dossiers, period: typeof PERIOD): number {
  const { start, end } = periodBounds(period);
  return list.flatMap((d) => d.events).filter((e) => e.type === "extended" && e.apology && e.at >= start && e.at < end)
    .length;
}

test("dossier rows: received by channel, on time or early overall, per channel of receipt and per field", () => {
  const byField = resultsReport(dossiers, { ...PERIOD, by: "field" });
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      resultsReport(
        dossiers.filter((d) => d.channel === c),
        PERIOD,
      ).total,
    ]),
  ) as Record<Channel, typeof byField.total>;
  const values = dossierRowValues({
    total: byField.total,
    byField: byField.rows,
    byChannel,
    apologies: apologiesIn(dossiers, PERIOD),
  });
  assert.deepEqual(values, {
    "3.3.1": 5,
    "3.3.1.direct": 3,
    "3.3.1.postal": 1,
    "3.3.1.onlinePartial": 0,
    "3.3.1.onlineFull": 1,
    "3.3.2": 3,
    "3.3.2.direct": 1,
    "3.3.2.postal": 0,
    "3.3.2.onlinePartial": 1,
    "3.3.2.onlineFull": 1,
    "3.3.3": 1,
    "3.3.4": 1,
    "3.5": 1,
  });
  assert.equal(values["3.3.2"], byField.total.finishedEarly + byField.total.finishedOnTime);
});

test("without a split by channel (figures typed by hand in the total) the per-channel finished rows are null", () => {
  const report = resultsReport(dossiers, PERIOD);
  const values = dossierRowValues({ total: report.total, byField: report.rows, byChannel: null, apologies: 0 });
  assert.equal(values["3.3.2.direct"], null);
  assert.equal(values["3.3.1.direct"], 3);
});

const v = (code: string, effectiveFrom: string, extra: Partial<CatalogueVersion> = {}): CatalogueVersion => ({
  code,
  effectiveFrom,
  onlineLevel: "none",
  boundaryFree: false,
  links: [],
  hasSteps: false,
  charged: false,
  ...extra,
});

test("catalogue rows: published, replaced, in force, one-stop, liên thông, boundary-free, online levels", () => {
  const versions = [
    v("A", "2020-01-01", { onlineLevel: "full", charged: true, hasSteps: true }),
    v("B", "2020-01-01"),
    v("B", "2024-03-01", { onlineLevel: "partial", links: [{ kind: "same_level" }], hasSteps: true }),
    v("C", "2024-05-01", { links: [{ kind: "between_levels" }], boundaryFree: true }),
    v("D", "2024-08-01", { onlineLevel: "full" }), // not yet in force
    v("E", "2019-01-01", { onlineLevel: "full" }),
  ];
  assert.deepEqual(catalogueRowValues(versions, PERIOD), {
    "3.1.1": 2, // B amended, C new
    "3.1.2": 1, // B's 2020 version replaced
    "3.1.3": 4, // A, B, C, E
    "3.2.1": 2, // A, E without liên thông
    "3.2.2": 1,
    "3.2.3": 1,
    "3.2.5": 50, // A and B have their process defined
    "3.2.6": 1,
    "3.4.3": 1,
    "7.5.1": 1,
    "7.5.2": 2,
  });
  assert.equal(catalogueRowValues([], PERIOD)["3.2.5"], 0);
});
