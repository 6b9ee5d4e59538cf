// The internal steps of the demo's open dossiers (giao xử lý, bắt đầu xử lý): the interchange format carries
// only what other systems exchange, so the demo adds these through the lifecycle service after the import, as
// the unit's leader and officer would have done. Pure: the same records, staff, day and seed give the same steps.
import type { DossierRecord } from "../dossier/record.ts";
import { Random } from "./random.ts";
import type { DemoUser } from "./staff.ts";

const MINUTE = 60_000;

export interface WorkflowStep {
  code: string;
  action: "assign" | "start_processing";
  at: Date;
  /** Username of the demo account acting. */
  actor: string;
  /** assign: the username of the officer given the dossier. */
  assignee?: string;
}

/**
 * Open dossiers still at their receiving unit and not awaiting the applicant: most are assigned by the unit's
 * leader to its officer some minutes to hours after their last event, and most of those are then started by
 * the officer — so the officer's "mine" queue and the control sheets have real hand-offs. Steps never reach
 * `today`; a dossier whose next step would is left where it is (it just arrived).
 */
export function demoWorkflow(
  records: readonly DossierRecord[],
  staff: readonly DemoUser[],
  today: Date,
  seed: number,
): WorkflowStep[] {
  const random = new Random((seed ^ 0x5eed) >>> 0);
  const roleAt = new Map(staff.filter((u) => u.role && u.unitCode).map((u) => [`${u.unitCode}|${u.role}`, u.username]));
  const steps: WorkflowStep[] = [];
  for (const record of records) {
    if (!isWaitingForStaff(record)) continue;
    const leader = roleAt.get(`${record.unit.code}|leader`);
    const officer = roleAt.get(`${record.unit.code}|officer`);
    if (!leader || !officer || !random.chance(0.9)) continue;
    const last = record.events.at(-1)?.at ?? record.receivedAt!;
    const assignedAt = new Date(last.getTime() + random.int(15, 180) * MINUTE);
    if (assignedAt >= today) continue;
    steps.push({ code: record.code, action: "assign", at: assignedAt, actor: leader, assignee: officer });
    const startedAt = new Date(assignedAt.getTime() + random.int(10, 300) * MINUTE);
    if (startedAt >= today || !random.chance(0.8)) continue;
    steps.push({ code: record.code, action: "start_processing", at: startedAt, actor: officer });
  }
  return steps;
}

/** Received, not ended, never transferred away, and not awaiting a supplement. */
function isWaitingForStaff(record: DossierRecord): boolean {
  if (!record.receivedAt) return false;
  const ended = record.events.some((e) =>
    ["resolved", "declined", "returned", "withdrawn", "stopped"].includes(e.type),
  );
  if (ended || record.events.some((e) => e.type === "transferred")) return false;
  const lastSupplement = record.events.findLast((e) => e.type.startsWith("supplement_"));
  return lastSupplement?.type !== "supplement_requested";
}
