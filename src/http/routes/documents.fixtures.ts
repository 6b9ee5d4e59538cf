// Shared by the documents route tests (documents-forms.db.test.ts, documents-ledger.db.test.ts): the dossier
// fixture, one dossier walked through a supplement and an extension with an apology, one refused at the counter,
// and a download helper that keeps the raw bytes of the answer.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { testEngine } from "../../db/testing.ts";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

/** An answer of the documents routes: raw bytes for the .docx/.xlsx/.pdf, JSON for errors and form 01 as JSON. */
export interface Download {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  bytes: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields one by one
  json(): any;
}

export interface DocumentsFixture {
  f: Fixture;
  /** Session cookies by username (dossiers.fixtures.ts STAFF). */
  c: Record<string, string>;
  /** Received Monday 9 March 2026 at P1.01; a supplement requested and received; extended with an apology. */
  code: string;
  /** The lookup secret of `code`. */
  secret: string;
  /** Refused at the counter on 9 March ("Không thuộc thẩm quyền của xã"). */
  refusedCode: string;
  /** Moves the server's clock. */
  at(iso: string): void;
  download(cookie: string | undefined, url: string): Promise<Download>;
  /** Closes the app and its database so that a CLI command can open it (an embedded directory has one process). */
  closeForCli(): Promise<void>;
  /** Closes the app and drops its database (only drops it after `closeForCli`). */
  close(): Promise<void>;
}

export const docUrl = (dossier: string, form: string, format = "docx") =>
  `/api/dossiers/${encodeURIComponent(dossier)}/documents/${form}?format=${format}`;

/** The dossier of the documents tests: received, a supplement requested and received, then extended. */
async function walkedDossier(f: Fixture, at: (iso: string) => void): Promise<{ code: string; secret: string }> {
  const c = f.cookies;
  let r = await f.intake(c["motcua.01"]!);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const code = r.body.code as string;
  const secret = r.body.lookupSecret as string;
  let rev = r.body.revision as number;
  const step = async (who: string, action: string, body: Record<string, unknown> = {}) => {
    const out = await f.act(c[who]!, code, action, { revision: rev, ...body });
    assert.equal(out.status, 200, `${action}: ${JSON.stringify(out.body)}`);
    rev = out.body.revision;
  };
  await step("motcua.01", "assign", { assignee: "cv.01" });
  await step("cv.01", "start_processing");
  at("2026-03-10T10:00:00+07:00");
  await step("cv.01", "request_supplement", {
    missing: ["Giấy chứng sinh (bản chính)", "Tờ khai có chữ ký của người đi khai"],
    reason: "Hồ sơ chưa đủ giấy tờ",
  });
  at("2026-03-11T10:00:00+07:00");
  await step("motcua.01", "receive_supplement");
  r = await f.get(c["motcua.01"]!, code);
  assert.equal(r.status, 200);
  at("2026-03-13T09:00:00+07:00");
  await step("cv.01", "extend", {
    reason: "Cần xác minh thông tin với nơi sinh",
    dueAt: "2026-03-18T17:00:00+07:00",
    apology: { record: "Thư xin lỗi số 12/TXL-UBND" },
  });
  return { code, secret };
}

export async function startDocumentsFixture(): Promise<DocumentsFixture> {
  const f = await startFixture("2026-03-09T09:00:00+07:00"); // Monday
  const at = (iso: string) => {
    f.clock.now = new Date(iso);
  };
  const { code, secret } = await walkedDossier(f, at);
  const refused = await f.intake(f.cookies["motcua.01"]!, { refuse: true, reason: "Không thuộc thẩm quyền của xã" });
  assert.equal(refused.status, 201, JSON.stringify(refused.body));
  let closedForCli = false;
  return {
    f,
    c: f.cookies,
    code,
    secret,
    refusedCode: refused.body.code,
    at,
    async download(cookie, url) {
      const r = await f.t.request({ method: "GET", url, ...(cookie ? { cookie } : {}) });
      return { status: r.statusCode, headers: r.headers, bytes: r.rawPayload, json: () => JSON.parse(r.body) };
    },
    async closeForCli() {
      closedForCli = true;
      await f.t.app.close();
      await f.t.database.close(); // an embedded directory is opened by one process at a time: the command opens it next
    },
    async close() {
      if (!closedForCli) return f.t.close();
      if (testEngine === "postgres") await f.t.database.drop().catch(() => {});
      else rmSync(f.t.database.target, { recursive: true, force: true });
    },
  };
}
