// Which API reads may be served by a hot standby (DATABASE_READ_URL; docs/deploy-replicas.md), and the wrapper
// route.ts runs every handler through: a listed GET goes where ReadReplica says (the standby unless it is down,
// lagging, or behind the reader's own last write), and runs again on the primary if the standby fails it;
// any other request runs on the primary and, when it may have written, notes the primary's WAL position for
// its author before the answer leaves, so that author's next reads wait for it.
import type { FastifyReply, FastifyRequest } from "fastify";
import { formatLsn, parseLsn } from "../db/read-routing.ts";
import type { Actor } from "../people/policy.ts";
import type { AppContext } from "./context.ts";
import { ApiError } from "./errors.ts";

/** Reports, lists, searches, lookups and exports: GET routes (their declared url) read from the standby. */
export const REPLICA_READS: ReadonlySet<string> = new Set([
  // reports
  "/api/reports/results",
  "/api/reports/results/dossiers",
  "/api/reports/channels",
  "/api/reports/late",
  "/api/reports/indicators",
  "/api/reports/satisfaction",
  "/api/reports/feedback",
  "/api/reports/results/appendix",
  "/api/reports/channels/appendix",
  "/api/reports/late/appendix",
  "/api/reports/satisfaction/appendix",
  "/api/ratings/officers",
  "/api/reform/index/scorecard",
  "/api/reform/index/ranking",
  // lists and searches
  "/api/dossiers",
  "/api/dossiers/stock",
  "/api/procedures",
  "/api/feedback",
  // the citizen's lookup and the public figures
  "/api/public/lookup",
  "/api/public/statistics",
  "/api/public/apologies",
  // exports
  "/api/dossiers/export",
  "/api/procedures/export",
  "/api/units/export",
  "/api/reform/export",
]);

/**
 * The WAL position of the client's last write, carried by a cookie so that read-your-writes holds across server
 * processes (a load balancer may send the read to another one). A client can only hurt itself with it: a
 * made-up position sends its own reads to the primary, a dropped cookie leaves the per-process note.
 */
export const WAL_COOKIE = "motcua_wal";

function walCookieOf(request: FastifyRequest): bigint {
  const value = request.cookies?.[WAL_COOKIE];
  if (!value) return 0n;
  try {
    return parseLsn(value);
  } catch {
    return 0n;
  }
}

/** Whose reads a request's writes must be visible to: the signed-in user, else the client's address. */
export function readerOf(actor: Actor | undefined, request: FastifyRequest): string {
  return actor ? `user:${actor.userId}` : `address:${request.ip}`;
}

/**
 * Runs a GET handler on the database it should read from; anything else runs on the primary. A listed read
 * that fails on the standby for a reason of the standby's runs again on the primary: a read changes nothing.
 */
export async function runRouted<T>(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor | undefined,
  handler: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  const reads = ctx.reads;
  if (!reads || request.method !== "GET" || !REPLICA_READS.has(request.routeOptions.url ?? "")) return handler(ctx);
  const database = await reads.choose(readerOf(actor, request), walCookieOf(request));
  if (database === ctx.database) return handler(ctx);
  try {
    return await handler({ ...ctx, database });
  } catch (error) {
    // an answer the handler chose (404, 403, a validation problem) stands; a failure of the standby does not
    if (error instanceof ApiError || reply.sent) throw error;
    reads.failed(error);
    return handler(ctx);
  }
}

/**
 * Called as the answer to a request that may have written (any method but GET/HEAD/OPTIONS) is about to leave,
 * whatever its outcome: the author's reads then wait until the standby has replayed the primary's WAL position.
 */
export async function noteWriteOf(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const reads = ctx.reads;
  if (!reads || request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return;
  const lsn = await reads.noteWrite(readerOf(await ctx.sessions.actorOf(request), request));
  if (lsn === undefined) return;
  // past the lag limit the standby is not read anyway, and within it the write has been replayed: no longer needed
  reply.setCookie(WAL_COOKIE, formatLsn(lsn), {
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    path: "/",
    maxAge: Math.ceil(reads.maxLagMs / 1000) + 1,
  });
}
