// The staff see the papers (issue 15): a dossier's files open for whoever may read the dossier, inline for PDF
// and images; another unit, another province or an anonymous caller gets the same 404 / 401 as an unknown id.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, PDF, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
let fileId: string;
let code: string;
const get = (id: string, cookie?: string) => f.t.request({ method: "GET", url: `/api/files/${id}`, cookie });

before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
  fileId = await f.upload(f.cookies["motcua.01"]!);
  const d = await f.intake(f.cookies["motcua.01"]!, { attachments: [{ id: fileId, component: "Giấy chứng sinh" }] });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  code = d.body.code;
});
after(async () => f.t.close());

test("the dossier page lists the file and the officer and leader of the unit open it inline", async () => {
  const detail = await f.get(f.cookies["cv.01"]!, code);
  assert.ok(
    detail.body.files.some((x: { id: string }) => x.id === fileId),
    "files listed with the dossier",
  );
  for (const who of ["cv.01", "ld.01", "ld.p1"]) {
    const r = await get(fileId, f.cookies[who]);
    assert.equal(r.statusCode, 200, who);
    assert.equal(r.headers["content-type"], "application/pdf");
    assert.match(String(r.headers["content-disposition"]), /^inline; filename="du-thao\.pdf"/);
    assert.equal(r.headers["x-content-type-options"], "nosniff");
    assert.deepEqual(r.rawPayload, PDF);
  }
});

test("outside the dossier's scope, or unlinked and not one's own upload, a file does not exist", async () => {
  for (const who of ["cv.02", "motcua.p2"]) assert.equal((await get(fileId, f.cookies[who])).statusCode, 404, who);
  assert.equal((await get(fileId)).statusCode, 401);
  const loose = await f.upload(f.cookies["cv.01"]!);
  assert.equal((await get(loose, f.cookies["cv.01"])).statusCode, 200, "the uploader sees a draft before it is linked");
  assert.equal((await get(loose, f.cookies["cv2.01"])).statusCode, 404);
  assert.equal((await get("00000000-0000-4000-8000-000000000000", f.cookies["cv.01"])).statusCode, 404);
  assert.equal((await get("not-a-uuid", f.cookies["cv.01"])).statusCode, 400);
});
