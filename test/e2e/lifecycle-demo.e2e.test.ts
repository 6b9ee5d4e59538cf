// The lifecycle on the demo province (motcua demo up to 18 March 2026; the server's clock walks on from that
// morning): a leader's approval before the officer resolves with "Kết quả điện tử" and a result file; the
// applicant's online supplement from the lookup page; ratings per officer against the API's JSON. The states a
// journey starts from are made through the API; the journey itself is driven in the browser and read back from
// the server. The administrator's pages on the same data: admin-periods-import.e2e.test.ts.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { type Locator, request } from "playwright-core";
import type { OfficerRatingsReport } from "../../web/src/types.ts";
import {
  ApiSession,
  type Browser,
  DEFAULT_DEMO,
  DEMO_PASSWORD,
  DEMO_PROVINCE as PROVINCE,
  DEMO_WARD as UNIT,
  type DossierView,
  e2eSuite,
  expectState,
  fixedClock,
  openDossier,
  PDF,
  type Server,
  screenshot,
  signIn,
} from "./harness.ts";

const PROCEDURE = "1.004873"; // cấp Giấy xác nhận tình trạng hôn nhân: fully online, a leader-approval step
const clock = fixedClock("2026-03-18T10:30:00+07:00");
let server: Server;
let browser: Browser;
let frontDesk: ApiSession;
let officer: ApiSession;
/** The dossier the leader approves and the officer resolves (returned and rated afterwards). */
let resolvedCode = "";
e2eSuite({
  data: "demo",
  demo: DEFAULT_DEMO,
  now: clock.now,
  async ready(suite) {
    ({ server, browser } = suite);
    frontDesk = await ApiSession.open(server, "phuxuan.motcua", DEMO_PASSWORD);
    officer = await ApiSession.open(server, "phuxuan.chuyenvien", DEMO_PASSWORD);
  },
});
after(async () => {
  await frontDesk?.close();
  await officer?.close();
});

/** Counter intake, assigned to the ward's officer, started and proposed: waiting for the leader. */
async function proposedDossier(name: string): Promise<DossierView> {
  let d = await frontDesk.receive(name, { unitCode: UNIT, procedureCode: PROCEDURE });
  d = await frontDesk.act(d.code, "assign", d.revision, { assignee: "phuxuan.chuyenvien" });
  d = await officer.act(d.code, "start_processing", d.revision);
  const draft = await officer.file(UNIT, "du-thao.pdf");
  return officer.act(d.code, "propose_result", d.revision, { draft: { document: { id: draft } } });
}

test("resolve waits for the leader's approval; then the officer resolves with Kết quả điện tử and a file", async () => {
  const proposed = await proposedDossier("Trần Thị Thu");
  resolvedCode = proposed.code;
  clock.set("2026-03-18T11:00:00+07:00");
  const page = await browser.newPage();
  await signIn(page, server.url, "phuxuan.chuyenvien", DEMO_PASSWORD);
  await openDossier(page, server, resolvedCode);
  await expectState(page, "đang xử lý");
  // not offered: the procedure has a phê duyệt step and the proposal is not approved
  assert.equal(await page.locator('[data-action="resolve"]').count(), 0);
  const why = page.getByTestId("resolve-unavailable");
  await why.getByText(/phải được lãnh đạo phê duyệt/).waitFor();
  await why.getByText("Kết quả đã trình đang chờ lãnh đạo phê duyệt.").waitFor();
  assert.ok(await page.locator('[data-action="resolve-unavailable"]').isDisabled());

  await signIn(page, server.url, "phuxuan.lanhdao", DEMO_PASSWORD);
  await openDossier(page, server, resolvedCode);
  await page.locator('[data-action="approve"]').click();
  let dialog = page.getByRole("dialog");
  await dialog.getByLabel("Ý kiến phê duyệt").fill("Đồng ý.");
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("timeline").getByText("Phê duyệt kết quả").waitFor();

  clock.set("2026-03-18T14:00:00+07:00");
  await signIn(page, server.url, "phuxuan.chuyenvien", DEMO_PASSWORD);
  await openDossier(page, server, resolvedCode);
  assert.equal(await page.getByTestId("resolve-unavailable").count(), 0);
  await page.locator('[data-action="resolve"]').click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel("Kết quả giải quyết").fill("Giấy xác nhận tình trạng hôn nhân số 12/GXN-UBND");
  await dialog.getByLabel("Kết quả điện tử").check();
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  // an electronic result without its file is refused beside the file field, nothing is sent
  await dialog.getByText("Kết quả điện tử hoặc kết quả đã số hóa phải có tệp kết quả đính kèm.").waitFor();
  await dialog
    .locator("input[type=file]")
    .setInputFiles({ name: "giay-xac-nhan-12.pdf", mimeType: "application/pdf", buffer: PDF });
  await dialog.getByText("giay-xac-nhan-12.pdf").waitFor();
  // attaching the file clears the refusal
  await dialog
    .getByText("Kết quả điện tử hoặc kết quả đã số hóa phải có tệp kết quả đính kèm.")
    .waitFor({ state: "hidden" });
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await dialog.waitFor({ state: "hidden" });
  await expectState(page, "đã xử lý xong");

  const stored = await server.database.db
    .selectFrom("dossiers")
    .select(["state", "e_result", "result_digitized"])
    .where("code", "=", resolvedCode)
    .executeTakeFirstOrThrow();
  assert.deepEqual(stored, { state: "resolved", e_result: true, result_digitized: null });
  const event = await server.database.db
    .selectFrom("dossier_events")
    .select(["payload"])
    .where("dossier_code", "=", resolvedCode)
    .where("type", "=", "resolved")
    .executeTakeFirstOrThrow();
  const payload = (typeof event.payload === "string" ? JSON.parse(event.payload) : event.payload) as {
    eResult?: boolean;
    result: { document?: { name?: string }; record?: string };
  };
  assert.equal(payload.eResult, true);
  assert.equal(payload.result.document?.name, "giay-xac-nhan-12.pdf");
  await page.close();
});

