// The applicant's own supplement (nộp bổ sung) to an online dossier: `receive_supplement` by the citizen, with
// the files sent, in one transaction — the files are stored on the locked dossier before decide(), so a refused
// supplement (the dossier is not awaiting one) stores nothing. The credentials are checked by the caller.
import type { NewFile } from "../files.ts";
import { storeFile } from "../files.ts";
import type { Actor, Attachment } from "../../../dossier/status.ts";
import { ServiceError } from "./errors.ts";
import { executeCommand, type Outcome, type ServiceContext } from "./service.ts";
import { dossierProcedure } from "./terms.ts";

const CITIZEN: Actor = { id: "citizen", role: "citizen", unit: "" };

export interface CitizenSupplement {
  code: string;
  /** The files sent, each optionally for one of the procedure's components. */
  files: (Pick<NewFile, "name" | "content"> & { component?: string })[];
  /** Components the supplement brings (besides those its files name). */
  components?: string[];
  note?: string;
}

const notOnline = () =>
  new ServiceError(
    409,
    "not-online-dossier",
    "Chỉ hồ sơ nộp trực tuyến mới được nộp bổ sung trực tuyến; hồ sơ này nộp bổ sung tại Bộ phận Một cửa.",
  );

/** Records the applicant's supplement; the checklist gains the components it brings. */
export async function supplementByApplicant(ctx: ServiceContext, input: CitizenSupplement): Promise<Outcome> {
  const named = [
    ...new Set([...(input.components ?? []), ...input.files.flatMap((f) => (f.component ? [f.component] : []))]),
  ];
  const note = input.note?.trim();
  return executeCommand(
    ctx,
    input.code,
    { action: "receive_supplement", ...(note ? { reason: note } : {}) },
    {
      // a supplement depends on the dossier awaiting one, which decide() checks on the locked row
      revision: null,
      authorize(row) {
        if (row.channel !== "online_full" && row.channel !== "online_partial") throw notOnline();
        return CITIZEN;
      },
      async prepare(trx, row, command) {
        if (named.length) {
          const procedure = await dossierProcedure(trx, row);
          const known = new Set((procedure?.components ?? []).map((c) => c.name));
          const unknown = named.filter((name) => !known.has(name));
          if (unknown.length) {
            throw new ServiceError(
              400,
              "validation-failed",
              "Thành phần hồ sơ không có trong danh mục của thủ tục",
              unknown.map((name) => ({
                name: "components",
                reason: `"${name}" không phải thành phần hồ sơ của thủ tục`,
              })),
            );
          }
        }
        const attachments: Attachment[] = [];
        for (const file of input.files) {
          const stored = await storeFile(trx, {
            ...file,
            provinceCode: row.province_code,
            uploadedBy: null,
            dossierCode: row.code,
          });
          attachments.push({ id: stored.id, sha256: stored.sha256, name: stored.name });
        }
        return { ...command, attachments };
      },
      async afterAppend(trx, row) {
        if (!named.length) return;
        const checklist = (row.components ?? []) as { name: string; received?: boolean }[];
        const have = new Set(checklist.map((c) => c.name));
        const components = [
          ...checklist.map((c) => (named.includes(c.name) ? { ...c, received: true } : c)),
          ...named.filter((name) => !have.has(name)).map((name) => ({ name, received: true })),
        ];
        await trx
          .updateTable("dossiers")
          .set({ components: JSON.stringify(components) })
          .where("province_code", "=", row.province_code)
          .where("code", "=", row.code)
          .execute();
      },
    },
  );
}
