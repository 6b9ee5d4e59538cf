// Answers of the PAKN routes (routes/feedback.ts): the public face of an item has no sender's name or contact;
// the unit's staff see the sender and who answered.
import { z } from "zod";
import { Instant } from "./common.ts";

export const PublicFeedbackItem = z.object({
  id: z.number().int(),
  unit: z.object({ code: z.string(), name: z.string() }),
  procedureCode: z.string().nullable(),
  subject: z.string().nullable(),
  content: z.string(),
  createdAt: Instant,
  dueAt: Instant,
  answer: z.string().nullable(),
  answeredAt: Instant.nullable(),
});
export type PublicFeedbackItem = z.infer<typeof PublicFeedbackItem>;

export const StaffFeedbackItem = PublicFeedbackItem.extend({
  dossierCode: z.string().nullable(),
  sender: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  published: z.boolean(),
  answeredBy: z.number().int().nullable(),
});
export type StaffFeedbackItem = z.infer<typeof StaffFeedbackItem>;

/** POST /api/public/feedback: the item's number and when its answer is due. */
export const FeedbackReceipt = z.object({ id: z.number().int(), dueAt: Instant });
export const PublicFeedbackList = z.object({ items: z.array(PublicFeedbackItem), total: z.number().int() });
export type PublicFeedbackList = z.infer<typeof PublicFeedbackList>;
export const StaffFeedbackList = z.object({ items: z.array(StaffFeedbackItem), total: z.number().int() });
