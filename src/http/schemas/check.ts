// Tests hold every route to the 200 answer it declares (`response` on defineRoute): the answer as the client
// reads it (JSON, dates as strings) must parse against the schema. Production never pays for it: the switch is
// turned on by startTestApp (testing.ts) only. Serialization never goes through the schema, so a field the
// schema does not name still reaches the client; the check catches a named field gone missing or changed.
import type { z } from "zod";
import { ApiError } from "../errors.ts";

export const responseChecks = { enabled: false };

/**
 * Throws a 500 `response-shape` problem naming the route and the first fields at fault when `result`,
 * serialized as the client receives it, does not parse against `schema`.
 */
export function checkResponse(route: { method: string; url: string }, schema: z.ZodType, result: unknown): void {
  if (result === undefined || Buffer.isBuffer(result) || typeof result === "string") return;
  const parsed = schema.safeParse(JSON.parse(JSON.stringify(result)));
  if (parsed.success) return;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  const detail = `${route.method} ${route.url}: the answer does not match its schema — ${issues.join("; ")}`;
  throw new ApiError(500, "response-shape", "Câu trả lời không đúng lược đồ đã khai báo", detail);
}
