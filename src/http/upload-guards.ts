// Checks on files sent as base64 JSON (docs/security.md): the type read from the bytes must be one the route
// accepts and agree with what the sender declared (Content-Type and file name), and the files of one request
// (one dossier) stay under a total.
import { FILE_TYPES, type FileMime, sniffFileType } from "../db/repos/files.ts";
import { ApiError, validationFailed } from "./errors.ts";

/** What one dossier's files may add up to when sent by an applicant (each file: 20 MB, FILE_MAX_BYTES). */
export const DOSSIER_FILES_MAX_BYTES = 30 * 1024 * 1024;

export const PUBLIC_FILE_TYPES: readonly FileMime[] = [FILE_TYPES.pdf, FILE_TYPES.jpg, FILE_TYPES.png];
export const STAFF_FILE_TYPES: readonly FileMime[] = Object.values(FILE_TYPES);

const EXTENSIONS: Record<string, FileMime> = {
  pdf: FILE_TYPES.pdf,
  jpg: FILE_TYPES.jpg,
  jpeg: FILE_TYPES.jpg,
  png: FILE_TYPES.png,
  docx: FILE_TYPES.docx,
};
const DECLARED_ALIASES: Record<string, FileMime> = { "image/jpg": FILE_TYPES.jpg, "image/pjpeg": FILE_TYPES.jpg };

const TYPE_NAMES: Record<FileMime, string> = {
  [FILE_TYPES.pdf]: "PDF",
  [FILE_TYPES.jpg]: "JPG",
  [FILE_TYPES.png]: "PNG",
  [FILE_TYPES.docx]: "DOCX",
};

export interface SentFile {
  name: string;
  contentType?: string | undefined;
  dataBase64: string;
}

export function decodeBase64(text: string, field: string): Buffer {
  const clean = text.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean))
    throw validationFailed([{ name: field, reason: "Nội dung tệp không phải base64" }]);
  return Buffer.from(clean, "base64");
}

function typeRefused(field: string, detail: string, reason: string): ApiError {
  return new ApiError(415, "file-type-not-allowed", "Loại tệp không được chấp nhận", detail, [{ name: field, reason }]);
}

/** The file's bytes after checking its type (from the bytes, agreeing with the declaration); 415 otherwise. */
export function checkedFile(file: SentFile, at: string, allowed: readonly FileMime[]): Buffer {
  const content = decodeBase64(file.dataBase64, at ? `${at}.dataBase64` : "dataBase64");
  const field = at || "file";
  const names = allowed.map((type) => TYPE_NAMES[type]).join(", ");
  const sniffed = sniffFileType(content);
  if (!sniffed || !allowed.includes(sniffed)) {
    throw typeRefused(field, `Tệp ${file.name} không phải ${names}.`, `Chỉ nhận tệp ${names}`);
  }
  const declaredType = (file.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const declared = declaredType ? (DECLARED_ALIASES[declaredType] ?? declaredType) : undefined;
  if (declared && declared !== "application/octet-stream" && declared !== sniffed) {
    throw typeRefused(
      field,
      `Tệp ${file.name} khai báo là ${declaredType} nhưng nội dung là ${TYPE_NAMES[sniffed]}.`,
      "Loại tệp khai báo không khớp với nội dung",
    );
  }
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(file.name)?.[1]?.toLowerCase();
  const byName = extension ? EXTENSIONS[extension] : undefined;
  if (byName && byName !== sniffed) {
    throw typeRefused(
      field,
      `Tên tệp ${file.name} có đuôi .${extension} nhưng nội dung là ${TYPE_NAMES[sniffed]}.`,
      "Đuôi tên tệp không khớp với nội dung",
    );
  }
  return content;
}

/** Every file checked, and their total under `maxTotal` bytes (413 dossier-files-too-large). */
export function checkedFiles(
  files: SentFile[],
  field: string,
  allowed: readonly FileMime[],
  maxTotal = DOSSIER_FILES_MAX_BYTES,
  alreadyStored = 0,
): Buffer[] {
  let total = alreadyStored;
  return files.map((file, i) => {
    const content = checkedFile(file, `${field}.${i}`, allowed);
    total += content.length;
    if (total > maxTotal) {
      throw new ApiError(
        413,
        "dossier-files-too-large",
        "Tệp quá lớn",
        `Tổng dung lượng tệp của một hồ sơ tối đa ${Math.round(maxTotal / 1024 / 1024)} MB.`,
        [{ name: `${field}.${i}`, reason: `Tổng dung lượng tệp tối đa ${Math.round(maxTotal / 1024 / 1024)} MB` }],
      );
    }
    return content;
  });
}
