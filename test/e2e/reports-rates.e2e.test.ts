// The rate and quality pages of the "Báo cáo" section on the demo province, as Huế's reform officer
// (reports.helpers.ts): channels and online levels, late dossiers, the Decision 766 indicators, satisfaction and
// PAKN. Every figure a page shows is checked against the JSON the API returns for the same query, never against
// numbers written here. The results pages: reports-results.e2e.test.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { FEEDBACK_FIELDS } from "../../src/figures/feedback-report.ts";
import type {
  ChannelsReport,
  FeedbackReport,
  IndicatorDossiers,
  IndicatorsReport,
  LateReport,
  SatisfactionReport,
} from "../../web/src/types.ts";
import { choose, type Server, screenshot } from "./harness.ts";
import { count, percent, PROVINCE, qs, type ReportsPage, reportsPage, YEAR } from "./reports.helpers.ts";

let server: Server;
let page: Page;
let api: ReportsPage["api"];
reportsPage((reports) => ({ server, page, api } = reports));

test("channels: received, the shares and the procedures per online level; a channel lists its dossiers", async () => {
  await page.goto(`${server.url}/can-bo/bao-cao/kenh-tiep-nhan?${qs({ ...YEAR, unit: PROVINCE })}`);
  const data = await api<ChannelsReport>(`/reports/channels?${qs({ ...YEAR, unit: PROVINCE })}`);
  await page.getByTestId("channels-received").getByText(count(data.received), { exact: true }).waitFor();
  for (const [id, share] of [
    ["share-online", data.onlineShare],
    ["share-full", data.fullyOnlineShare],
    ["share-postal", data.postalShare],
  ] as const) {
    const card = page.getByTestId(id);
    await card.getByText(percent(share), { exact: true }).waitFor();
    await card.getByText(`${count(share.numerator)} / ${count(share.denominator)} hồ sơ`).waitFor();
  }
  const levels = page.getByTestId("levels-table");
  for (const [level, name] of [
    ["full", "Dịch vụ công trực tuyến toàn trình"],
    ["partial", "Dịch vụ công trực tuyến một phần"],
    ["none", "Không cung cấp trực tuyến"],
  ] as const) {
    const p = data.procedures[level];
    const cells = (await levels.locator("tbody tr").filter({ hasText: name }).locator("td").allTextContents()).slice(
      1,
      5,
    );
    assert.deepEqual(cells, [
      count(p.offered),
      count(p.withOnlineDossiers),
      percent(p.withOnlineDossiersShare),
      count(p.onlineDossiers),
    ]);
  }
  // the channel with the fewest (non-zero) dossiers, to see its whole list on one page
  const channel = (["postal", "online_full", "online_partial", "direct"] as const).find(
    (c) => data.byChannel[c] > 0 && data.byChannel[c] <= 20,
  );
  assert.ok(channel, "a small channel");
  const channelName = {
    postal: "Bưu chính công ích",
    online_full: "Trực tuyến toàn trình",
    online_partial: "Trực tuyến một phần",
    direct: "Trực tiếp",
  }[channel];
  await page
    .getByTestId("channels-table")
    .locator("tbody tr")
    .filter({ hasText: new RegExp(`^${channelName}`) })
    .getByRole("button")
    .click();
  const codes = await page.getByTestId("code-list").locator("tbody a").allTextContents();
  assert.deepEqual(codes, data.dossiers[channel]);
  await page.keyboard.press("Escape");
});

test("late dossiers by unit with and without apology, and the overdue list linking to each dossier", async () => {
  const period = { from: "2024-01-01", to: "2025-12-31" }; // the demo's past: finished late dossiers exist
  await page.goto(`${server.url}/can-bo/bao-cao/tre-han?${qs({ ...period, unit: PROVINCE })}`);
  const data = await api<LateReport>(`/reports/late?${qs({ ...period, unit: PROVINCE })}`);
  assert.ok(data.total.late > 0, "the demo has late dossiers in its two years");
  const table = page.getByTestId("late-table");
  const total = table.locator("tbody tr").filter({ hasText: "Tổng cộng" });
  await total.waitFor();
  assert.deepEqual((await total.locator("td").allTextContents()).slice(1), [
    count(data.total.late),
    count(data.total.withApology),
    count(data.total.withoutApology),
    count(data.total.lateApology),
  ]);
  assert.equal(await table.locator("tbody tr.ant-table-row").count(), data.rows.length + 1);

  // the overdue list of the current year (at its end, every dossier still open past its deadline)
  await page.goto(`${server.url}/can-bo/bao-cao/tre-han?${qs({ ...YEAR, unit: PROVINCE })}`);
  const now = await api<LateReport>(`/reports/late?${qs({ ...YEAR, unit: PROVINCE })}`);
  await page
    .getByTestId("overdue-count")
    .filter({ hasText: `${count(now.overdueAtEnd.dossiers.length)} hồ sơ` })
    .waitFor();
  const first = now.overdueAtEnd.dossiers[0];
  if (first) {
    await page.getByTestId("overdue-table").getByRole("link", { name: first.code, exact: true }).click();
    await page.getByRole("heading", { name: `Hồ sơ ${first.code}` }).waitFor();
  }
});

