// Answers of the staff dossier routes (routes/dossiers*.ts, presented by dossiers-present.ts): a summary in
// lists and queues, the full dossier (GET, intake, every action), the stock at this moment.
import { z } from "zod";
import type { Action } from "../../dossier/commands.ts";
import { CHANNELS, type Channel as ChannelName } from "../../dossier/record.ts";
import { type DossierStatus as Status, STATUSES } from "../../dossier/status.ts";
import { ACTIONS } from "../../dossier/table.ts";
import { Instant, pageOf } from "./common.ts";

export const DossierStatus = z.enum(STATUSES as [Status, ...Status[]]);
export const Channel = z.enum(CHANNELS as [ChannelName, ...ChannelName[]]);
export const ActionName = z.enum(ACTIONS as [Action, ...Action[]]);

const Named = z.object({ code: z.string(), name: z.string().nullish() });

/** The applicant as stored (intake, online submission); lists carry name, phone and ID number only. */
export const Applicant = z.object({
  name: z.string().optional(),
  idNumber: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
});
export type Applicant = z.infer<typeof Applicant>;

/** A stored file named in an event: id and content hash. */
export const Attachment = z.object({ id: z.string(), name: z.string().optional(), sha256: z.string().optional() });
export type Attachment = z.infer<typeof Attachment>;

