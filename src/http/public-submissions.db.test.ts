// Anonymous online submissions through the real server (docs/security.md): files are PDF/JPG/PNG as read from
// the bytes and as declared, a dossier's files have a total, and submissions are limited per address, per
// applicant in the hour and per applicant in the day.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, PDF, startFixture } from "./routes/dossiers.fixtures.ts";
import { DAILY_SUBMISSIONS_PER_APPLICANT } from "./routes/public-limits.ts";

let f: Fixture;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
});
after(async () => f.t.close());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("word/document.xml")]);
let n = 0;
/** A fresh applicant (own phone) each time, so only the limit under test is reached. */
const applicant = () => ({ name: "Lê Văn Cường", phone: `0913${String(100000 + n++).slice(-6)}` });
const file = (content: Buffer, name: string, contentType?: string) => ({
  name,
  dataBase64: content.toString("base64"),
  ...(contentType ? { contentType } : {}),
});
const resetLimits = () => {
  f.t.ctx.limits.submissionAddress.reset("ip:127.0.0.1");
  for (let i = 0; i < n; i++) f.t.ctx.limits.submissionIdentity.reset(`phone:0913${String(100000 + i).slice(-6)}`);
};

test("uploads: the bytes must be PDF, JPG or PNG and agree with the declared type and the name", async () => {
  for (const [attachment, why] of [
    [file(PDF, "giay.pdf", "image/png"), "declared PNG, is a PDF"],
    [file(PNG, "anh.jpg"), "named .jpg, is a PNG"],
    [file(DOCX, "to-khai.docx"), "a DOCX: staff only"],
    [file(Buffer.from("MZ\u0090 program"), "to-khai.pdf", "application/pdf"), "not a document at all"],
  ] as const) {
    const r = await f.submit({ applicant: applicant(), attachments: [attachment] });
    assert.equal(r.status, 415, `${why}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, "file-type-not-allowed");
    assert.equal(r.body.invalidParams[0].name, "attachments.0");
  }
  const ok = await f.submit({
    applicant: applicant(),
    attachments: [
      { ...file(PDF, "to-khai.pdf", "application/pdf"), component: "Tờ khai đăng ký khai sinh" },
      { ...file(PNG, "giay-chung-sinh.PNG", "image/png"), component: "Giấy chứng sinh" },
    ],
  });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  resetLimits();
});

test("a dossier's files are limited in total (30 MB), whatever each file's size", async () => {
  const big = Buffer.alloc(15.5 * 1024 * 1024, 0x20);
  PDF.copy(big);
  const r = await f.submit({ applicant: applicant(), attachments: [file(big, "a.pdf"), file(big, "b.pdf")] });
  assert.equal(r.status, 413, JSON.stringify(r.body).slice(0, 300));
  assert.equal(r.body.code, "dossier-files-too-large");
  assert.equal(r.body.invalidParams[0].name, "attachments.1");
  resetLimits();
});

test("one applicant: 5 submissions in the hour, then 429 with Retry-After, even with another name", async () => {
  const same = applicant();
  for (let i = 0; i < 5; i++) assert.equal((await f.submit({ applicant: same })).status, 201, `submission ${i + 1}`);
  const sixth = await f.t.request({
    method: "POST",
    url: "/api/public/submissions",
    payload: {
      unitCode: "P1.01",
      procedureCode: "1.009902",
      applicant: { ...same, name: "Tên khác" },
      attachments: [file(PDF, "giay.pdf")],
    },
  });
  assert.equal(sixth.statusCode, 429);
  assert.equal(sixth.json().code, "rate-limited");
  assert.ok(Number(sixth.headers["retry-after"]) > 0);
  resetLimits();
});

test("one address: 20 submissions in the hour, then 429 whoever the applicant", async () => {
  let last = 0;
  for (let i = 0; i < 21; i++) {
    last = (await f.submit({ applicant: applicant() })).status;
    if (i < 20) assert.equal(last, 201, `submission ${i + 1}`);
  }
  assert.equal(last, 429);
  resetLimits();
});

test("a daily quota per applicant, counted in the database: the next local day is free again", async () => {
  const same = applicant();
  for (let i = 0; i < DAILY_SUBMISSIONS_PER_APPLICANT; i++) {
    assert.equal((await f.submit({ applicant: same })).status, 201, `submission ${i + 1}`);
    resetLimits(); // past the hourly limits: only the day's count is left
  }
  const over = await f.submit({ applicant: same });
  assert.equal(over.status, 429);
  assert.match(over.body.detail, /trong một ngày/);
  f.clock.now = new Date("2026-03-10T08:00:00+07:00");
  assert.equal((await f.submit({ applicant: same })).status, 201, "a new day");
});
