// POST /api/files: a staff upload (a scanned component, a result document, a draft) before it is named in an
// intake or an action. JSON with the content in base64, as the web app sends it; type and size checked on the
// bytes (pdf, jpg, png, docx; 20 MB).
import { z } from "zod";
import { storeFile } from "../../db/repos/files.ts";
import { can } from "../../people/policy.ts";
import { forbidden } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { checkedFile, STAFF_FILE_TYPES } from "../upload-guards.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { serviceOf } from "./dossiers.ts";
import { StoredFile } from "../schemas/dossiers.ts";

export const FileUpload = z.object({
  /** The unit the file is for (its province owns the file). */
  unitCode: z.string().min(1).max(32),
  name: z.string().min(1).max(255),
  contentType: z.string().max(200).optional(),
  dataBase64: z.string().min(1).max(28_000_000, "Tệp tối đa 20 MB"),
  component: z.string().max(300).optional(),
  digitized: z.boolean().default(false),
});

export { decodeBase64 } from "../upload-guards.ts";

/** A 20 MB file as base64 with its fields. */
const FILE_BODY_LIMIT = 28 * 1024 * 1024 + 64 * 1024;

export const uploadFile = defineRoute({
  method: "POST",
  url: "/api/files",
  summary: "Tải lên tệp (thành phần hồ sơ số hóa, dự thảo, kết quả): PDF, JPG, PNG, DOCX, tối đa 20 MB",
  tags: ["dossiers"],
  access: "staff",
  response: StoredFile,
  upload: true,
  bodyLimit: FILE_BODY_LIMIT,
  body: FileUpload,
  async handler({ ctx, actor, body, reply }) {
    const units = await ctx.units.fresh();
    if (!units.find(body.unitCode) || !can(actor, "dossier.read", body.unitCode, units.parentOf)) throw forbidden();
    const stored = await storeFile(serviceOf(ctx).db, {
      provinceCode: units.provinceOf(body.unitCode) ?? body.unitCode,
      name: body.name,
      content: checkedFile(body, "", STAFF_FILE_TYPES),
      uploadedBy: actor!.userId,
      ...(body.component ? { component: body.component } : {}),
      digitized: body.digitized,
    }).catch(dossierProblem);
    reply.status(201);
    return withLocalInstants(stored);
  },
});
