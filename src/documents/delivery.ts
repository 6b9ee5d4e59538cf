// How a rendered document leaves motcua: its bytes in the requested format (PDF through LibreOffice), its
// media type, and a file name that survives every browser: an ASCII fallback plus RFC 5987 UTF-8 name.
import { convertToPdf } from "./pdf.ts";

export type SourceFormat = "docx" | "xlsx";
export type OutputFormat = SourceFormat | "pdf";

export const MEDIA_TYPES: Record<OutputFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** "Giấy tiếp nhận hồ sơ" → "Giay tiep nhan ho so": the ASCII fallback of a Vietnamese file name. */
export function asciiName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;]/g, "_");
}

/** Content-Disposition for a download: `attachment; filename="ascii"; filename*=UTF-8''…`. */
export function contentDisposition(fileName: string): string {
  const utf8 = encodeURIComponent(fileName.normalize("NFC")).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName(fileName)}"; filename*=UTF-8''${utf8}`;
}

/** The bytes in the requested format: the source itself, or its PDF (throws PdfUnavailableError). */
export async function inFormat(bytes: Buffer, source: SourceFormat, format: OutputFormat): Promise<Buffer> {
  return format === "pdf" ? convertToPdf(bytes, source) : bytes;
}

/** A file name safe on every file system: no path separators or control characters. */
export function fileNameOf(parts: readonly string[], format: OutputFormat): string {
  const base = parts
    .filter(Boolean)
    .join(" - ")
    .replace(/[/\\:*?"<>|\p{Cc}]/gu, "-");
  return `${base}.${format}`;
}
