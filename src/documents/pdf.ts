// PDF through LibreOffice, an optional capability: without it every other renderer still works and the PDF
// request fails with a message saying what to install. Conversions go through a queue of N slots
// (pdf-queue.ts, default 2): at most N soffice processes at once, each conversion in its own temporary
// directory with its own LibreOffice profile (-env:UserInstallation).
import { execFile } from "node:child_process";
import { access, constants, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type ConversionQueue, pdfQueue } from "./pdf-queue.ts";

export type ConvertibleFormat = "docx" | "xlsx";

/** LibreOffice is not installed (or not where MOTCUA_SOFFICE points). */
export class PdfUnavailableError extends Error {
  override readonly name = "PdfUnavailableError";
  readonly code = "pdf-unavailable";
  constructor() {
    super(
      "Không xuất được PDF: máy chủ chưa cài LibreOffice. " +
        "Cài đặt bằng lệnh: apt-get install libreoffice-writer-nogui fonts-liberation2 " +
        "(thêm libreoffice-calc-nogui để chuyển tệp .xlsx), hoặc đặt biến MOTCUA_SOFFICE trỏ tới tệp soffice.",
    );
  }
}

/** LibreOffice ran but produced no PDF. */
export class PdfConversionError extends Error {
  override readonly name = "PdfConversionError";
  readonly code = "pdf-conversion-failed";
}

const isExecutable = (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

/** Path of soffice: $MOTCUA_SOFFICE, else the first `soffice` or `libreoffice` on PATH. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const explicit = env["MOTCUA_SOFFICE"];
  if (explicit) return (await isExecutable(explicit)) ? explicit : undefined;
  const dirs = (env["PATH"] ?? "").split(delimiter).filter(Boolean);
  for (const name of ["soffice", "libreoffice"]) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export async function isPdfAvailable(): Promise<boolean> {
  return (await findSoffice()) !== undefined;
}

export interface PdfOptions {
  /** Path of soffice; found on PATH by default. */
  soffice?: string;
  /** Kill LibreOffice after this long; default 120 s. */
  timeoutMs?: number;
  /** The queue limiting concurrent processes; the process-wide `pdfQueue` by default. */
  queue?: ConversionQueue;
}

function run(file: string, args: string[], timeout: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout, killSignal: "SIGKILL" }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
  });
}

/** Converts a .docx or .xlsx document to PDF bytes. */
export async function convertToPdf(
  bytes: Uint8Array,
  format: ConvertibleFormat,
  options: PdfOptions = {},
): Promise<Buffer> {
  const soffice = options.soffice ?? (await findSoffice());
  if (!soffice || !(await isExecutable(soffice))) throw new PdfUnavailableError();
  return (options.queue ?? pdfQueue).run(() => convertIn(soffice, bytes, format, options.timeoutMs));
}

async function convertIn(
  soffice: string,
  bytes: Uint8Array,
  format: ConvertibleFormat,
  timeoutMs = 120_000,
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "motcua-pdf-"));
  try {
    const input = join(dir, `document.${format}`);
    await writeFile(input, bytes);
    // a fresh profile per conversion: keeping one per slot measured no faster (3.4 s cold, 3.9 s warm, median of 3)
    const profile = pathToFileURL(join(dir, "profile")).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      input,
    ];
    let log = "";
    try {
      const out = await run(soffice, args, timeoutMs);
      log = `${out.stdout}${out.stderr}`;
    } catch (error) {
      const e = error as Error & { stderr?: string };
      throw new PdfConversionError(`LibreOffice không chuyển được tệp sang PDF: ${e.stderr || e.message}`, {
        cause: error,
      });
    }
    try {
      return await readFile(join(dir, "document.pdf"));
    } catch {
      throw new PdfConversionError(`LibreOffice không tạo ra tệp PDF: ${log.trim()}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
