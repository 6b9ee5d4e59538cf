// One server process of bench/intake.ts --server-processes N (a node:cluster worker): the same app as the
// single-process bench (buildApp on its own pool), listening on the port the primary shares among its workers.
import cluster from "node:cluster";
import { openDatabase } from "../src/db/engine.ts";
import { buildApp } from "../src/http/app.ts";

if (!cluster.isWorker) throw new Error("bench/intake-server.ts runs as a cluster worker of bench/intake.ts");
const url = process.env.INTAKE_DATABASE_URL!;
const database = await openDatabase({ databaseUrl: url, poolSize: Number(process.env.INTAKE_POOL) });
database.pool.options.idleTimeoutMillis = 0; // the backends measured stay the same processes
const { app } = await buildApp({ database });
await app.listen({ port: Number(process.env.INTAKE_PORT), host: "127.0.0.1" });
process.send!("listening");
process.on("message", async (message) => {
  if (message !== "close") return;
  await app.close();
  await database.close();
  process.exit(0);
});