/** An online submission accepted at the desk, then asked for the `missing` papers: its code and lookup secret. */
async function awaitingSupplement(missing: string[]): Promise<{ code: string; lookupSecret: string }> {
  clock.set("2026-03-18T14:30:00+07:00");
  const citizen = await request.newContext({ baseURL: server.url });
  const submitted = await citizen.post("/api/public/submissions", {
    data: {
      unitCode: UNIT,
      procedureCode: PROCEDURE,
      applicant: { name: "Võ Thị Hạnh", phone: "0914777888" },
      attachments: [
        {
          component: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu",
          name: "to-khai.pdf",
          dataBase64: PDF.toString("base64"),
        },
      ],
    },
  });
  assert.equal(submitted.status(), 201, await submitted.text());
  const { code, lookupSecret } = (await submitted.json()) as { code: string; lookupSecret: string };
  await citizen.dispose();
  let d = await frontDesk.call<DossierView>("GET", `/api/dossiers/${code}`);
  d = await frontDesk.act(code, "accept", d.revision);
  clock.set("2026-03-18T15:00:00+07:00");
  d = await frontDesk.act(code, "request_supplement", d.revision, { missing });
  assert.equal(d.state, "awaiting_supplement");
  return { code, lookupSecret };
}

test("the applicant of an online dossier sends the missing papers from the lookup page", async () => {
  const missing = ["Bản sao giấy chứng tử của người chồng trước", "Bản sao sổ hộ khẩu"];
  const { code, lookupSecret } = await awaitingSupplement(missing);

  clock.set("2026-03-19T09:00:00+07:00");
  const page = await browser.newPage();
  const lookupUrl = `${server.url}/tra-cuu?code=${encodeURIComponent(code)}&secret=${lookupSecret}`;
  await page.goto(lookupUrl);
  const form = page.getByRole("region", { name: "Nộp bổ sung hồ sơ trực tuyến" });
  const items = form.getByTestId("supplement-missing").locator("li");
  await items.nth(missing.length - 1).waitFor();
  assert.deepEqual(await items.allTextContents(), missing);

  // a file that is not a PDF, JPG, PNG or DOCX: refused in Vietnamese, nothing stored, still waiting
  await form
    .locator("input[type=file]")
    .setInputFiles({ name: "ghi-chu.pdf", mimeType: "application/pdf", buffer: Buffer.from("không phải PDF") });
  await form.getByRole("button", { name: "Gửi hồ sơ bổ sung" }).click();
  await form.getByRole("alert").filter({ hasText: "không phải PDF" }).waitFor();
  const filesBefore = await server.database.db
    .selectFrom("files")
    .select("name")
    .where("dossier_code", "=", code)
    .execute();
  assert.deepEqual(
    filesBefore.map((f) => f.name),
    ["to-khai.pdf"],
  );

  await page.goto(lookupUrl);
  await items.nth(missing.length - 1).waitFor();
  await form
    .locator("input[type=file]")
    .setInputFiles({ name: "giay-chung-tu.pdf", mimeType: "application/pdf", buffer: PDF });
  await form.getByLabel("Ghi chú gửi cơ quan giải quyết").fill("Xin gửi bổ sung giấy chứng tử.");
  await screenshot(page, "citizen-supplement");
  await form.getByRole("button", { name: "Gửi hồ sơ bổ sung" }).click();
  const sent = page.getByTestId("supplement-sent");
  await sent.waitFor();
  await page
    .getByTestId("lookup-state")
    .filter({ hasText: /được tiếp nhận/i })
    .waitFor();
  assert.equal(await page.getByTestId("supplement-form").count(), 0);
  await expectSupplementStored(code, sent);
  await page.close();
});

