// Who did what, when and from where (docs/security.md): written to audit_log as the answer is sent, for every
// state-changing request by a signed-in user (lifecycle commands, user and role changes, catalogue, units,
// imports, settings — refused ones too), every download or export by a signed-in user (documents, files, CSV,
// Excel, JSON Lines), and the routes that ask for it (login, failed ones too). The rows are hash-chained per
// province by the database (migration 0015); `motcua audit verify` checks them. Counter intake writes its row in
// its own statement (plannedAudit/auditWritten: one round trip per intake, issue 20).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../people/policy.ts";
import type { AppContext } from "./context.ts";
import { redactUrl } from "./security-headers.ts";

export interface AuditedRoute {
  method: string;
  url: string;
  access: "public" | "user" | "staff";
  /** Audit every answer of this route, signed in or not (login). */
  audit?: boolean;
}

const signedInUser = new WeakMap<FastifyRequest, number>();

/** The user a request signed in (login sets it: the session cookie is only in the answer). */
export function auditUser(request: FastifyRequest, userId: number): void {
  signedInUser.set(request, userId);
}

const READS = new Set(["GET", "HEAD"]);

/** Whether this answer is audited, and under which action name. */
export function auditAction(route: AuditedRoute, actor: Actor | undefined, reply: FastifyReply): string | undefined {
  const status = reply.statusCode;
  if (status === 429) return undefined; // a flood of refused attempts is the rate limiter's, not the trail's
  if (route.audit) return `${route.method} ${route.url}`;
  if (!actor) return undefined;
  if (!READS.has(route.method)) return `${route.method} ${route.url}`;
  const type = String(reply.getHeader("content-type") ?? "");
  if (status < 400 && type && !type.startsWith("application/json")) return `download ${route.url}`;
  return undefined;
}

function bodyUsername(body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const username = (body as { username?: unknown }).username;
  return typeof username === "string" ? username.replaceAll("\u0000", "").slice(0, 100) : undefined;
}

/** The audit row of an answer with `status`: what auditRequest writes, or a handler writes itself. */
export interface AuditRow {
  at: Date;
  userId: number | null;
  action: string;
  subject: string;
  /** JSON text: the status, the address, the user agent (and the username a login names). */
  detail: string;
  /** The status the row records. */
  status: number;
}

function auditRowOf(
  ctx: AppContext,
  request: FastifyRequest,
  action: string,
  userId: number | null,
  status: number,
): AuditRow {
  const username = bodyUsername(request.body);
  const agent = request.headers["user-agent"];
  return {
    at: ctx.now(),
    status,
    userId,
    action,
    subject: redactUrl(request.url).slice(0, 500),
    detail: JSON.stringify({
      status,
      ip: request.ip,
      ...(username ? { username } : {}),
      ...(typeof agent === "string" ? { userAgent: agent.slice(0, 200) } : {}),
    }),
  };
}

/** The status of the audit row a handler wrote in its own statement (auditRequest then writes none). */
const writtenBy = new WeakMap<FastifyRequest, number>();

/**
 * The audit row a signed-in user's state-changing request will have if it is answered with `status`, for a
 * handler that writes it in its own statement (one round trip: intake). The handler calls auditWritten once that
 * statement has stored it; if the answer then leaves with another status (an error after the write),
 * auditRequest writes that answer's row too.
 */
export function plannedAudit(
  ctx: AppContext,
  route: AuditedRoute,
  request: FastifyRequest,
  actor: Actor,
  status: number,
): AuditRow {
  const action = route.audit || !READS.has(route.method) ? `${route.method} ${route.url}` : undefined;
  if (!action) throw new Error(`${route.method} ${route.url}: a read is audited as it is answered`);
  return auditRowOf(ctx, request, action, actor.userId, status);
}

export function auditWritten(request: FastifyRequest, row: AuditRow): void {
  writtenBy.set(request, row.status);
}

export async function auditRequest(
  ctx: AppContext,
  route: AuditedRoute,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (writtenBy.get(request) === reply.statusCode) return;
  const actor = await ctx.sessions.actorOf(request);
  const action = auditAction(route, actor, reply);
  if (!action) return;
  const row = auditRowOf(ctx, request, action, actor?.userId ?? signedInUser.get(request) ?? null, reply.statusCode);
  try {
    await ctx.database.db
      .insertInto("audit_log")
      .values({ at: row.at, user_id: row.userId, action, subject: row.subject, detail: row.detail })
      .execute();
  } catch (error) {
    request.log.error({ err: error, action }, "audit row not written");
  }
}
