// `motcua national`: the national roll-up by PostgreSQL logical replication (docs/deploy-national.md). On a
// province database: publish | unpublish. On the national database: subscribe | unsubscribe | status.
// One JSON line on stdout per command; a refusal prints its reason on stderr, exit 1; usage errors exit 2.
import type { Database } from "../../db/engine.ts";
import { publishProvince, RollupError, unpublishProvince } from "../../db/rollup/publish.ts";
import { rollupStatus, subscribeProvince, unsubscribeProvince, waitForCatchUp } from "../../db/rollup/subscribe.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary =
  "tổng hợp toàn quốc bằng sao chép logic / national roll-up (motcua national publish|subscribe|status)";

export const help = `Usage:
  motcua national publish                         trên CSDL của tỉnh: xuất bản số liệu cho cấp quốc gia
  motcua national unpublish                       trên CSDL của tỉnh: bỏ xuất bản
  motcua national subscribe --province-url URL [--name N] [--no-copy]
                                                  trên CSDL quốc gia: nhận số liệu của một tỉnh
  motcua national unsubscribe NAME                trên CSDL quốc gia: thôi nhận (xóa cả slot ở tỉnh)
  motcua national status [--wait SECONDS] [--format json|text]
                                                  trên CSDL quốc gia: tình trạng từng tỉnh; --wait chờ đồng bộ xong
PostgreSQL 15 only (DATABASE_URL); a province's server runs with wal_level = logical. What is published (no
personal data), why truncate is never published and how to add a province: docs/deploy-national.md.
Exit 0 done, 1 refused (the reason on stderr), 2 usage error.`;

function postgresOnly(database: Database): void {
  if (database.engine !== "postgres") {
    throw new CliFailure("Tổng hợp toàn quốc cần PostgreSQL (đặt DATABASE_URL), không dùng cơ sở dữ liệu nhúng", 2);
  }
}

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RollupError) throw new CliFailure(`${error.message} [${error.code}]`, 1);
    throw error;
  }
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "publish":
    case "unpublish":
      return publishCommand(sub, rest);
    case "subscribe":
      return subscribeCommand(rest);
    case "unsubscribe":
      return unsubscribeCommand(rest);
    case "status":
      return statusCommand(rest);
    default:
      throw new UsageError(help);
  }
}

async function publishCommand(sub: "publish" | "unpublish", args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, dataOption, false);
  return withDatabase(values.data, async (database) => {
    postgresOnly(database);
    if (sub === "unpublish") print({ dropped: await unpublishProvince(database.db) });
    else print(await refusing(() => publishProvince(database.db)));
    return 0;
  });
}

async function subscribeCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { ...dataOption, "province-url": { type: "string" }, name: { type: "string" }, "no-copy": { type: "boolean" } },
    false,
  );
  const url = values["province-url"];
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new UsageError(`--province-url postgres://… is required\n${help}`);
  return withDatabase(values.data, async (database) => {
    postgresOnly(database);
    const result = await refusing(() =>
      subscribeProvince(database.db, url, { name: values.name, copyData: values["no-copy"] !== true }),
    );
    print(result);
    return 0;
  });
}

async function unsubscribeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, dataOption);
  if (positionals.length !== 1) throw new UsageError(`give the subscription name\n${help}`);
  return withDatabase(values.data, async (database) => {
    postgresOnly(database);
    await refusing(() => unsubscribeProvince(database.db, positionals[0]!));
    print({ dropped: positionals[0] });
    return 0;
  });
}

async function statusCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { ...dataOption, wait: { type: "string" }, format: { type: "string" } },
    false,
  );
  const format = values.format ?? "json";
  if (format !== "json" && format !== "text") throw new UsageError("--format must be json or text");
  if (values.wait !== undefined && !/^\d+$/.test(values.wait)) throw new UsageError("--wait must be whole seconds");
  return withDatabase(values.data, async (database) => {
    postgresOnly(database);
    if (values.wait !== undefined) await refusing(() => waitForCatchUp(database.db, Number(values.wait) * 1000));
    const status = await rollupStatus(database.db);
    if (format === "json") print({ subscriptions: status });
    else {
      for (const s of status) {
        const lag = s.lagBytes === null ? "không kết nối được tỉnh" : `chậm ${s.lagBytes} byte`;
        process.stdout.write(
          `${s.name}\t${s.enabled ? "đang nhận" : "tạm dừng"}\tbảng ${s.tablesReady}/${s.tables}\t${lag}\tlỗi ${s.applyErrors + s.syncErrors}\n`,
        );
      }
    }
    return 0;
  });
}
