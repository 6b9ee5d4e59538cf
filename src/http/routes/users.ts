import { z } from "zod";
import { createUser, findUserByUsername } from "../../db/repos/people.ts";
import { listUsersOfUnits } from "../../db/repos/staff-directory.ts";
import { passwordWeakness } from "../../people/passwords.ts";
import { can, STAFF_ROLES, type StaffRole, scopeRoots } from "../../people/policy.ts";
import { conflict, forbidden, notFound, validationFailed } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { CreatedUser, StaffUserList } from "../schemas/people.ts";

export const listUsers = defineRoute({
  method: "GET",
  url: "/api/users",
  summary: "Người dùng của một đơn vị và các đơn vị trực thuộc",
  tags: ["users"],
  access: "staff",
  response: StaffUserList,
  query: z.object({ unit: z.string().min(1, "Chọn đơn vị") }),
  async handler({ ctx, actor, query }) {
    const units = await ctx.units.fresh();
    if (!units.find(query.unit)) throw notFound(`đơn vị ${query.unit}`);
    if (!can(actor, "user.manage", query.unit, units.parentOf)) throw forbidden();
    const users = await listUsersOfUnits(ctx.database.db, units.subtree(query.unit));
    return { users, scope: scopeRoots(actor!, "user.manage") };
  },
});

export const NewStaffUser = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._@-]{3,64}$/, "Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch"),
  fullName: z.string().trim().min(1, "Nhập họ và tên").max(200),
  password: z.string(),
  unitCode: z.string().min(1, "Chọn đơn vị"),
  roles: z.array(z.enum(STAFF_ROLES, { message: "Vai trò không hợp lệ" })).min(1, "Chọn ít nhất một vai trò"),
  phone: z
    .string()
    .regex(/^0\d{9}$/, "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0")
    .optional(),
  email: z.email("Thư điện tử không hợp lệ").optional(),
});

export const addUser = defineRoute({
  method: "POST",
  url: "/api/users",
  summary: "Tạo tài khoản cán bộ",
  tags: ["users"],
  access: "staff",
  response: CreatedUser,
  body: NewStaffUser,
  async handler({ ctx, actor, body }) {
    const units = await ctx.units.fresh();
    if (!units.find(body.unitCode)) throw validationFailed([{ name: "unitCode", reason: "Đơn vị không tồn tại" }]);
    if (!can(actor, "user.manage", body.unitCode, units.parentOf)) throw forbidden();
    const weakness = passwordWeakness(body.password, body.username);
    if (weakness) throw validationFailed([{ name: "password", reason: weakness }]);
    if (await findUserByUsername(ctx.database.db, body.username)) {
      throw conflict("username-taken", `Tên đăng nhập "${body.username}" đã được dùng.`);
    }
    const id = await createUser(
      ctx.database.db,
      {
        ...body,
        kind: "staff",
        grants: body.roles.map((role: StaffRole) => ({ role, unitCode: body.unitCode })),
      },
      (code) => units.provinceOf(code),
    );
    return { id, username: body.username };
  },
});