test("Decision 766 indicators: value, formula, numerator and denominator, and the dossiers behind one", async () => {
  await page.goto(`${server.url}/can-bo/bao-cao/chi-so`);
  const data = await api<IndicatorsReport>(`/reports/indicators?${qs({ ...YEAR, unit: PROVINCE })}`);
  assert.ok(data.indicators.length >= 6);
  for (const i of data.indicators) {
    const card = page.getByTestId(`indicator-${i.id}`);
    await card.getByText(i.name, { exact: true }).waitFor();
    assert.equal(await card.getByTestId("indicator-formula").textContent(), `Công thức: ${i.formula}`);
    if (i.kind === "rate") {
      await card.getByText(percent(i), { exact: true }).waitFor();
      assert.equal(
        await card.getByTestId("indicator-counts").textContent(),
        `Tử số ${count(i.numerator)} / mẫu số ${count(i.denominator)}`,
      );
    } else {
      assert.match(
        (await card.getByTestId("indicator-counts").textContent()) ?? "",
        new RegExp(`^${count(i.count)} hồ sơ`),
      );
    }
  }
  // the description's section, the points where it gives a threshold, and the indicators without data here
  const described = data as unknown as {
    indicators: { id: string; code: string; score?: { threshold: number } }[];
    notComputed: { code: string; reason: string }[];
  };
  for (const i of described.indicators) {
    const card = page.getByTestId(`indicator-${i.id}`);
    await card.getByText(`Mục ${i.code}`, { exact: true }).waitFor();
    if (i.score) assert.match((await card.getByTestId("indicator-score").textContent()) ?? "", /^Điểm: đạt từ/);
  }
  const missing = page.getByTestId("indicators-not-computed");
  assert.equal(await missing.locator("tbody tr.ant-table-row").count(), described.notComputed.length);
  await missing.getByText(`Không có dữ liệu trong motcua: ${described.notComputed[0]!.reason}`).waitFor();
  await screenshot(page, "reports-indicators");
  const onTime = data.indicators.find((i) => i.id === "on-time-766");
  assert.ok(onTime?.kind === "rate" && onTime.denominator > 0);

  // the dashboard's headline is this indicator and links to its dossiers, not to the finishedOnTime column
  await page.goto(`${server.url}/can-bo/bao-cao`);
  const headline = page.locator(".ant-card").filter({ hasText: "Tỷ lệ đúng hạn (Chỉ số 766)" });
  await headline.getByText(percent(onTime), { exact: true }).waitFor();
  const link = headline.getByRole("link");
  const href = (await link.getAttribute("href")) ?? "";
  assert.ok(href.startsWith("/can-bo/bao-cao/chi-so/on-time-766"), href);
  assert.ok(!href.includes("finishedOnTime"), href);
  await link.click();
  await page.getByTestId("indicator-title").filter({ hasText: onTime.name }).waitFor();
  // the lists, a keyset page at a time: the first page and the next as the dossiers endpoint gives them
  const numerator = page.getByTestId("numerator-list");
  const card = page.getByTestId("numerator-list-card");
  const size = Number.parseInt((await card.getByText(/^\d+ \/ trang$/).textContent()) ?? "", 10);
  assert.ok(size > 0);
  const dossiersOf = (part: string, cursor?: string) =>
    api<IndicatorDossiers>(
      `/reports/indicators/on-time-766/dossiers?${qs({ ...YEAR, unit: PROVINCE, part, pageSize: String(size), ...(cursor ? { cursor } : {}) })}`,
    );
  const [first, denominator] = [await dossiersOf("numerator"), await dossiersOf("denominator")];
  assert.ok(first.items.length > 0 && first.items.length <= size);
  assert.equal(first.total, onTime.numerator);
  assert.equal(denominator.total, onTime.denominator);
  await page.getByText(`Tử số: ${count(first.total)} hồ sơ`, { exact: true }).waitFor();
  await page.getByText(`Mẫu số: ${count(denominator.total)} hồ sơ`, { exact: true }).waitFor();
  const codes = (p: IndicatorDossiers) => p.items.map((i) => i.code);
  await numerator.getByRole("link", { name: first.items[0]!.code, exact: true }).waitFor();
  assert.deepEqual(await numerator.locator("tbody a").allTextContents(), codes(first));
  const denominators = page.getByTestId("denominator-list");
  // each list loads on its own: wait for this one's first row before reading it (a busy machine showed it empty)
  await denominators.getByRole("link", { name: denominator.items[0]!.code, exact: true }).waitFor();
  assert.deepEqual(await denominators.locator("tbody a").allTextContents(), codes(denominator));
  await screenshot(page, "reports-indicator-dossiers");
  let shown = first;
  if (first.nextCursor !== null) {
    const second = await dossiersOf("numerator", first.nextCursor);
    await card.getByRole("button", { name: "Trang sau" }).click();
    await card.getByText("Trang 2", { exact: true }).waitFor();
    await numerator.getByRole("link", { name: second.items[0]!.code, exact: true }).waitFor();
    assert.deepEqual(await numerator.locator("tbody a").allTextContents(), codes(second));
    shown = second;
  }
  const code = shown.items[0]!.code;
  await numerator.getByRole("link", { name: code, exact: true }).click();
  await page.getByRole("heading", { name: `Hồ sơ ${code}` }).waitFor();
});

