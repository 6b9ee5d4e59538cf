// Seed 001 (UBND xã Hoằng Hợp, 6 months 2024, cut on the 15th) produced from dossiers, a catalogue and records
// entered for it: the figures the seed states, made consistent (494 received = 45 + 5 + 269 + 175; 21 tasks
// done in the text and in the 01b alike; 79 procedures with liên thông, 2 of them at the same level), through
// the same computation the CLI runs — and the text and the appendix agree.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { CHANNELS, type Channel } from "../../dossier/record.ts";
import { periodBounds } from "../../figures/period.ts";
import { resultsReport } from "../../figures/results.ts";
import type { ResultCounts } from "../../figures/results-fields.ts";
import { dossier } from "../../figures/test-dossiers.ts";
import { checkSheet } from "../sheet/checks.ts";
import { type CatalogueVersion, catalogueRowValues, dossierRowValues } from "../sheet/figures.ts";
import { assembleSheet, sheetValue } from "../sheet/sheet.ts";
import { reportToDocx } from "./document.ts";
import { reportMeta } from "./meta.ts";

const PERIOD = { from: "2023-12-15", to: "2024-06-14" };

/** 4 carried over and finished on time; 494 received: 486 on time, 4 late with an apology, 1 withdrawn, 3 open. */
function seed001Dossiers() {
  const list = [];
  for (let i = 0; i < 4; i++) {
    list.push(
      dossier({
        unit: "X.HH",
        received: "2023-12-12 08:00",
        due: "2023-12-20 17:00",
        events: [["resolved", "2023-12-19 10:00"]],
      }),
    );
  }
  const channels: [Channel, number][] = [
    ["direct", 45],
    ["postal", 5],
    ["online_partial", 269],
    ["online_full", 175],
  ];
  let n = 0;
  for (const [channel, count] of channels) {
    for (let i = 0; i < count; i++, n++) {
      const day = `2024-0${1 + (n % 5)}-${String(2 + (n % 25)).padStart(2, "0")}`;
      const received = `${day} 08:00`;
      const due = `${day} 17:00`;
      const events: NonNullable<Parameters<typeof dossier>[0]["events"]> =
        n < 4
          ? [
              ["extended", `${day} 16:00`, { apology: true, dueAt: new Date(`${day}T17:00:00+07:00`) }],
              ["resolved", `${day} 17:30`],
            ]
          : n === 4
            ? [["withdrawn", `${day} 10:00`]]
            : n < 8
              ? []
              : [["resolved", `${day} 11:00`]];
      const openDue = n >= 5 && n < 8 ? "2024-06-20 17:00" : due;
      list.push(
        dossier({
          unit: "X.HH",
          channel,
          received: n >= 5 && n < 8 ? "2024-06-10 08:00" : received,
          due: openDue,
          events,
        }),
      );
    }
  }
  return list;
}

function seed001Catalogue(): CatalogueVersion[] {
  return Array.from({ length: 207 }, (_, i) => ({
    code: `1.${String(i).padStart(6, "0")}`,
    effectiveFrom: "2023-01-01",
    onlineLevel: i < 146 ? "partial" : i < 200 ? "full" : "none",
    boundaryFree: false,
    links: i < 2 ? [{ kind: "same_level" as const }] : i < 79 ? [{ kind: "between_levels" as const }] : [],
    hasSteps: true,
    charged: false,
    level: "commune" as const,
  }));
}

test("seed 001 from its dossiers, catalogue and records: consistent, and the text states the 01b's figures", async () => {
  const list = seed001Dossiers();
  const byField = resultsReport(list, { ...PERIOD, by: "field" });
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      resultsReport(
        list.filter((d) => d.channel === c),
        PERIOD,
      ).total,
    ]),
  ) as unknown as Record<Channel, ResultCounts>;
  const { start, end } = periodBounds(PERIOD);
  const apologies = list
    .flatMap((d) => d.events)
    .filter((e) => e.type === "extended" && e.apology && e.at >= start && e.at < end).length;
  const sheet = assembleSheet({
    unit: "X.HH",
    ...PERIOD,
    dossiers: dossierRowValues({ total: byField.total, byField: byField.rows, byChannel, apologies }),
    catalogue: catalogueRowValues(seed001Catalogue(), PERIOD),
    records: {
      "1.1.1": 38,
      "1.1.2": 21,
      "1.1.3": 16,
      "1.2.1": 6,
      "1.2.2": 0,
      "1.2.3": 0,
      "4.1.1": 17,
      "4.1.2": 17,
      "4.1.3": 0,
    },
    manual: { "1.4.1": 28, "1.4.2": 1, "1.5": 1 },
  });
  const v = (code: string) => sheetValue(sheet, code);
  assert.deepEqual(
    ["3.3.1", "3.3.1.direct", "3.3.1.postal", "3.3.1.onlinePartial", "3.3.1.onlineFull", "3.3.2", "3.5"].map(v),
    [494, 45, 5, 269, 175, 490, 4],
  );
  assert.deepEqual(["3.1.3", "3.2.1", "3.2.2", "3.2.3", "7.5.1", "7.5.2"].map(v), [207, 128, 2, 77, 146, 54]);
  assert.deepEqual(checkSheet(sheet), [], "the parts sum; 3.2.6 counts procedures; nothing exceeds its whole");
  assert.equal(byField.total.carriedOver, 4);

  const meta = reportMeta(
    { name: "Xã Hoằng Hợp", kind: "commune", parentName: "Huyện Hoằng Hóa" },
    { date: "2024-06-04", signature: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Quang Công" } },
  );
  const view = await openDocx(await reportToDocx({ sheet, results: byField }, meta));
  const text = view.paragraphs;
  assert.ok(
    text.includes(
      "Tổng số hồ sơ đã tiếp nhận: 494 hồ sơ; trong đó trực tiếp 45 hồ sơ, qua dịch vụ bưu chính công ích 5 hồ sơ, trực tuyến một phần 269 hồ sơ, trực tuyến toàn trình 175 hồ sơ. Kỳ trước chuyển qua: 4 hồ sơ. Tỷ lệ hồ sơ trực tuyến: 89,88%; tỷ lệ hồ sơ trực tuyến toàn trình: 35,43%.",
    ),
  );
  assert.ok(
    text.some((p) =>
      p.startsWith("Số hồ sơ đã giải quyết: 494 hồ sơ; trong đó trước hạn và đúng hạn 490 hồ sơ, quá hạn 4 hồ sơ;"),
    ),
  );
  assert.ok(
    text.some((p) => p.includes("số nhiệm vụ đã hoàn thành: 21 nhiệm vụ")),
    "21 in the text",
  );
  const rows = [...view.xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("|"),
  );
  assert.ok(
    rows.some((r) => r.startsWith("1.1.2|Số nhiệm vụ đã hoàn thành|Nhiệm vụ|21")),
    "and 21 in the 01b",
  );
  assert.ok(rows.some((r) => r.startsWith("3.3.1|Số lượng hồ sơ đã tiếp nhận|Số lượng hồ sơ|494")));
});
