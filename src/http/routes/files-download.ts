// GET /api/files/:id: the staff see the papers — the applicant's upload, a scanned component, the officer's draft,
// the result. Who may open a file is who may read its dossier; a file not yet linked to a dossier only its
// uploader. Anything else is the same 404 as an unknown id. PDF and images open in the page (inline), in a
// sandbox; other types download.
import { z } from "zod";
import { getDossier } from "../../db/repos/dossiers/service.ts";
import { findFileContent } from "../../db/repos/files.ts";
import { asciiName } from "../../documents/delivery.ts";
import { notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { canReadDossier } from "./dossiers-access.ts";
import { serviceOf } from "./dossiers.ts";

const INLINE_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);

export const downloadFile = defineRoute({
  method: "GET",
  url: "/api/files/:id",
  summary: "Xem hoặc tải tệp của hồ sơ (thành phần hồ sơ, dự thảo, kết quả) — cán bộ đọc được hồ sơ",
  tags: ["dossiers"],
  access: "staff",
  produces: ["*/*"], // the stored file as uploaded: any type
  params: z.object({ id: z.uuid() }),
  async handler({ ctx, actor, params, reply }) {
    const missing = notFound("tệp");
    const file = await findFileContent(serviceOf(ctx).db, params.id);
    if (!file) throw missing;
    if (file.dossier_code) {
      const { row } = await getDossier(serviceOf(ctx), file.dossier_code).catch(() => {
        throw missing;
      });
      if (!canReadDossier(actor, row, ctx.units)) throw missing;
    } else if (file.uploaded_by !== actor!.userId) {
      throw missing;
    }
    const inline = INLINE_TYPES.has(file.mime);
    const utf8 = encodeURIComponent(file.name.normalize("NFC"));
    reply
      .type(file.mime)
      .header(
        "content-disposition",
        `${inline ? "inline" : "attachment"}; filename="${asciiName(file.name)}"; filename*=UTF-8''${utf8}`,
      )
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "sandbox")
      .header("cache-control", "private, max-age=300");
    return reply.send(file.content);
  },
});
