// Response headers every answer carries, and what the server log may say about a request (docs/security.md).
import type { FastifyInstance } from "fastify";

/**
 * The web app is built by Vite: module scripts from /assets, no inline script. Ant Design and Recharts write
 * their styles at run time (CSS-in-JS), hence 'unsafe-inline' for styles only; QR codes are data: images.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Other answers (JSON, files): framed only by this site's own pages (the staff page shows a PDF in a frame). */
const OTHER_CSP = "frame-ancestors 'self'";

const FIXED: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(FIXED)) if (!reply.hasHeader(name)) reply.header(name, value);
    if (!reply.hasHeader("content-security-policy")) {
      const html = String(reply.getHeader("content-type") ?? "").startsWith("text/html");
      reply.header("content-security-policy", html ? WEB_CSP : OTHER_CSP);
      if (!reply.hasHeader("x-frame-options")) reply.header("x-frame-options", html ? "DENY" : "SAMEORIGIN");
    }
    return payload;
  });
}

/** Query parameters that are secrets or personal data: the lookup secret, the phone, passwords, tokens. */
const REDACTED_PARAMS = new Set(["secret", "phone", "password", "token", "lookupsecret", "idnumber"]);

/** The URL with secret and personal query values replaced by ***, for the server log. */
export function redactUrl(url: string): string {
  const at = url.indexOf("?");
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {}
      return REDACTED_PARAMS.has(decoded) && eq >= 0 ? `${pair.slice(0, eq)}=***` : pair;
    })
    .join("&");
  return `${url.slice(0, at)}?${query}`;
}

/** Pino serializers for Fastify's request log: method, redacted URL, the client's address. */
export const logSerializers = {
  req(request: { method?: string; url?: string; ip?: string; host?: string }) {
    return {
      method: request.method,
      url: redactUrl(request.url ?? ""),
      host: request.host,
      remoteAddress: request.ip,
    };
  },
};
