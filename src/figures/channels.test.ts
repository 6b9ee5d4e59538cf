import { test } from "node:test";
import assert from "node:assert/strict";
import type { Channel } from "../dossier/record.ts";
import { channelsReport, type OfferedProcedure } from "./channels.ts";
import { formatPercent } from "./ratio.ts";
import { dossier } from "./test-dossiers.ts";

function many(count: number, channel: Channel, procedure = "1.001") {
  return Array.from({ length: count }, () =>
    dossier({ channel, procedure, received: "2021-03-02 09:00", due: "2021-03-05 09:00" }),
  );
}

const h1 = { from: "2021-01-01", to: "2021-06-30" };

test("seed 004's online levels: 4251 level 2, 737 level 3, 982 level 4 of 5970", () => {
  const dossiers = [...many(4251, "direct"), ...many(737, "online_partial"), ...many(982, "online_full")];
  const report = channelsReport(dossiers, h1);
  assert.equal(report.received, 5970);
  assert.equal(formatPercent(report.fullyOnlineShare), "16,45%");
  assert.equal(
    formatPercent({ ...report.onlineShare, value: report.byChannel.online_partial / report.received }),
    "12,35%",
  );
  assert.equal(formatPercent({ ...report.onlineShare, value: report.byChannel.direct / report.received }), "71,21%");
  assert.equal(report.onlineShare.numerator, 1719);
  assert.equal(report.dossiers.online_full.length, 982);
});

test("seed 002's shares: 1436 of 6015 by public postal service, 145 fully online", () => {
  const dossiers = [...many(1436, "postal"), ...many(145, "online_full"), ...many(6015 - 1436 - 145, "direct")];
  const report = channelsReport(dossiers, h1);
  assert.equal(formatPercent(report.postalShare), "23,87%");
  assert.equal(formatPercent(report.fullyOnlineShare), "2,41%");
});

test("procedures offered online and how many actually received online dossiers (seed 002: 8 of 89)", () => {
  const offered: OfferedProcedure[] = Array.from({ length: 89 }, (_, i) => ({
    code: `P${i}`,
    onlineLevel: i % 2 === 0 ? "partial" : "full",
  }));
  offered.push({ code: "Q", onlineLevel: "none" });
  const used = ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"];
  const dossiers = [
    ...used.flatMap((code) => many(2, "online_partial", code)),
    ...many(3, "direct", "P8"), // received, but not online: does not count
    ...many(1, "direct", "Q"),
    dossier({ channel: "online_full", procedure: "P9", received: "2020-12-31 09:00" }), // before the period
  ];
  const report = channelsReport(dossiers, h1, offered);
  const withDossiers = report.procedures.partial.withOnlineDossiers + report.procedures.full.withOnlineDossiers;
  const onlineOffered = report.procedures.partial.offered + report.procedures.full.offered;
  assert.equal(onlineOffered, 89);
  assert.equal(withDossiers, 8);
  assert.equal(formatPercent({ numerator: 8, denominator: 89, value: withDossiers / onlineOffered }), "8,99%");
  assert.deepEqual(report.procedures.partial.procedureCodes, ["P0", "P2", "P4", "P6"]);
  assert.equal(report.procedures.partial.onlineDossiers, 8);
  assert.equal(report.procedures.none.offered, 1);
  assert.equal(report.procedures.none.withOnlineDossiers, 0);
  assert.equal(report.received, 20);
});

test("no dossier: shares have no value", () => {
  const report = channelsReport([], h1);
  assert.equal(report.onlineShare.value, null);
  assert.equal(formatPercent(report.onlineShare), "—");
});

test("per level: offered procedures that received any dossier; per procedure: dossiers by channel", () => {
  const offered: OfferedProcedure[] = [
    { code: "A", name: "Thủ tục A", onlineLevel: "full", competentLevel: "commune" },
    { code: "B", name: "Thủ tục B", onlineLevel: "full", competentLevel: "commune" },
    { code: "C", name: "Thủ tục C", onlineLevel: "partial", competentLevel: "commune" },
    { code: "D", onlineLevel: "none" },
  ];
  const dossiers = [
    ...many(2, "direct", "A"), // offered fully online, received only at the counter
    ...many(1, "online_full", "A"),
    ...many(3, "postal", "C"),
    ...many(1, "online_partial", "Z"), // not offered here (another level, or a placeholder)
    dossier({ channel: "online_full", procedure: "B", received: "2021-07-01 00:00" }), // after the period
  ];
  const report = channelsReport(dossiers, h1, offered);
  assert.equal(report.procedures.full.offered, 2);
  assert.equal(report.procedures.full.withDossiers, 1);
  assert.equal(report.procedures.full.dossiers, 3);
  assert.equal(report.procedures.full.withOnlineDossiers, 1);
  assert.equal(report.procedures.full.onlineDossiers, 1);
  assert.deepEqual(report.procedures.full.withDossiersShare, { numerator: 1, denominator: 2, value: 0.5 });
  assert.equal(report.procedures.partial.withDossiers, 1, "C received postal dossiers");
  assert.equal(report.procedures.partial.withOnlineDossiers, 0);
  assert.equal(report.procedures.none.withDossiers, 0);
  assert.deepEqual(
    report.byProcedure.map((p) => [p.code, p.offered, p.onlineLevel, p.received]),
    [
      ["A", true, "full", 3],
      ["B", true, "full", 0],
      ["C", true, "partial", 3],
      ["D", true, "none", 0],
      ["Z", false, null, 1],
    ],
  );
  const a = report.byProcedure[0]!;
  assert.equal(a.name, "Thủ tục A");
  assert.deepEqual(a.byChannel, { direct: 2, postal: 0, online_partial: 0, online_full: 1 });
  // every dossier received is in exactly one procedure row
  assert.equal(
    report.byProcedure.reduce((sum, p) => sum + p.received, 0),
    report.received,
  );
  for (const channel of Object.keys(report.byChannel) as Channel[]) {
    assert.equal(
      report.byProcedure.reduce((sum, p) => sum + p.byChannel[channel], 0),
      report.byChannel[channel],
      channel,
    );
  }
});
