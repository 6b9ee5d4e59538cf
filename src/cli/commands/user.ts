import { createUser, findUserByUsername } from "../../db/repos/people.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { passwordWeakness } from "../../people/passwords.ts";
import { STAFF_ROLES, type StaffRole } from "../../people/policy.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary = "manage user accounts (motcua user add …)";

export const help = `Usage: motcua user add --username NAME --name "Họ và tên" [--unit CODE --role ROLE…] [--superuser] [--password P]
  The password can also come from the MOTCUA_PASSWORD environment variable.
  Roles: ${STAFF_ROLES.join(", ")}. The first administrator of a deployment: --superuser.`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError(help);
  const { values } = parseCommandArgs(
    rest,
    {
      ...dataOption,
      username: { type: "string" },
      name: { type: "string" },
      unit: { type: "string" },
      role: { type: "string", multiple: true },
      superuser: { type: "boolean", default: false },
      password: { type: "string" },
    },
    false,
  );
  const password = values.password ?? process.env.MOTCUA_PASSWORD;
  if (!values.username || !values.name || !password)
    throw new UsageError(`--username, --name and a password are required\n${help}`);
  const weakness = passwordWeakness(password, values.username);
  if (weakness) throw new UsageError(weakness);
  const roles = (values.role ?? []) as StaffRole[];
  for (const role of roles) if (!STAFF_ROLES.includes(role)) throw new UsageError(`unknown role "${role}"`);
  if (roles.length && !values.unit) throw new UsageError("--role needs --unit");
  if (!values.superuser && !roles.length) throw new UsageError("give --role (with --unit) or --superuser");
  return withDatabase(values.data, async (database) => {
    const units = new UnitDirectory(database.db);
    await units.refresh();
    if (values.unit && !units.find(values.unit)) throw new CliFailure(`Không có đơn vị ${values.unit}`, 2);
    if (await findUserByUsername(database.db, values.username!.toLowerCase())) {
      throw new CliFailure(`Tên đăng nhập "${values.username}" đã tồn tại`, 2);
    }
    const id = await createUser(
      database.db,
      {
        username: values.username!.toLowerCase(),
        fullName: values.name!,
        password,
        kind: "staff",
        unitCode: values.unit ?? null,
        isSuperuser: values.superuser,
        grants: roles.map((role) => ({ role, unitCode: values.unit! })),
      },
      (code) => units.provinceOf(code),
    );
    process.stdout.write(`${JSON.stringify({ id, username: values.username!.toLowerCase() })}\n`);
    return 0;
  });
}
