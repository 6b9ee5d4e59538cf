// Shared by the dossier route tests: a procedure in the catalogue, staff at P1.01 / P1.02 / P1, and helpers
// that drive the real routes (intake, action, upload) with a clock the test moves.
import assert from "node:assert/strict";
import { createProcedureVersion } from "../../db/repos/catalog.ts";
import { Procedure } from "../../catalog/procedure.ts";
import { startTestApp, type TestApp } from "../testing.ts";

export const PROCEDURE = Procedure.parse({
  code: "1.009902",
  name: "Đăng ký khai sinh (thử nghiệm)",
  field: "Hộ tịch",
  level: "commune",
  agency: "UBND cấp xã",
  components: [
    { name: "Tờ khai đăng ký khai sinh", form: "original", count: 1 },
    { name: "Giấy chứng sinh", form: "original", count: 1 },
  ],
  timeLimit: { value: 3, unit: "working_days" },
  fees: [{ name: "Lệ phí đăng ký khai sinh", amount: 8000 }],
  onlineLevel: "full",
  steps: [
    { name: "Tiếp nhận", role: "front_desk", share: 10 },
    { name: "Xử lý", role: "officer", share: 70 },
    { name: "Phê duyệt", role: "leader", share: 20 },
  ],
  effectiveFrom: "2024-01-01",
});

export const APPLICANT = {
  name: "Nguyễn Thị Hoà",
  idNumber: "046190001234",
  phone: "0905 123 456",
  address: "Thôn Đông, xã An Hòa",
};

/** A tiny valid PDF. */
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields one by one
type AnyJson = any;
export type Reply = { status: number; body: AnyJson };

export interface Fixture {
  t: TestApp;
  clock: { now: Date };
  cookies: Record<string, string>;
  intake(cookie: string, body?: Record<string, unknown>, key?: string): Promise<Reply>;
  act(cookie: string, code: string, action: string, body: Record<string, unknown>, key?: string): Promise<Reply>;
  get(cookie: string, code: string): Promise<Reply>;
  upload(cookie: string, unitCode?: string): Promise<string>;
  submit(body?: Record<string, unknown>): Promise<Reply>;
  /**
   * Runs actions in order as [username, action, body?, local time?], each on the revision the previous one
   * returned (asserting 200); returns the last detail.
   */
  walk(code: string, steps: [string, string, Record<string, unknown>?, string?][]): Promise<AnyJson>;
}

/** Staff: front desk, officer, leader at each of P1.01 and P1.02; a leader at P1; a front desk at P2.01. */
export const STAFF: [string, string, ("front_desk" | "officer" | "leader" | "reform_officer" | "admin")[]][] = [
  ["motcua.01", "P1.01", ["front_desk"]],
  ["cv.01", "P1.01", ["officer"]],
  ["cv2.01", "P1.01", ["officer"]],
  ["ld.01", "P1.01", ["leader"]],
  ["motcua.02", "P1.02", ["front_desk"]],
  ["cv.02", "P1.02", ["officer"]],
  ["ld.02", "P1.02", ["leader"]],
  ["ld.p1", "P1", ["leader"]],
  ["cchc.p1", "P1", ["reform_officer"]],
  ["motcua.p2", "P2.01", ["front_desk"]],
];

export async function startFixture(start: string): Promise<Fixture> {
  const clock = { now: new Date(start) };
  const t = await startTestApp({ now: () => clock.now });
  await createProcedureVersion(t.database.db, PROCEDURE);
  const cookies: Record<string, string> = {};
  for (const [username, unit, roles] of STAFF) await t.addStaff(username, unit, roles);
  for (const [username] of STAFF) cookies[username] = await t.login(username);
  const json = (r: { statusCode: number; body: string }) => ({
    status: r.statusCode,
    body: r.body ? JSON.parse(r.body) : undefined,
  });
  const fixture: Fixture = {
    t,
    clock,
    cookies,
    async intake(cookie, body = {}, key) {
      const payload = {
        unitCode: "P1.01",
        procedureCode: PROCEDURE.code,
        channel: "direct",
        applicant: APPLICANT,
        components: ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
        ...body,
      };
      const headers = key ? { "idempotency-key": key } : {};
      return json(await t.request({ method: "POST", url: "/api/dossiers", payload, cookie, headers }));
    },
    async act(cookie, code, action, body, key) {
      const headers = key ? { "idempotency-key": key } : {};
      return json(
        await t.request({
          method: "POST",
          url: `/api/dossiers/${code}/actions/${action}`,
          payload: body,
          cookie,
          headers,
        }),
      );
    },
    async get(cookie, code) {
      return json(await t.request({ method: "GET", url: `/api/dossiers/${code}`, cookie }));
    },
    async walk(code, steps) {
      let d = (await fixture.get(cookies["motcua.01"]!, code)).body;
      for (const [who, action, body = {}, when] of steps) {
        if (when) clock.now = new Date(when);
        const r = await fixture.act(cookies[who]!, code, action, { revision: d.revision, ...body });
        assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
        d = r.body;
      }
      return d;
    },
    async upload(cookie, unitCode = "P1.01") {
      const r = json(
        await t.request({
          method: "POST",
          url: "/api/files",
          cookie,
          payload: { unitCode, name: "du-thao.pdf", dataBase64: PDF.toString("base64") },
        }),
      );
      if (r.status !== 201) throw new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.id as string;
    },
    async submit(body = {}) {
      const payload = {
        unitCode: "P1.01",
        procedureCode: PROCEDURE.code,
        applicant: { name: "Trần Văn Bình", phone: "0912345678" },
        attachments: [
          { component: "Tờ khai đăng ký khai sinh", name: "to-khai.pdf", dataBase64: PDF.toString("base64") },
          { component: "Giấy chứng sinh", name: "giay-chung-sinh.pdf", dataBase64: PDF.toString("base64") },
        ],
        ...body,
      };
      return json(await t.request({ method: "POST", url: "/api/public/submissions", payload }));
    },
  };
  return fixture;
}
