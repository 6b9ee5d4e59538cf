// GET /api/auth/session: who is signed in, or nobody — always 200, so that every public page's probe for a
// session does not log a 401 in the citizen's browser console (issue 15). /api/auth/me stays for programs that
// want the 401.
import { findUserByUsername } from "../../db/repos/people.ts";
import { defineRoute } from "../route.ts";
import { presentMe } from "./presenters.ts";
import { SessionAnswer } from "../schemas/people.ts";

export const getSession = defineRoute({
  method: "GET",
  url: "/api/auth/session",
  summary: "Phiên đăng nhập hiện tại (user: null khi chưa đăng nhập)",
  tags: ["auth"],
  access: "public",
  response: SessionAnswer,
  async handler({ ctx, actor }) {
    if (actor?.kind !== "staff") return { user: null };
    const user = await findUserByUsername(ctx.database.db, actor.username);
    return { user: user ? presentMe(ctx, user, actor.grants) : null };
  },
});
