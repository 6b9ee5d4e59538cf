import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { fileURLToPath } from "node:url";
import { buildApp } from "../../http/app.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, openCommandDatabase } from "../database.ts";
import { UsageError } from "../errors.ts";
import { openReplica, replicaSettings } from "../replica-settings.ts";

export const summary = "start the web application and the API";

const WEB_BUILDER = fileURLToPath(new URL("../../../web/build.ts", import.meta.url));

/** Builds the web app on first start (or after a change), when its sources are present. */
async function webDist(): Promise<string | undefined> {
  if (!existsSync(WEB_BUILDER)) return undefined;
  const { ensureWebBuilt } = (await import(WEB_BUILDER)) as { ensureWebBuilt(): Promise<string> };
  return ensureWebBuilt();
}

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]", "::0"]);

/**
 * The URL printed in QR codes and links. Listening on every interface without --public-url would print
 * http://0.0.0.0:3000 (useless on a phone): the address is still served, with a warning naming the flag.
 */
export function publicUrlFor(
  host: string,
  port: number,
  flag: string | undefined,
  env: string | undefined,
): { publicUrl: string; warning?: string } {
  const given = flag ?? env;
  if (given) {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new UsageError(`invalid --public-url ${given} (e.g. https://motcua.example.gov.vn)`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`invalid --public-url ${given}`);
    return { publicUrl: given.replace(/\/+$/, "") };
  }
  const publicUrl = `http://${host.includes(":") ? `[${host.replace(/^\[|\]$/g, "")}]` : host}:${port}`;
  if (!WILDCARD_HOSTS.has(host)) return { publicUrl };
  return {
    publicUrl,
    warning:
      `Cảnh báo: đang nghe trên mọi địa chỉ (--host ${host}) mà không có --public-url (hoặc MOTCUA_PUBLIC_URL): ` +
      `mã QR và đường dẫn trên phiếu hẹn sẽ trỏ tới ${publicUrl}, người dân không mở được. ` +
      `Hãy chạy lại với --public-url https://<địa chỉ công khai>. ` +
      `(Warning: listening on every interface without --public-url; QR codes would point at ${publicUrl}.)`,
  };
}

/** `--trust-proxy 10.0.0.0/8,192.168.1.5`: addresses or CIDR blocks of the reverse proxies, checked here. */
export function trustedProxies(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  for (const part of value.split(",").map((p) => p.trim())) {
    const [address, prefix, extra] = part.split("/");
    const family = isIP(address ?? "");
    const bits = prefix === undefined ? undefined : Number(prefix);
    const badPrefix = bits !== undefined && (!/^\d+$/.test(prefix!) || bits > (family === 6 ? 128 : 32));
    if (!family || badPrefix || extra !== undefined) {
      throw new UsageError(`invalid --trust-proxy ${part} (an IP address or CIDR block, e.g. 10.0.0.0/8)`);
    }
  }
  return value;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      ...dataOption,
      port: { type: "string", default: process.env.PORT ?? "3000" },
      host: { type: "string", default: "127.0.0.1" },
      "public-url": { type: "string" },
      "trust-proxy": { type: "string" },
      "read-url": { type: "string" },
      "listen-url": { type: "string" },
    },
    false,
  );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port ${values.port}`);
  const trustProxy = trustedProxies(values["trust-proxy"] ?? process.env.MOTCUA_TRUST_PROXY);
  const { publicUrl, warning } = publicUrlFor(values.host, port, values["public-url"], process.env.MOTCUA_PUBLIC_URL);
  if (warning) process.stderr.write(`${warning}\n`);
  const replicas = replicaSettings(values, process.env);
  const database = await openCommandDatabase(values.data);
  const reads = await openReplica(database, replicas).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const dist = await webDist();
  const { app } = await buildApp({
    database,
    webDist: dist,
    logger: true,
    publicUrl,
    ...(trustProxy ? { trustProxy } : {}),
    ...(reads ? { reads } : {}),
    ...(replicas.listenUrl ? { listenUrl: replicas.listenUrl } : {}),
    sealAuditEveryMs: 1000, // audit rows are chained after their commit (migration 0021, docs/security.md)
  });
  const stop = async () => {
    await app.close();
    await reads?.replica.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await app.listen({ port, host: values.host });
  process.stderr.write(
    `motcua đang chạy tại http://${values.host}:${port} (cơ sở dữ liệu: ${database.engine} ${database.location}` +
      `${reads ? `; đọc báo cáo từ bản sao ${reads.replica.location}` : ""})\n`,
  );
  await new Promise(() => {}); // serve until a signal
  return 0;
}
