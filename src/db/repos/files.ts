// Uploaded files (thành phần hồ sơ điện tử, kết quả điện tử): stored once with their SHA-256, limited in size
// and type. The type is read from the content (magic bytes), not trusted from the client's declaration.
import { createHash, randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Attachment } from "../../dossier/status.ts";
import type { Database } from "../schema.ts";
import { ServiceError } from "./dossiers/errors.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** 20 MB: a scanned multi-page PDF at 200 dpi fits; the database holds the same limit (migration 0004). */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

export const FILE_TYPES = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
export type FileMime = (typeof FILE_TYPES)[keyof typeof FILE_TYPES];

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The type the content really is, among the accepted ones; undefined otherwise. */
export function sniffFileType(bytes: Buffer): FileMime | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return FILE_TYPES.pdf; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return FILE_TYPES.jpg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_TYPES.png;
  // a docx is a zip whose entries include word/document.xml (names are stored uncompressed)
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && bytes.includes("word/document.xml")) return FILE_TYPES.docx;
  return undefined;
}

export interface NewFile {
  provinceCode: string;
  name: string;
  content: Buffer;
  uploadedBy: number | null;
  dossierCode?: string;
  component?: string;
  /** A scan of a paper document. */
  digitized?: boolean;
}

export interface StoredFile {
  id: string;
  sha256: string;
  name: string;
  mime: FileMime;
  size: number;
  digitized: boolean;
  component: string | null;
}

/** Checks and stores one file; 413 past the size limit, 415 for another type. */
export async function storeFile(db: Db, file: NewFile): Promise<StoredFile> {
  const name = file.name.trim().slice(0, 255) || "tep-dinh-kem";
  if (file.content.length === 0) {
    throw new ServiceError(400, "validation-failed", `Tệp ${name} rỗng`, [{ name: "file", reason: "Tệp rỗng" }]);
  }
  if (file.content.length > FILE_MAX_BYTES) {
    throw new ServiceError(413, "file-too-large", `Tệp ${name} lớn hơn 20 MB`, [
      { name: "file", reason: "Tệp tối đa 20 MB" },
    ]);
  }
  const mime = sniffFileType(file.content);
  if (!mime) {
    throw new ServiceError(415, "file-type-not-allowed", `Tệp ${name} không phải PDF, JPG, PNG hoặc DOCX`, [
      { name: "file", reason: "Chỉ nhận tệp PDF, JPG, PNG hoặc DOCX" },
    ]);
  }
  const stored: StoredFile = {
    id: randomUUID(),
    sha256: createHash("sha256").update(file.content).digest("hex"),
    name,
    mime,
    size: file.content.length,
    digitized: file.digitized ?? false,
    component: file.component ?? null,
  };
  await db
    .insertInto("files")
    .values({
      province_code: file.provinceCode,
      id: stored.id,
      sha256: stored.sha256,
      name,
      mime,
      size: stored.size,
      content: file.content,
      uploaded_by: file.uploadedBy,
      dossier_code: file.dossierCode ?? null,
      component: stored.component,
      digitized: stored.digitized,
    })
    .execute();
  return stored;
}

/**
 * Links uploaded files to a dossier and returns them as attachments (id, sha-256, name). A file belongs to one
 * dossier: one already linked elsewhere, or unknown in the province, is refused (422 `unknown-file`).
 */
export async function attachFiles(
  db: Db,
  provinceCode: string,
  dossierCode: string,
  files: readonly { id: string; component?: string }[],
): Promise<Attachment[]> {
  const attachments = await claimFiles(db, provinceCode, files, dossierCode);
  await linkFiles(db, provinceCode, dossierCode, files);
  return attachments;
}

/**
 * The attachments (id, sha-256, name) of uploaded files free to link (to no dossier yet, or to `dossierCode`),
 * locked until the transaction ends; 422 `unknown-file` names the others. `linkFiles` then links them.
 */
export async function claimFiles(
  db: Db,
  provinceCode: string,
  files: readonly { id: string }[],
  dossierCode?: string,
): Promise<Attachment[]> {
  if (files.length === 0) return [];
  const ids = [...new Set(files.map((f) => f.id))];
  const rows = await db
    .selectFrom("files")
    .select(["id", "sha256", "name", "dossier_code"])
    .where("province_code", "=", provinceCode)
    .where("id", "in", ids)
    .forUpdate()
    .execute();
  const usable = new Map(
    rows.filter((r) => r.dossier_code === null || r.dossier_code === dossierCode).map((r) => [r.id, r]),
  );
  const missing = ids.filter((id) => !usable.has(id));
  if (missing.length) {
    throw new ServiceError(
      422,
      "unknown-file",
      `Không tìm thấy tệp ${missing.join(", ")} (hoặc tệp đã thuộc hồ sơ khác)`,
      missing.map((id) => ({ name: "attachments", reason: `Tệp ${id} không tồn tại hoặc đã thuộc hồ sơ khác` })),
    );
  }
  return ids.map((id) => {
    const r = usable.get(id)!;
    return { id, sha256: r.sha256, name: r.name };
  });
}

/** Links files to a dossier (each optionally to one of its components). */
export async function linkFiles(
  db: Db,
  provinceCode: string,
  dossierCode: string,
  files: readonly { id: string; component?: string }[],
): Promise<void> {
  for (const f of files) {
    await db
      .updateTable("files")
      .set({ dossier_code: dossierCode, ...(f.component ? { component: f.component } : {}) })
      .where("province_code", "=", provinceCode)
      .where("id", "=", f.id)
      .execute();
  }
}

/** Files of a dossier, without content. */
export async function filesOf(db: Db, provinceCode: string, dossierCode: string) {
  return db
    .selectFrom("files")
    .select(["id", "sha256", "name", "mime", "size", "component", "digitized", "created_at"])
    .where("province_code", "=", provinceCode)
    .where("dossier_code", "=", dossierCode)
    .orderBy("created_at")
    .execute();
}

/** Attachments (id, sha-256, name) for file ids of a province, or 422 `unknown-file` naming the missing ones. */
export async function describeFiles(
  db: Db,
  provinceCode: string,
  ids: readonly string[],
): Promise<Map<string, Attachment>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("files")
    .select(["id", "sha256", "name"])
    .where("province_code", "=", provinceCode)
    .where("id", "in", [...ids])
    .execute();
  const found = new Map(rows.map((r) => [r.id, { id: r.id, sha256: r.sha256, name: r.name }]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new ServiceError(
      422,
      "unknown-file",
      `Không tìm thấy tệp ${missing.join(", ")}`,
      missing.map((id) => ({ name: "attachments", reason: `Tệp ${id} không tồn tại` })),
    );
  }
  return found;
}

/** One file with its content, by id in any province (ids are random UUIDs), for a download the caller authorizes. */
export async function findFileContent(db: Db, id: string) {
  return db
    .selectFrom("files")
    .select(["province_code", "id", "name", "mime", "size", "content", "dossier_code", "uploaded_by"])
    .where("id", "=", id)
    .executeTakeFirst();
}