/** One dossier in a list or queue (presentSummary). */
export const DossierSummary = z.object({
  code: z.string(),
  state: DossierStatus,
  /** The state's number in Decision 1085's list. */
  stateCode: z.number().optional(),
  stateName: z.string().optional(),
  procedure: z.object({
    code: z.string(),
    version: z.number().nullish(),
    name: z.string().nullish(),
    field: z.string().optional(),
  }),
  unit: Named.optional(),
  /** The unit handling it now (differs from `unit` after a transfer). */
  currentUnit: Named.optional(),
  channel: Channel,
  applicant: Applicant.optional(),
  submittedAt: Instant.nullish(),
  receivedAt: Instant.nullish(),
  /** The appointment on the receipt slip (never overwritten). */
  dueAt: Instant.nullish(),
  /** The deadline in force (moved by supplement resumptions). */
  deadlineAt: Instant.nullish(),
  /** The appointment after an extension; the original dueAt is never overwritten. */
  extendedDueAt: Instant.nullish(),
  assignee: z.string().nullish(),
  /** Remaining working time, computed by the server (negative when overdue). */
  remainingMinutes: z.number().nullish(),
  overdue: z.boolean().optional(),
  paused: z.boolean().optional(),
  endedAt: Instant.nullish(),
  finishClass: z.string().nullish(),
  revision: z.number().int().optional(),
  /** Actions the state allows but not to this user now, with the server's reason (src/dossier/available.ts). */
  unavailableActions: z.array(z.object({ action: ActionName, code: z.string(), message: z.string() })).optional(),
  /** What a supplement request offers: the procedure's components not handed in (required first). */
  supplementChoices: z.array(z.string()).optional(),
  /** Facts shown beside the dossier (src/dossier/queues.ts dossierFlags). */
  flags: z
    .object({
      repeatedSupplement: z.boolean().optional(),
      extraExtensions: z.boolean().optional(),
      lateApology: z.boolean().optional(),
    })
    .optional(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const DossierPage = pageOf(DossierSummary);
export type DossierPage = z.infer<typeof DossierPage>;

/** One entry of the dossier's log, with the actor's name. */
export const DossierEvent = z.object({
  seq: z.number().int().optional(),
  type: z.string(),
  at: Instant,
  actor: z
    .object({
      id: z.string().optional(),
      name: z.string().optional(),
      fullName: z.string().nullish(),
      role: z.string().optional(),
      unit: z.string().optional(),
    })
    .optional(),
  fromState: z.string().nullish(),
  toState: z.string().nullish(),
  reason: z.string().optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(Attachment).optional(),
});
export type DossierEvent = z.infer<typeof DossierEvent>;

/** A file linked to the dossier (content at GET /api/files/:id). */
export const DossierFile = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().optional(),
  sha256: z.string().optional(),
  component: z.string().nullish(),
  digitized: z.boolean().optional(),
  createdAt: Instant.optional(),
});
export type DossierFile = z.infer<typeof DossierFile>;

/** The full dossier for this user: GET /api/dossiers/:code, intake and every action answer. */
export const Dossier = DossierSummary.extend({
  revision: z.number().int(),
  lookupSecret: z.string().nullish(),
  events: z.array(DossierEvent),
  allowedActions: z.array(ActionName),
  /** Names of the components handed in (older rows may carry objects). */
  components: z.array(z.union([z.string(), z.object({ name: z.string() }).loose()])).optional(),
  timeLimit: z.unknown().optional(),
  fee: z.object({ amount: z.number(), paidOnline: z.boolean().optional() }).optional(),
  digitized: z.boolean().optional(),
  /** Kết quả điện tử (null when not recorded). */
  eResult: z.boolean().nullish(),
  /** Kết quả đã số hóa (null when not recorded). */
  resultDigitized: z.boolean().nullish(),
  supplementRequests: z.number().optional(),
  extensions: z.number().optional(),
  apologyAt: Instant.nullish(),
  /** Files linked to the dossier. */
  files: z.array(DossierFile).optional(),
  /** The assigned officer's name, whether or not that officer has acted yet. */
  assigneeName: z.string().nullish(),
  /** Staff named in the log (actors and assignees), by user id. */
  staffNames: z.record(z.string(), z.string()).optional(),
  /** Phiếu kiểm soát (form 06): GET /api/dossiers/:code/control-sheet has it alone. */
  controlSheet: z.object({ rows: z.array(z.record(z.string(), z.unknown())), outcome: z.unknown() }).optional(),
  /** An action's answer: whether it replayed an earlier outcome (Idempotency-Key). */
  replayed: z.boolean().optional(),
});
export type Dossier = z.infer<typeof Dossier>;

/** GET /api/dossiers/stock: open dossiers now, overdue or within the deadline (the overdue queue's count). */
export const DossierStock = z.object({
  unit: z.string().nullable(),
  /** The instant the figures are as of (now). */
  at: Instant,
  /** false: beyond the count cap the figures are the planner's estimate ("khoảng"). */
  exact: z.boolean(),
  open: z.number().int(),
  overdue: z.number().int(),
  withinDeadline: z.number().int(),
});
export type DossierStock = z.infer<typeof DossierStock>;

/** POST /api/dossiers/preview-appointment (and intake with dryRun): the appointment if received now. */
export const AppointmentPreview = z.object({
  unitCode: z.string(),
  procedure: z.object({ code: z.string(), version: z.number(), name: z.string(), field: z.string() }),
  /** The time limit in force (the province's override, else the national one). */
  limit: z.object({ value: z.number(), unit: z.string() }).loose(),
  receivedAt: Instant,
  dueAt: Instant,
  /** The procedure's fixed fees summed, in đồng. */
  fee: z.number(),
  components: z.array(z.object({ name: z.string() }).loose()),
});
export type AppointmentPreview = z.infer<typeof AppointmentPreview>;

/** POST /api/dossiers: the new dossier, or the appointment alone with dryRun. */
export const IntakeAnswer = z.union([Dossier, AppointmentPreview]);

/** POST /api/dossiers/import (CONTRACTS.md §2): what was read, imported, unchanged, rejected and why. */
export const DossierImportSummary = z.object({
  read: z.number().int(),
  imported: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  rejectedLines: z.array(
    z.object({ line: z.number().int(), code: z.string().optional(), reason: z.string(), message: z.string() }),
  ),
  /** More lines were rejected than listed. */
  rejectedLinesTruncated: z.boolean().optional(),
});
export type DossierImportSummary = z.infer<typeof DossierImportSummary>;

/** GET /api/dossiers/:code/control-sheet: phiếu kiểm soát (form 06), one row per hand-off. */
export const ControlSheetAnswer = z.object({
  code: z.string(),
  rows: z.array(
    z
      .object({
        step: z.number().nullable(),
        type: z.string(),
        at: Instant,
        receivedBy: z.string().nullable(),
        receivedAt: Instant.nullable(),
        stepEnd: Instant.nullable(),
        stepDeadline: Instant.nullable(),
      })
      .loose(),
  ),
  outcome: z.unknown(),
});

/** POST /api/files: the stored file (linked to a dossier when an action or intake names its id). */
export const StoredFile = z.object({
  id: z.string(),
  sha256: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  digitized: z.boolean(),
  component: z.string().nullable(),
});
export type StoredFile = z.infer<typeof StoredFile>;
