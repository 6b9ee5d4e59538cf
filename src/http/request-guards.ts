// Generic defences every route gets from mountRoute and buildApp (docs/security.md): state-changing requests
// only from this site and only as JSON (or a type the route declares), no NUL byte anywhere, small bodies
// unless a route raises its limit, JSON with a sane number of members.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError } from "./errors.ts";

/** Body limit of every route that does not declare one: JSON forms and public routes. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Uploads (JSON with base64 files): a dossier's files, 30 MB in all, as base64, with room for the fields. */
export const UPLOAD_BODY_LIMIT = 42 * 1024 * 1024;
/** Imports by administrators (catalogue, unit tree). */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
/** Above this size an upload's JSON must be a few long strings, not a mass of members. */
const MEMBER_CHECK_FROM = 256 * 1024;
/** The most `:` / `,` separators a large JSON body may hold (a dossier with 30 files has a few hundred). */
const MAX_SEPARATORS = 20_000;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Types a cross-site HTML form can send without a CORS preflight: never accepted by a state-changing route. */
const FORM_TYPES = new Set(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]);
const SAME_SITE_FETCH = new Set(["same-origin", "none"]);

export const crossOrigin = (detail: string) => new ApiError(403, "cross-origin-request", "Yêu cầu bị từ chối", detail);

function unsupportedType(received: string, accepted: string[]) {
  return new ApiError(
    415,
    "unsupported-media-type",
    "Kiểu dữ liệu không được hỗ trợ",
    `API này nhận Content-Type ${accepted.join(" hoặc ")} (nhận được ${received || "không có"}).`,
  );
}

function originAllowed(origin: string, request: FastifyRequest, publicUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === new URL(publicUrl).origin) return true;
  const host = request.headers.host;
  if (!host) return false;
  try {
    return parsed.host === new URL(`${parsed.protocol}//${host}`).host; // default ports compare equal
  } catch {
    return false;
  }
}

/**
 * Refuses a state-changing request sent by another site (Origin, Sec-Fetch-Site) or as a type a cross-site
 * form could send; runs before the body is read. GET/HEAD never change state, so they are not checked.
 */
export function checkRequestOrigin(request: FastifyRequest, publicUrl: string, rawTypes: string[]): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string" && !SAME_SITE_FETCH.has(site.toLowerCase())) {
    throw crossOrigin(`Yêu cầu thay đổi dữ liệu chỉ được gửi từ chính trang này (Sec-Fetch-Site: ${site}).`);
  }
  const origin = request.headers.origin;
  if (typeof origin === "string" && !originAllowed(origin, request, publicUrl)) {
    throw crossOrigin(`Yêu cầu thay đổi dữ liệu chỉ được gửi từ chính trang này (Origin: ${origin}).`);
  }
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const length = Number(request.headers["content-length"] ?? 0);
  const hasBody = type !== "" || length > 0 || request.headers["transfer-encoding"] !== undefined;
  if (!hasBody) return;
  const accepted = ["application/json", ...rawTypes.filter((t) => !FORM_TYPES.has(t))];
  if (!accepted.includes(type)) throw unsupportedType(type, accepted);
}

/** The path of the first string (or member name) holding a NUL byte, which PostgreSQL text cannot store. */
export function findNulByte(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path || "body" : undefined;
  if (value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulByte(value[i], path ? `${path}.${i}` : String(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes("\u0000")) return here;
    const found = findNulByte(member, here);
    if (found !== undefined) return found;
  }
  return undefined;
}

function tooManyMembers() {
  return new ApiError(
    413,
    "payload-too-complex",
    "Dữ liệu gửi lên quá phức tạp",
    "Nội dung JSON có quá nhiều trường; chỉ tệp đính kèm mới được gửi với kích thước lớn.",
  );
}

/** Counts JSON separators in a large body, stopping as soon as it is over the bound. */
function separatorsOver(text: string, bound: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 58 || c === 44) && ++count > bound) return true; // ':' ','
  }
  return false;
}

/**
 * JSON bodies through Fastify's own parser (prototype-poisoning protection kept), after refusing a large body
 * made of a mass of members: parsing 2 million keys blocks the event loop for seconds.
 */
export function installJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body as string;
    const upload = (request.routeOptions.config as { upload?: boolean } | undefined)?.upload === true;
    if (upload && text.length > MEMBER_CHECK_FROM && separatorsOver(text, MAX_SEPARATORS)) {
      done(tooManyMembers(), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
