// Building blocks of the response schemas: instants, pages, shares. Response schemas describe what a client
// reads (JSON: instants are strings); objects are open (a field added later does not break an older reader).
import { z } from "zod";

/** An instant as the API writes it: ISO 8601 with an offset (+07:00 for dossiers, Z where a Date is serialized). */
export const Instant = z.string().describe("Thời điểm ISO 8601 (YYYY-MM-DDTHH:mm:ss+07:00 hoặc …Z)");
/** A calendar date, YYYY-MM-DD. */
export const DateText = z.string().describe("Ngày YYYY-MM-DD");

/** A share with the counts it comes from (src/figures/ratio.ts); value null without a denominator. */
export const Ratio = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
});
export type Ratio = z.infer<typeof Ratio>;

/** A page of `item`: `total` (estimated past 1,000 staff dossiers when totalExact is false), keyset cursor. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** false: `total` is an estimate (staff lists past 1,000 dossiers). */
    totalExact: z.boolean().optional(),
    /** Keyset paging: the cursor of the next page, null on the last one. */
    nextCursor: z.string().nullable().optional(),
    page: z.number().int().optional(),
    pageSize: z.number().int().optional(),
  });
}

/** A page of any item type, for clients that name the item themselves. */
export type Page<T> = Omit<z.infer<ReturnType<typeof pageOf<z.ZodUnknown>>>, "items"> & { items: T[] };

/** An answer with no body (204): the handler returns null. */
export const NoContent = z.null().describe("Không có nội dung (204)");

/** A value as a client reads it once serialized: instants (Date) become strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
