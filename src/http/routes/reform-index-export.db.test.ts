// The CCHC index for the web over HTTP: the card carries each assessment with its evidence file names, the
// phase and what the reader may change; the export opens as a workbook with the same figures; the standings
// rank the communes with self and appraised totals and count the bands; the appraiser opens the evidence the
// commune cited, a stranger does not.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { readWorkbook } from "../../reform/records/workbook.ts";
import { indexApp, openIndexYear } from "./reform-index-testing.ts";

let now = new Date("2023-01-10T03:00:00Z");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const { call } = indexApp(
  () => now,
  [
    ["cchc.xa1", "P1.01"],
    ["cchc.xa2", "P1.02"],
    ["cchc.tinh", "P1"],
    ["cchc.p2", "P2.01"],
  ],
  (t) => openIndexYear(t, { self: "2023-01-15", appraisal1: "2023-01-31" }, now),
);

let fileId = "";

test("self-assessment with evidence, then appraisal: the card shows both rounds, the file name and the rights", async () => {
  const upload = await call("cchc.xa1", "POST", "/api/files", {
    unitCode: "P1.01",
    name: "Công khai tài sản công 2022.pdf",
    contentType: "application/pdf",
    dataBase64: PDF.toString("base64"),
  });
  assert.equal(upload.statusCode, 201, upload.body);
  fileId = upload.json().id;
  const put = (who: string, code: string, body: object) =>
    call(who, "PUT", `/api/reform/index/assessments/${who === "cchc.xa2" ? "P1.02" : "P1.01"}/2022/${code}`, body);
  assert.equal((await put("cchc.xa1", "6.2", { selfScore: 2, evidence: [{ fileId, pages: "2-3" }] })).statusCode, 200);
  assert.equal((await put("cchc.xa1", "2.3", { selfScore: 2 })).statusCode, 200);
  for (const code of ["2.3", "6.2", "6.3"])
    assert.equal((await put("cchc.xa2", code, { selfScore: 2 })).statusCode, 200);
  now = new Date("2023-01-20T03:00:00Z");
  const appraised = await put("cchc.tinh", "6.2", {
    appraisal1: 1,
    appraiserNote: "Thiếu biên bản niêm yết",
    version: 1,
  });
  assert.equal(appraised.statusCode, 200, appraised.body);

  const card = await call("cchc.xa1", "GET", "/api/reform/index/card?unit=P1.01&year=2022");
  assert.equal(card.statusCode, 200, card.body);
  const body = card.json();
  assert.equal(body.phaseName, "Thẩm định lần 1");
  assert.equal(body.unitKind, "commune");
  assert.equal(body.indexYear.self, "2023-01-15");
  assert.deepEqual(body.may, { self: true, appraise: false });
  assert.equal(body.assessments["6.2"].evidence[0].name, "Công khai tài sản công 2022.pdf");
  assert.equal(body.assessments["6.2"].appraisal1, 1);
  assert.equal(body.selfTotal, 4);
  assert.equal(body.total, 3);
  assert.deepEqual(
    body.lost.map((l: { code: string; lost: number; reason: string }) => [l.code, l.lost, l.reason]),
    [["6.2", 1, "Thiếu biên bản niêm yết"]],
  );
  const province = (await call("cchc.tinh", "GET", "/api/reform/index/card?unit=P1.01&year=2022")).json();
  assert.deepEqual(province.may, { self: true, appraise: true });
});

test("the scorecard downloads as .xlsx and .docx with the same figures", async () => {
  const xlsx = await call("cchc.xa1", "GET", "/api/reform/index/card/export?unit=P1.01&year=2022&format=xlsx");
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.match(String(xlsx.headers["content-disposition"]), /Bang diem Chi so CCHC - Xa An Hoa - 2022\.xlsx/);
  const sheets = await readWorkbook(xlsx.rawPayload);
  const row = sheets.get("Bảng điểm")!.find((r) => r[0] === "6.2")!;
  assert.deepEqual(row.slice(2, 7), [2, 2, 1, "", 1]);
  assert.match(String(row[7]), /Công khai tài sản công 2022\.pdf, tr\. 2-3/);
  assert.deepEqual(
    sheets
      .get("Bảng điểm")!
      .find((r) => r[0] === "Tổng điểm")
      ?.slice(2, 4),
    [4, 4],
  );
  const lost = sheets.get("Bị trừ điểm")!.find((r) => r[1] === "6.2")!;
  assert.deepEqual(lost.slice(3, 6), [1, 2, "Thiếu biên bản niêm yết"]);
  const docx = await call("cchc.xa1", "GET", "/api/reform/index/card/export?unit=P1.01&year=2022&format=docx");
  assert.equal(docx.statusCode, 200);
  const doc = await openDocx(docx.rawPayload);
  assert.ok(doc.paragraphs.includes("Ý kiến thẩm định: Thiếu biên bản niêm yết"));
  const other = await call("cchc.p2", "GET", "/api/reform/index/card/export?unit=P1.01&year=2022&format=xlsx");
  assert.equal(other.statusCode, 403);
});

test("standings: communes ranked with self and appraised totals, and the number of units in each band", async () => {
  const res = await call("cchc.tinh", "GET", "/api/reform/index/standings?unit=P1&year=2022");
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(
    body.ranking.map((r: { unit: string; rank: number; selfTotal: number; total: number; band: string }) => [
      r.unit,
      r.rank,
      r.selfTotal,
      r.total,
      r.band,
    ]),
    [
      ["P1.02", 1, 6, 6, "Xuất sắc"],
      ["P1.01", 2, 4, 3, "Khá"],
    ],
  );
  const counts = Object.fromEntries(body.bands.map((b: { name: string; count: number }) => [b.name, b.count]));
  assert.deepEqual(counts, { "Xuất sắc": 1, Tốt: 0, Khá: 1, "Trung bình": 0, Yếu: 0, "Chưa xếp loại": 0 });
  assert.equal((await call("cchc.xa1", "GET", "/api/reform/index/standings?unit=P1&year=2022")).statusCode, 403);
});

test("the appraiser opens the cited evidence; an uncited file or a stranger gets nothing", async () => {
  const url = `/api/reform/index/evidence/P1.01/2022/6.2/${fileId}`;
  const got = await call("cchc.tinh", "GET", url);
  assert.equal(got.statusCode, 200, got.body);
  assert.equal(got.headers["content-type"], "application/pdf");
  assert.deepEqual(got.rawPayload, PDF);
  assert.equal((await call("cchc.tinh", "GET", `/api/reform/index/evidence/P1.01/2022/2.3/${fileId}`)).statusCode, 404);
  assert.equal((await call("cchc.p2", "GET", url)).statusCode, 403);
});
