// One way to declare a route: access level, Zod schemas for params/query/body, a handler.
// The same declarations validate requests and generate the OpenAPI document (src/http/openapi.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Actor } from "../people/policy.ts";
import type { AppContext } from "./context.ts";
import { type InvalidParam, unauthenticated, validationFailed } from "./errors.ts";
import { noteWriteOf, runRouted } from "./read-routes.ts";
import { auditRequest } from "./request-audit.ts";
import { checkResponse, responseChecks } from "./schemas/check.ts";
import { checkRequestOrigin, findNulByte, JSON_BODY_LIMIT } from "./request-guards.ts";

export type Access = "public" | "user" | "staff";

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** The JSON shape of a 200 answer (src/http/schemas): published in the OpenAPI document, checked in tests. */
  response?: z.ZodType;
  /** Non-JSON bodies accepted as raw text (e.g. text/csv, application/x-ndjson). */
  rawBody?: string[];
  /** Response content types other than JSON (for the OpenAPI document). */
  produces?: string[];
  /** The largest request body in bytes (default JSON_BODY_LIMIT, 1 MB); only uploads and imports raise it. */
  bodyLimit?: number;
  /**
   * The body is JSON carrying base64 files (a few long strings): a large body made of a mass of members is
   * refused before it is parsed. Uploads also raise bodyLimit.
   */
  upload?: boolean;
  /** Audit every answer, signed in or not (login); otherwise request-audit.ts decides. */
  audit?: boolean;
  handler(input: {
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    actor: Actor | undefined;
    ctx: AppContext;
    request: FastifyRequest;
    reply: FastifyReply;
  }): Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds routes of every shape
export type AnyRoute = RouteSpec<any, any, any>;

export function defineRoute<
  P extends z.ZodType = z.ZodObject,
  Q extends z.ZodType = z.ZodObject,
  B extends z.ZodType = z.ZodUnknown,
>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, prefix: string): z.infer<T> {
  if (!schema) return value as z.infer<T>;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const invalidParams: InvalidParam[] = result.error.issues.map((issue) => ({
    name: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    reason: issue.message,
  }));
  throw validationFailed(invalidParams);
}

export function mountRoute(app: FastifyInstance, ctx: AppContext, spec: AnyRoute): void {
  app.route({
    method: spec.method,
    url: spec.url,
    bodyLimit: spec.bodyLimit ?? JSON_BODY_LIMIT,
    config: { upload: spec.upload === true },
    // before the body is read: a state-changing request must come from this site, as JSON or a declared type,
    // and a route for signed-in users reads no body from anyone else
    onRequest: async (request) => {
      checkRequestOrigin(request, ctx.publicUrl, spec.rawBody ?? []);
      if (spec.access !== "public" && !(await ctx.sessions.actorOf(request))) throw unauthenticated();
    },
    // who did what, when, from where (request-audit.ts): written before the answer leaves, so nothing reaches the
    // client unaudited and a reader of the trail sees every answer already given
    onSend: async (request, reply, payload) => {
      await auditRequest(ctx, spec, request, reply);
      await noteWriteOf(ctx, request, reply); // with a standby: this user's next reads wait for what was just written
      return payload;
    },
    handler: async (request, reply) => {
      const nul = findNulByte(request.params) ?? findNulByte(request.query) ?? findNulByte(request.body);
      if (nul !== undefined) {
        throw validationFailed([{ name: nul, reason: "Dữ liệu chứa ký tự không hợp lệ (NUL)" }]);
      }
      const actor = await ctx.sessions.actorOf(request);
      if (spec.access !== "public" && !actor) throw unauthenticated();
      if (spec.access === "staff" && actor?.kind !== "staff") throw unauthenticated();
      const params = parse(spec.params, request.params, "");
      const query = parse(spec.query, request.query, "");
      const body = spec.rawBody && typeof request.body === "string" ? request.body : parse(spec.body, request.body, "");
      const result = await runRouted(ctx, request, reply, actor, (routed) =>
        spec.handler({ params, query, body, actor, ctx: routed, request, reply }),
      );
      if (reply.sent) return reply;
      if (responseChecks.enabled && spec.response && reply.statusCode < 300) checkResponse(spec, spec.response, result);
      return result;
    },
  });
}

/** Zod helpers shared by routes. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD")
  .refine(isCalendarDate, "Ngày không tồn tại (ví dụ 30/02 hoặc tháng 13)");

/** Whether a YYYY-MM-DD string names a day of the Gregorian calendar (years 1000–9999). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
export const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
