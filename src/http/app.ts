// The Fastify application: API routes under /api/, the OpenAPI document, and (when built) the web app.
import { existsSync } from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Database } from "../db/engine.ts";
import type { ReadReplica } from "../db/read-replica.ts";
import { startAuditSealer } from "../db/repos/audit-chain.ts";
import { UnitDirectory } from "../db/repos/units.ts";
import { type AppContext, sessionReader } from "./context.ts";
import { ApiError } from "./errors.ts";
import { installVietnameseMessages } from "./messages-vi.ts";
import { openApiDocument } from "./openapi.ts";
import { RateLimiter, SlowDown } from "./rate-limit.ts";
import { installJsonParser, JSON_BODY_LIMIT } from "./request-guards.ts";
import { installSecurityHeaders, logSerializers } from "./security-headers.ts";
import { SessionCache } from "./session-cache.ts";
import { mountRoute } from "./route.ts";
import { routes } from "./routes/index.ts";

export interface AppOptions {
  database: Database;
  /** Directory of the built web app (served at /), if any. */
  webDist?: string;
  logger?: boolean;
  now?: () => Date;
  publicUrl?: string;
  /**
   * Addresses (IPs or CIDRs, comma-separated) of reverse proxies whose X-Forwarded-For is believed; without it
   * the client's address is the socket's, whatever the headers say (docs/security.md).
   */
  trustProxy?: string;
  /** Reads for reports, lists, searches, lookups and exports go to this hot standby (read-routes.ts). */
  reads?: ReadReplica;
  /** The session cache's LISTEN connection (DATABASE_LISTEN_URL; "off": no cache); default: the database's. */
  listenUrl?: string;
  /**
   * Chain the audit rows this often, ms (audit_seal, migration 0021): `motcua serve` runs it every second; tests
   * leave it off and seal when they check (verifyChains seals first).
   */
  sealAuditEveryMs?: number;
}

/** Postgres "data exception" and "program limit exceeded" classes: the input was bad, not the server. */
const BAD_INPUT_SQLSTATE = /^(22|54)[0-9A-Z]{3}$/;

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  installVietnameseMessages();
  const app = Fastify({
    logger: options.logger ? { level: "info", serializers: logSerializers } : false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.trustProxy ? parseTrustProxy(options.trustProxy) : false,
  });
  const units = new UnitDirectory(options.database.db);
  await units.refresh();
  const sessions = new SessionCache(options.database, options.listenUrl);
  await sessions.start();
  app.addHook("onClose", () => sessions.close());
  if (options.sealAuditEveryMs) {
    const db = options.database.db;
    const sealer = startAuditSealer(db, options.sealAuditEveryMs, (err) => app.log.error({ err }, "audit seal"));
    app.addHook("onClose", () => sealer.stop());
  }
  const ctx: AppContext = {
    database: options.database,
    units,
    sessions: sessionReader(sessions),
    limits: {
      login: new RateLimiter(5, 15 * 60_000),
      loginAddress: new RateLimiter(30, 15 * 60_000),
      loginAccount: new SlowDown(5, 60_000, 15 * 60_000),
      lookup: new RateLimiter(30, 60_000),
      submissionAddress: new RateLimiter(20, 60 * 60_000),
      submissionIdentity: new RateLimiter(5, 60 * 60_000),
    },
    now: options.now ?? (() => new Date()),
    publicUrl: options.publicUrl ?? "http://127.0.0.1:3000",
    ...(options.reads ? { reads: options.reads } : {}),
  };
  await app.register(fastifyCookie);
  installSecurityHeaders(app);
  installJsonParser(app);
  for (const type of ["text/csv", "application/x-ndjson"]) {
    app.addContentTypeParser(type, { parseAs: "string" }, (_request, body, done) => done(null, body));
  }
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return reply.status(error.status).type("application/problem+json").send(error.toProblem());
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      const limit = request.routeOptions.bodyLimit ?? JSON_BODY_LIMIT;
      const problem = new ApiError(
        413,
        "payload-too-large",
        "Dữ liệu gửi lên quá lớn",
        `Nội dung gửi lên vượt quá giới hạn ${(limit / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB của API này.`,
      );
      return reply.status(413).type("application/problem+json").send(problem.toProblem());
    }
    if (status && status >= 400 && status < 500) {
      const problem = new ApiError(status, "bad-request", "Yêu cầu không hợp lệ", (error as Error).message);
      return reply.status(status).type("application/problem+json").send(problem.toProblem());
    }
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState === "string" && BAD_INPUT_SQLSTATE.test(sqlState)) {
      // a value the database cannot hold that validation let through: the request's fault, said as such
      // the database's message may quote the value (a phone, a secret): the log names the code only
      request.log.warn({ sqlState }, "bad input reached the database");
      const problem = new ApiError(400, "invalid-input", "Dữ liệu không hợp lệ", "Giá trị gửi lên không hợp lệ.");
      return reply.status(400).type("application/problem+json").send(problem.toProblem());
    }
    request.log.error(error);
    const problem = new ApiError(500, "internal-error", "Lỗi hệ thống", "Đã có lỗi xảy ra, vui lòng thử lại sau.");
    return reply.status(500).type("application/problem+json").send(problem.toProblem());
  });
  for (const route of routes) mountRoute(app, ctx, route);
  const document = openApiDocument(routes);
  app.get("/api/openapi.json", async () => document);
  app.all("/api/*", async () => {
    throw new ApiError(404, "not-found", "Không tìm thấy", "Không có API này.");
  });
  if (options.webDist && existsSync(options.webDist)) {
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false });
    app.setNotFoundHandler((_request, reply) => reply.sendFile("index.html"));
  }
  return { app, ctx };
}

/** `--trust-proxy 10.0.0.0/8,192.168.1.5` → the list Fastify (proxy-addr) checks the socket's address against. */
export function parseTrustProxy(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}
