// What every route handler may use: the database, the unit directory, sessions, the clock.
import type { FastifyRequest } from "fastify";
import type { Database as Db } from "../db/engine.ts";
import type { ReadReplica } from "../db/read-replica.ts";
import type { UnitDirectory } from "../db/repos/units.ts";
import type { Actor } from "../people/policy.ts";
import type { RateLimiter, SlowDown } from "./rate-limit.ts";
import type { SessionCache } from "./session-cache.ts";

export const SESSION_COOKIE = "motcua_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface AppContext {
  database: Db;
  units: UnitDirectory;
  sessions: {
    actorOf(request: FastifyRequest): Promise<Actor | undefined>;
    /** This process ended or changed the user's sessions (other processes learn it from the database). */
    forgetUser(userId: number): void;
    /** Sessions are being remembered between requests (PostgreSQL, LISTEN connection up). */
    readonly caching: boolean;
  };
  limits: {
    /** Failed logins per address and account name. */
    login: RateLimiter;
    /** Failed logins per address, whatever the account. */
    loginAddress: RateLimiter;
    /** Failed logins per account from any address: a slow-down, never a lock-out. */
    loginAccount: SlowDown;
    lookup: RateLimiter;
    /** Online submissions per address and per applicant's identity number. */
    submissionAddress: RateLimiter;
    submissionIdentity: RateLimiter;
  };
  /** The server's time: live events carry it, so nothing done today lands in a closed period. */
  now(): Date;
  /** Base URL printed in QR codes and links (e.g. https://motcua.hue.gov.vn). */
  publicUrl: string;
  /** A hot standby for reports, lists, searches, lookups and exports (DATABASE_READ_URL; read-routes.ts). */
  reads?: ReadReplica;
}

const actorCache = new WeakMap<FastifyRequest, Promise<Actor | undefined>>();

export function sessionReader(sessions: SessionCache) {
  return {
    actorOf(request: FastifyRequest): Promise<Actor | undefined> {
      let pending = actorCache.get(request);
      if (!pending) {
        const token = request.cookies?.[SESSION_COOKIE];
        pending = token ? sessions.actorOf(token) : Promise.resolve(undefined);
        actorCache.set(request, pending);
      }
      return pending;
    },
    forgetUser: (userId: number) => sessions.forget(String(userId)),
    get caching() {
      return sessions.active;
    },
  };
}