/** The new appointment shown is the server's deadline in force after the pause; the paper is stored with the first. */
async function expectSupplementStored(code: string, sent: Locator): Promise<void> {
  // the new appointment shown is the server's deadline in force after the pause
  const after = await frontDesk.call<{
    state: string;
    deadlineAt: string;
    events: { type: string; actor: { id: string }; reason?: string }[];
  }>("GET", `/api/dossiers/${code}`);
  assert.equal(after.state, "received");
  const last = after.events.at(-1)!;
  assert.equal(last.type, "supplement_received");
  assert.equal(last.actor.id, "citizen");
  assert.equal(last.reason, "Xin gửi bổ sung giấy chứng tử.");
  const shown = new Date(after.deadlineAt).toLocaleString("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
  await sent.getByText(new RegExp(`Ngày hẹn trả kết quả mới: .*${shown.replace(/\//g, "\\/")}`)).waitFor();
  const files = await server.database.db
    .selectFrom("files")
    .select("name")
    .where("dossier_code", "=", code)
    .orderBy("name")
    .execute();
  assert.deepEqual(
    files.map((f) => f.name),
    ["giay-chung-tu.pdf", "to-khai.pdf"],
  );
}

test("officer ratings: the page shows the API's figures for each officer rated", async () => {
  // the resolved dossier is returned at the counter and rated; a second one rated lower, for a distribution
  clock.set("2026-03-19T10:00:00+07:00");
  const second = await proposedDossier("Lê Văn Tâm");
  const leader = await ApiSession.open(server, "phuxuan.lanhdao", DEMO_PASSWORD);
  try {
    const approved = await leader.act(second.code, "approve", second.revision);
    await officer.act(second.code, "resolve", approved.revision, { result: { record: "Số 13/GXN-UBND" } });
  } finally {
    await leader.close();
  }
  // the demo's own ratings name the unit's front desk too: count what these two add
  const officers = async (context: { get(url: string): Promise<{ status(): number; json(): Promise<unknown> }> }) => {
    const response = await context.get(
      `${server.url}/api/ratings/officers?unit=${PROVINCE}&from=2026-01-01&to=2026-12-31`,
    );
    assert.equal(response.status(), 200);
    return (await response.json()) as OfficerRatingsReport;
  };
  const deskOf = (report: OfficerRatingsReport) => report.officers.find((o) => o.officer.username === "phuxuan.motcua");
  const cchc = await request.newContext({ baseURL: server.url });
  const login = await cchc.post("/api/auth/login", { data: { username: "hue.cchc", password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200);
  const before = deskOf(await officers(cchc));
  await cchc.dispose();
  const citizen = await request.newContext({ baseURL: server.url });
  try {
    for (const [code, score, officerScore] of [
      [resolvedCode, 5, 4],
      [second.code, 3, 2],
    ] as const) {
      const d = await frontDesk.call<DossierView>("GET", `/api/dossiers/${code}`);
      await frontDesk.act(code, "return", d.revision, { via: "direct", handover: { record: "Ký nhận sổ" } });
      const rated = await citizen.post("/api/public/ratings", {
        data: { code, secret: d.lookupSecret, score, officerScore },
      });
      assert.equal(rated.status(), 201, await rated.text());
    }
  } finally {
    await citizen.dispose();
  }

  const page = await browser.newPage();
  await page.clock.setFixedTime(new Date("2026-03-19T10:30:00+07:00"));
  await signIn(page, server.url, "hue.cchc", DEMO_PASSWORD);
  // the Báo cáo menu is exercised by the reports journey; open this page by its address (a submenu's
  // animation made the click land before the link was there on a loaded CI machine)
  await page.goto(`${server.url}/can-bo/bao-cao/danh-gia-can-bo`);
  await page.getByRole("heading", { name: "Đánh giá của người dân theo cán bộ" }).waitFor({ timeout: 30_000 });
  await page.getByTestId("period-range").filter({ hasText: "Năm 2026" }).waitFor();
  const report = await officers(page.request);
  const desk = deskOf(report);
  assert.ok(desk, "the front desk who handed the results over is rated");
  const was = before?.officerScores ?? { very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0 };
  assert.equal(desk.ratings, (before?.ratings ?? 0) + 2);
  assert.deepEqual(desk.officerScores, { ...was, satisfied: was.satisfied + 1, dissatisfied: was.dissatisfied + 1 });

  const n = (v: number) => v.toLocaleString("vi-VN");
  const stars = (v: number | null) =>
    v === null ? "—" : v.toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rows = page.getByTestId("officer-ratings-table").locator("tbody tr.ant-table-row");
  await rows.nth(report.officers.length - 1).waitFor();
  assert.equal(await rows.count(), report.officers.length);
  for (const [i, o] of report.officers.entries()) {
    const cells = await rows.nth(i).locator("td").allTextContents();
    assert.deepEqual(cells, [
      `${o.officer.fullName} (${o.officer.username})`,
      n(o.ratings),
      n(o.officerRatings),
      stars(o.averageOfficerStars),
      n(o.officerScores.very_satisfied),
      n(o.officerScores.satisfied),
      n(o.officerScores.neutral),
      n(o.officerScores.dissatisfied),
      stars(o.averageServiceStars),
    ]);
  }
  await page.close();
});