test("satisfaction by field on both scales, and PAKN answered in time", async () => {
  await page.goto(
    `${server.url}/can-bo/bao-cao/hai-long?${qs({ from: "2024-01-01", to: "2026-03-31", unit: PROVINCE })}`,
  );
  const table = page.getByTestId("satisfaction-table");
  for (const scale of ["satisfaction", "procedure"] as const) {
    if (scale === "procedure") {
      await choose(page, page.getByRole("combobox", { name: "Thang đánh giá" }), "", /Đánh giá thủ tục/);
      await page.waitForURL((url) => url.searchParams.get("scale") === "procedure");
      await table.locator("thead").getByText("Cần giảm giấy tờ").waitFor();
    }
    const data = await api<SatisfactionReport>(
      `/reports/satisfaction?${qs({ from: "2024-01-01", to: "2026-03-31", unit: PROVINCE, scale })}`,
    );
    assert.ok(data.total.ballots > 0, `ratings on the ${scale} scale`);
    const total = table.locator("tbody tr").filter({ hasText: "Tổng cộng" });
    await total
      .locator("td")
      .nth(1)
      .filter({ hasText: count(data.total.ballots) })
      .waitFor();
    const expected = [
      count(data.total.ballots),
      ...data.scale.flatMap((r) => [count(data.total.counts[r] ?? 0), percent(data.total.shares[r]!)]),
    ];
    assert.deepEqual((await total.locator("td").allTextContents()).slice(1), expected);
    assert.equal(await table.locator("tbody tr.ant-table-row").count(), data.rows.length + 1);
  }

  await page.goto(
    `${server.url}/can-bo/bao-cao/phan-anh?${qs({ from: "2024-01-01", to: "2026-03-31", unit: PROVINCE })}`,
  );
  const feedback = await api<FeedbackReport>(
    `/reports/feedback?${qs({ from: "2024-01-01", to: "2026-03-31", unit: PROVINCE })}`,
  );
  assert.ok(feedback.total.received > 0, "the demo has PAKN");
  const fb = page.getByTestId("feedback-table").locator("tbody tr").filter({ hasText: "Tổng cộng" });
  await fb.waitFor();
  assert.deepEqual((await fb.locator("td").allTextContents()).slice(1), [
    ...FEEDBACK_FIELDS.map((f) => count(feedback.total[f])),
    percent(feedback.total.inTimeRate),
  ]);
  await page.getByTestId("feedback-formulas").getByText(feedback.formulas.inTimeRate!).waitFor();
});
