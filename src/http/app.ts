// The Fastify application: API routes under /api/, the OpenAPI document, and (when built) the web app.
import { existsSync } from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Database } from "../db/engine.ts";
import { UnitDirectory } from "../db/repos/units.ts";
import { type AppContext, sessionReader } from "./context.ts";
import { ApiError } from "./errors.ts";
import { installVietnameseMessages } from "./messages-vi.ts";
import { openApiDocument } from "./openapi.ts";
import { RateLimiter } from "./rate-limit.ts";
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
}

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  installVietnameseMessages();
  const app = Fastify({
    logger: options.logger ? { level: "info" } : false,
    bodyLimit: 64 * 1024 * 1024,
    trustProxy: true,
  });
  const units = new UnitDirectory(options.database.db);
  await units.refresh();
  const sessions = new SessionCache(options.database);
  await sessions.start();
  app.addHook("onClose", () => sessions.close());
  const ctx: AppContext = {
    database: options.database,
    units,
    sessions: sessionReader(sessions),
    limits: { login: new RateLimiter(5, 15 * 60_000), lookup: new RateLimiter(30, 60_000) },
    now: options.now ?? (() => new Date()),
    publicUrl: options.publicUrl ?? "http://127.0.0.1:3000",
  };
  await app.register(fastifyCookie);
  for (const type of ["text/csv", "application/x-ndjson", "text/plain"]) {
    app.addContentTypeParser(type, { parseAs: "string" }, (_request, body, done) => done(null, body));
  }
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.status).type("application/problem+json").send(error.toProblem());
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      const limit = request.routeOptions.bodyLimit ?? 64 * 1024 * 1024;
      const problem = new ApiError(
        413,
        "payload-too-large",
        "Dữ liệu gửi lên quá lớn",
        `Nội dung gửi lên vượt quá giới hạn ${Math.round(limit / 1024 / 1024)} MB của API này.`,
      );
      return reply.status(413).type("application/problem+json").send(problem.toProblem());
    }
    if (status && status >= 400 && status < 500) {
      const problem = new ApiError(status, "bad-request", "Yêu cầu không hợp lệ", (error as Error).message);
      return reply.status(status).type("application/problem+json").send(problem.toProblem());
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
