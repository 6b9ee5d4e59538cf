// The channels report on a real app (either engine): the procedures offered are the versions in force in the
// period, of the competent levels the unit handles, without the placeholders a dossier import creates; per
// level how many received dossiers, and per procedure the dossiers by channel.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Procedure } from "../../catalog/procedure.ts";
import { createProcedureVersion } from "../../db/repos/catalog.ts";
import { importDossierRecords } from "../../db/repos/dossier-import.ts";
import { CHANNELS, type Channel, type DossierRecord } from "../../dossier/record.ts";
import { periodBounds } from "../../figures/period.ts";
import { sampleDossiers } from "../../figures/test-arbitraries.ts";
import { startTestApp, type TestApp } from "../testing.ts";

let t: TestApp;
let leader: string;
let records: DossierRecord[];

const version = (code: string, level: string, onlineLevel: string, effectiveFrom: string, name = `Thủ tục ${code}`) =>
  Procedure.parse({
    code,
    name,
    field: "Chứng thực",
    level,
    agency: "UBND",
    timeLimit: { value: 3, unit: "working_days" },
    onlineLevel,
    effectiveFrom,
  });

before(async () => {
  t = await startTestApp();
  const db = t.database.db;
  await createProcedureVersion(db, version("1.001009", "commune", "none", "2020-01-01"));
  await createProcedureVersion(db, version("1.001009", "commune", "full", "2026-08-01", "Chứng thực (toàn trình)"));
  await createProcedureVersion(db, version("1.000656", "commune", "partial", "2020-01-01"));
  await createProcedureVersion(db, version("1.000700", "commune", "full", "2026-10-01")); // not yet in force
  await createProcedureVersion(db, version("2.000100", "province", "partial", "2020-01-01"));
  records = sampleDossiers(
    {
      range: { from: "2026-07-01", days: 60 },
      units: ["P1.01", "P2.01"],
      procedures: [
        { code: "1.001009", field: "Chứng thực", level: "commune" },
        { code: "9.000009", field: "Khác", level: "commune" }, // unknown: the import makes a placeholder
      ],
    },
    150,
    5,
  );
  const summary = await importDossierRecords(t.database, t.ctx.units, records, { createMissing: true });
  assert.equal(summary.rejected, 0);
  const placeholder = await db.selectFrom("procedures").select("placeholder").where("code", "=", "9.000009").execute();
  assert.deepEqual(placeholder, [{ placeholder: true }]);
  await t.addStaff("lanhdao", "P1", ["leader"]);
  leader = await t.login("lanhdao");
});

after(async () => {
  await t?.close();
});

const channels = async (query: string) => {
  const res = await t.request({ method: "GET", url: `/api/reports/channels?${query}`, cookie: leader });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

function receivedIn(from: string, to: string, unit: string) {
  const { start, end } = periodBounds({ from, to });
  return records.filter((r) => r.unit.code === unit && r.receivedAt && r.receivedAt >= start && r.receivedAt < end);
}

test("offered = versions in force at the period's end, the unit's levels, no placeholder", async () => {
  const july = await channels("period=2026-07&unit=P1.01");
  const offered = (r: { byProcedure: { code: string; offered: boolean; onlineLevel: string | null }[] }) =>
    r.byProcedure.filter((p) => p.offered).map((p) => [p.code, p.onlineLevel]);
  assert.deepEqual(offered(july), [
    ["1.000656", "partial"],
    ["1.001009", "none"],
  ]);
  const august = await channels("period=2026-08&unit=P1.01");
  assert.deepEqual(offered(august), [
    ["1.000656", "partial"],
    ["1.001009", "full"],
  ]);
  assert.equal(august.byProcedure.find((p: { code: string }) => p.code === "1.001009").name, "Chứng thực (toàn trình)");
  const province = await channels("period=2026-08&unit=P1");
  assert.deepEqual(offered(province), [
    ["1.000656", "partial"],
    ["1.001009", "full"],
    ["2.000100", "partial"],
  ]);
  assert.equal(province.procedures.partial.offered, 2);
  assert.equal(province.procedures.full.offered, 1);
  assert.equal(province.procedures.none.offered, 0);
});

test("per level: offered procedures with dossiers; per procedure: received by channel, placeholders apart", async () => {
  const report = await channels("period=2026-08&unit=P1.01");
  const received = receivedIn("2026-08-01", "2026-08-31", "P1.01");
  assert.equal(report.received, received.length);
  const real = received.filter((r) => r.procedure.code === "1.001009");
  const placeholder = received.filter((r) => r.procedure.code === "9.000009");
  assert.ok(real.length > 0 && placeholder.length > 0);
  const row = report.byProcedure.find((p: { code: string }) => p.code === "1.001009");
  assert.equal(row.received, real.length);
  for (const channel of CHANNELS) {
    assert.equal(row.byChannel[channel], real.filter((r) => r.channel === channel).length, channel);
  }
  const stand = report.byProcedure.find((p: { code: string }) => p.code === "9.000009");
  assert.deepEqual([stand.offered, stand.onlineLevel, stand.received], [false, null, placeholder.length]);
  assert.equal(report.procedures.full.withDossiers, 1);
  assert.equal(report.procedures.full.dossiers, real.length);
  const online = real.filter((r) => (["online_partial", "online_full"] as Channel[]).includes(r.channel)).length;
  assert.equal(report.procedures.full.onlineDossiers, online);
  assert.equal(report.procedures.full.withOnlineDossiers, online > 0 ? 1 : 0);
  assert.equal(report.procedures.partial.withDossiers, 0, "1.000656 is offered but received nothing");
  assert.deepEqual(report.procedures.partial.withDossiersShare, { numerator: 0, denominator: 1, value: 0 });
  // the existing fields are still there
  assert.equal(
    report.byChannel.direct + report.byChannel.postal + report.byChannel.online_partial + report.byChannel.online_full,
    report.received,
  );
  assert.equal(report.dossiers.direct.length, report.byChannel.direct);
});
