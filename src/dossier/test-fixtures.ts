// Shared by the tests: simple deadline arithmetic, actors, and a dossier driven into each phase.
import type { DossierCommand } from "./commands.ts";
import { type DossierDeps, decide } from "./decide.ts";
import type { LifecycleEvent } from "./events.ts";
import { type DossierState, INITIAL_STATE, evolve } from "./evolve.ts";
import type { Actor, Phase, Role } from "./status.ts";

const HOUR = 3_600_000;
export const T0 = new Date("2026-03-02T09:00:00+07:00");
export const hours = (n: number): Date => new Date(T0.getTime() + n * HOUR);

/** Limits in hours of plain elapsed time; a pause moves the deadline by its length. */
export const deps: DossierDeps<number> = {
  appointment: (at, limit) => new Date(at.getTime() + limit * HOUR),
  resume: (dueAt, pausedAt, resumedAt) => new Date(dueAt.getTime() + (resumedAt.getTime() - pausedAt.getTime())),
};

export const UNIT = "H57.12";
export const actor = (role: Role, id = `u-${role}`): Actor => ({ id, role, unit: role === "citizen" ? "" : UNIT });

export interface Run {
  state: DossierState;
  log: LifecycleEvent[];
  at: number;
}

/** Applies commands one hour apart; throws on a refusal (a fixture must be legal). */
export function run(
  steps: [DossierCommand<number>, Role][],
  start: Run = { state: INITIAL_STATE, log: [], at: 0 },
): Run {
  let { state, at } = start;
  const log = [...start.log];
  for (const [command, role] of steps) {
    at += 1;
    const d = decide(state, command, actor(role), hours(at), deps);
    if ("error" in d) throw new Error(`${command.action} by ${role} in ${state.status}: ${d.error.code}`);
    for (const e of d.events) {
      log.push(e);
      state = evolve(state, e);
    }
  }
  return { state, log, at };
}

export const receive: DossierCommand<number> = {
  action: "receive",
  channel: "direct",
  unit: UNIT,
  receiptNo: "H57.12-260302-0001",
  limit: 24,
};
const submit: DossierCommand<number> = { action: "submit_online", channel: "online_full", unit: UNIT };
const assign: DossierCommand<number> = { action: "assign", assignee: "u-officer" };
const start: DossierCommand<number> = { action: "start_processing" };
const resolve: DossierCommand<number> = { action: "resolve", result: { record: "Bản sao đã chứng thực số 12" } };

/** A dossier in each phase, reached by legal commands. */
export function inPhase(phase: Phase): Run {
  switch (phase) {
    case "initial":
      return run([]);
    case "submitted":
      return run([[submit, "citizen"]]);
    case "received":
      return run([[receive, "front_desk"]]);
    case "refused":
      return run([
        [{ action: "refuse", reason: "Không thuộc thẩm quyền", channel: "direct", unit: UNIT }, "front_desk"],
      ]);
    case "processing":
      return run([
        [receive, "front_desk"],
        [assign, "leader"],
        [start, "officer"],
        [{ action: "propose_result", attachments: [{ id: "f-draft" }] }, "officer"],
      ]);
    case "awaiting_supplement":
      return run([
        [receive, "front_desk"],
        [{ action: "request_supplement", missing: ["Bản chính giấy khai sinh"] }, "front_desk"],
      ]);
    case "awaiting_payment":
      return run([
        [receive, "front_desk"],
        [{ action: "request_payment", amount: 50_000 }, "officer"],
      ]);
    case "withdrawn":
      return run([
        [receive, "front_desk"],
        [{ action: "withdraw", reason: "Người nộp xin rút" }, "citizen"],
      ]);
    case "stopped":
      return run([
        [receive, "front_desk"],
        [{ action: "stop", reason: "Có tranh chấp" }, "leader"],
      ]);
    case "resolved":
      return run([
        [receive, "front_desk"],
        [resolve, "front_desk"],
      ]);
    case "declined":
      return run([
        [receive, "front_desk"],
        [{ action: "decline", reason: "Không đủ điều kiện giải quyết" }, "officer"],
      ]);
    case "returned":
      return run([
        [receive, "front_desk"],
        [resolve, "front_desk"],
        [{ action: "return", via: "direct", handover: { record: "Ký nhận sổ theo dõi" } }, "front_desk"],
      ]);
    default: {
      const _: never = phase;
      return _;
    }
  }
}
