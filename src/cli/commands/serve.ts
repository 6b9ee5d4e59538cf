import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildApp } from "../../http/app.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, openCommandDatabase } from "../database.ts";
import { UsageError } from "../errors.ts";

export const summary = "start the web application and the API";

const WEB_BUILDER = fileURLToPath(new URL("../../../web/build.ts", import.meta.url));

/** Builds the web app on first start (or after a change), when its sources are present. */
async function webDist(): Promise<string | undefined> {
  if (!existsSync(WEB_BUILDER)) return undefined;
  const { ensureWebBuilt } = (await import(WEB_BUILDER)) as { ensureWebBuilt(): Promise<string> };
  return ensureWebBuilt();
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      ...dataOption,
      port: { type: "string", default: process.env.PORT ?? "3000" },
      host: { type: "string", default: "127.0.0.1" },
      "public-url": { type: "string" },
    },
    false,
  );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port ${values.port}`);
  const database = await openCommandDatabase(values.data);
  const dist = await webDist();
  const publicUrl = values["public-url"] ?? process.env.MOTCUA_PUBLIC_URL ?? `http://${values.host}:${port}`;
  const { app } = await buildApp({ database, webDist: dist, logger: true, publicUrl });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await app.listen({ port, host: values.host });
  process.stderr.write(
    `motcua đang chạy tại http://${values.host}:${port} (cơ sở dữ liệu: ${database.engine} ${database.location})\n`,
  );
  await new Promise(() => {}); // serve until a signal
  return 0;
}
