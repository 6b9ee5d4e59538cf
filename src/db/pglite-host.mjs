// Worker thread that owns an embedded PGlite database and serves it over the PostgreSQL wire protocol
// on a Unix socket, so the rest of motcua talks to it through the same `pg` driver as to PostgreSQL,
// and PGlite's blocking WebAssembly work never runs on the request thread (docs/adr/0002).
// The socket server asks for no password, so it never listens on TCP: the socket lives in a directory only
// this OS user may enter (mode 0700, engine.ts), which is the whole of its access control (docs/security.md).
// Plain JavaScript on purpose: it runs in a worker, without the TypeScript loader.
import { rmSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath } = workerData;
const db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
// PGlite is one backend session shared by every socket connection: set the local time zone once.
await db.exec("set timezone = 'Asia/Ho_Chi_Minh'");
rmSync(socketPath, { force: true }); // left by a process that was killed
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 8 });
await server.start();
const address = server.getServerConn();

parentPort.on("message", async (message) => {
  if (message === "close") {
    await server.stop();
    await db.close();
    parentPort.postMessage({ closed: true });
  }
});
parentPort.postMessage({ ready: true, address });
