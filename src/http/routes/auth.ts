import { z } from "zod";
import { createSession, deleteSession, findUserByUsername, grantsOf } from "../../db/repos/people.ts";
import { hashPassword, passwordWeakness, verifyPassword, verifyAgainstNobody } from "../../people/passwords.ts";
import { SESSION_COOKIE, SESSION_TTL_MS } from "../context.ts";
import { ApiError, tooManyRequests, validationFailed } from "../errors.ts";
import { auditUser } from "../request-audit.ts";
import { defineRoute } from "../route.ts";
import { presentMe } from "./presenters.ts";
import { Done, UserAnswer } from "../schemas/people.ts";

const Login = z.object({
  username: z.string().trim().toLowerCase().min(1, "Nhập tên đăng nhập"),
  password: z.string().min(1, "Nhập mật khẩu"),
});

const badCredentials = () =>
  new ApiError(401, "invalid-credentials", "Đăng nhập không thành công", "Tên đăng nhập hoặc mật khẩu không đúng.");

export const login = defineRoute({
  method: "POST",
  url: "/api/auth/login",
  summary: "Đăng nhập",
  tags: ["auth"],
  access: "public",
  response: UserAnswer,
  audit: true, // failed logins too: who tried which account, from where
  body: Login,
  async handler({ body, ctx, request, reply }) {
    const { login, loginAddress, loginAccount } = ctx.limits;
    const key = `${request.ip}|${body.username}`;
    const wait = Math.max(login.blocked(key), loginAddress.blocked(request.ip), loginAccount.wait(body.username));
    if (wait) throw tooManyRequests(wait);
    const user = await findUserByUsername(ctx.database.db, body.username);
    // an unknown name costs the same hash as a known one: the answer's timing does not tell which names exist
    const matches = user
      ? await verifyPassword(body.password, user.password_hash)
      : await verifyAgainstNobody(body.password);
    if (!user?.active || !matches) {
      login.hit(key);
      loginAddress.hit(request.ip);
      loginAccount.fail(body.username);
      throw badCredentials();
    }
    login.reset(key);
    loginAccount.reset(body.username);
    auditUser(request, user.id);
    const token = await createSession(ctx.database.db, user.id, SESSION_TTL_MS);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: request.protocol === "https",
      path: "/",
      maxAge: SESSION_TTL_MS / 1000,
    });
    return { user: presentMe(ctx, user, await grantsOf(ctx.database.db, user.id)) };
  },
});

export const logout = defineRoute({
  method: "POST",
  url: "/api/auth/logout",
  summary: "Đăng xuất",
  tags: ["auth"],
  access: "user",
  response: Done,
  async handler({ ctx, actor, request, reply }) {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await deleteSession(ctx.database.db, token);
      ctx.sessions.forgetUser(actor!.userId); // at once here; other processes hear it from the database
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true };
  },
});

export const me = defineRoute({
  method: "GET",
  url: "/api/auth/me",
  summary: "Tài khoản đang đăng nhập",
  tags: ["auth"],
  access: "user",
  response: UserAnswer,
  async handler({ ctx, actor }) {
    const user = await findUserByUsername(ctx.database.db, actor!.username);
    return { user: presentMe(ctx, user!, actor!.grants) };
  },
});

export const changePassword = defineRoute({
  method: "POST",
  url: "/api/auth/password",
  summary: "Đổi mật khẩu",
  tags: ["auth"],
  access: "user",
  response: Done,
  body: z.object({ currentPassword: z.string().min(1, "Nhập mật khẩu hiện tại"), newPassword: z.string() }),
  async handler({ body, ctx, actor }) {
    const user = await findUserByUsername(ctx.database.db, actor!.username);
    if (!user || !(await verifyPassword(body.currentPassword, user.password_hash))) {
      throw validationFailed([{ name: "currentPassword", reason: "Mật khẩu hiện tại không đúng" }]);
    }
    const weakness = passwordWeakness(body.newPassword, user.username);
    if (weakness) throw validationFailed([{ name: "newPassword", reason: weakness }]);
    await ctx.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ password_hash: await hashPassword(body.newPassword), password_changed_at: new Date() })
        .where("id", "=", user.id)
        .execute();
      // every other session of this user ends with the old password
      await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    });
    ctx.sessions.forgetUser(user.id);
    return { ok: true, reloginRequired: true };
  },
});
