// Limits on anonymous online submissions (docs/security.md): per address and per applicant's identity in the
// hour (process memory), and a daily quota per applicant counted in the database (it holds across restarts
// and instances).
import { sql } from "kysely";
import { localDate } from "../../calendar/index.ts";
import type { Applicant } from "../../db/repos/dossiers/applicant.ts";
import { normalizePhone } from "../../dossier/identity.ts";
import type { AppContext } from "../context.ts";
import { tooManyRequests } from "../errors.ts";

/** Online submissions one applicant (ID number, tax code or phone) may make in a local day. */
export const DAILY_SUBMISSIONS_PER_APPLICANT = 10;

/** The keys an applicant is known by: each is limited on its own, so changing one does not escape the others. */
export function identityKeys(applicant: Applicant): string[] {
  const keys: string[] = [];
  const id = applicant.idNumber?.trim();
  if (id) keys.push(`id:${id}`);
  const tax = applicant.taxCode?.trim();
  if (tax) keys.push(`tax:${tax}`);
  const phone = applicant.phone ? normalizePhone(applicant.phone) : undefined;
  if (phone) keys.push(`phone:${phone}`);
  return keys;
}

/** Online submissions today (local day) by any of the applicant's identity numbers or phone. */
async function submittedToday(ctx: AppContext, applicant: Applicant): Promise<number> {
  const id = applicant.idNumber?.trim();
  const tax = applicant.taxCode?.trim();
  const phone = applicant.phone ? normalizePhone(applicant.phone) : undefined;
  if (!id && !tax && !phone) return 0;
  const dayStart = new Date(`${localDate(ctx.now())}T00:00:00+07:00`);
  const row = await ctx.database.db
    .selectFrom("dossiers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("channel", "in", ["online_full", "online_partial"])
    .where("submitted_at", ">=", dayStart)
    .where((eb) =>
      eb.or([
        ...(id ? [eb(sql`applicant->>'idNumber'`, "=", id)] : []),
        ...(tax ? [eb(sql`applicant->>'taxCode'`, "=", tax)] : []),
        ...(phone ? [eb("applicant_phone", "=", phone)] : []),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts one submission against the address and the applicant; 429 when over a limit or the daily quota. */
export async function limitSubmission(ctx: AppContext, ip: string, applicant: Applicant): Promise<void> {
  const { submissionAddress, submissionIdentity } = ctx.limits;
  const wait = Math.max(
    submissionAddress.hit(`ip:${ip}`),
    ...identityKeys(applicant).map((key) => submissionIdentity.hit(key)),
  );
  if (wait > 0) {
    throw tooManyRequests(wait, `Đã nộp quá nhiều hồ sơ trong thời gian ngắn. Vui lòng thử lại sau ${wait} giây.`);
  }
  if ((await submittedToday(ctx, applicant)) >= DAILY_SUBMISSIONS_PER_APPLICANT) {
    const now = ctx.now();
    const tomorrow = new Date(`${localDate(now)}T00:00:00+07:00`).getTime() + 24 * 3600_000;
    const seconds = Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000));
    throw tooManyRequests(
      seconds,
      `Mỗi người nộp chỉ được nộp ${DAILY_SUBMISSIONS_PER_APPLICANT} hồ sơ trực tuyến trong một ngày. Vui lòng nộp tiếp vào ngày mai hoặc đến bộ phận một cửa.`,
    );
  }
}
