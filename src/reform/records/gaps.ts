// What an appraiser would mark down for want of proof (seed 003: "no task list with outputs", "plans merged into
// one file", "no evidence"): plans without their own file, plans sharing one file, tasks done without a file of
// their output or evidence, records without evidence. Each gap has a stable code and a Vietnamese sentence.
import type { Task } from "./model.ts";
import { PLAN_KINDS, type Plan, RECORD_KINDS, type ReformRecord } from "./model.ts";

export interface Gap {
  code: "plan-without-file" | "plans-share-file" | "task-without-proof" | "record-without-evidence";
  subject: { what: "plan" | "task" | "record"; id: number };
  message: string;
}

type WithId<T> = T & { id: number };

export function evidenceGaps(
  plans: readonly WithId<Plan>[],
  tasks: readonly WithId<Task>[],
  records: readonly WithId<ReformRecord>[],
): Gap[] {
  const gaps: Gap[] = [];
  const byFile = new Map<string, WithId<Plan>[]>();
  for (const plan of plans) {
    const name = `${PLAN_KINDS[plan.kind]} số ${plan.number}`;
    if (!plan.fileId)
      gaps.push({ code: "plan-without-file", subject: { what: "plan", id: plan.id }, message: `${name} chưa có tệp` });
    else byFile.set(plan.fileId, [...(byFile.get(plan.fileId) ?? []), plan]);
  }
  for (const shared of byFile.values()) {
    if (shared.length < 2) continue;
    const names = shared.map((p) => p.number).join(", ");
    for (const plan of shared)
      gaps.push({
        code: "plans-share-file",
        subject: { what: "plan", id: plan.id },
        message: `Kế hoạch ${names} dùng chung một tệp: mỗi kế hoạch cần tệp riêng`,
      });
  }
  const planNumber = new Map(plans.map((p) => [p.id, p.number]));
  for (const task of tasks) {
    if (!task.completedOn || task.output?.fileId || task.evidence.length) continue;
    gaps.push({
      code: "task-without-proof",
      subject: { what: "task", id: task.id },
      message: `Nhiệm vụ ${task.ordinal} của kế hoạch ${planNumber.get(task.planId) ?? ""} đã hoàn thành nhưng chưa có tệp văn bản đầu ra hay tài liệu kiểm chứng`,
    });
  }
  for (const record of records) {
    if (record.evidence.length) continue;
    gaps.push({
      code: "record-without-evidence",
      subject: { what: "record", id: record.id },
      message: `${RECORD_KINDS[record.kind]} ngày ${record.on.split("-").reverse().join("/")} chưa có tài liệu kiểm chứng`,
    });
  }
  return gaps;
}
