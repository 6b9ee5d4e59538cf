// One server process of bench/intake.ts --server-processes N (a node:cluster worker): the same app as the
// single-process bench (buildApp on its own pool), listening on the port the primary shares among its workers.
import cluster, { type Worker } from "node:cluster";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../src/db/engine.ts";
import { buildApp } from "../src/http/app.ts";

/** In bench/intake.ts (the primary): N server processes listening on `port`, each on a pool of `pool`. */
export async function startServerProcesses(n: number, url: string, pool: number, port: number): Promise<Worker[]> {
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), execArgv: ["--import", "tsx"] });
  const env = { INTAKE_DATABASE_URL: url, INTAKE_POOL: String(pool), INTAKE_PORT: String(port) };
  const servers = Array.from({ length: n }, () => cluster.fork(env));
  await Promise.all(
    servers.map(
      (w) =>
        new Promise((resolve, reject) => {
          w.once("message", resolve);
          w.once("exit", (code) => reject(new Error(`server process exited with ${code}`)));
        }),
    ),
  );
  return servers;
}

if (cluster.isWorker) {
  const database = await openDatabase({
    databaseUrl: process.env.INTAKE_DATABASE_URL!,
    poolSize: Number(process.env.INTAKE_POOL),
  });
  database.pool.options.idleTimeoutMillis = 0; // the backends measured stay the same processes
  const { app } = await buildApp({ database, sealAuditEveryMs: 1000 });
  await app.listen({ port: Number(process.env.INTAKE_PORT), host: "127.0.0.1" });
  process.send!("listening");
  process.on("message", async (message) => {
    if (message !== "close") return;
    await app.close();
    await database.close();
    process.exit(0);
  });
}
