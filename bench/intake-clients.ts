// Where bench/intake.ts's clients (bench/intake-load.ts) run.
import { fork } from "node:child_process";
import { Worker } from "node:worker_threads";
import type { LoadInput } from "./intake-load.ts";

/** The clients (bench/intake-load.ts): a process in a session of its own, or a worker thread of this one. */
export function startClients(
  input: LoadInput,
  where: "process" | "thread",
): {
  pid?: number;
  // biome-ignore lint/suspicious/noExplicitAny: a message or an error, as the listener expects
  once: (event: "message" | "error", listener: (value: any) => void) => void;
  send: (message: string) => void;
} {
  const entry = new URL("./intake-load.ts", import.meta.url);
  if (where === "process") {
    const child = fork(entry.pathname, [], {
      execArgv: ["--import", "tsx"],
      detached: true,
      env: { ...process.env, MOTCUA_LOAD_INPUT: JSON.stringify(input) },
    });
    return { pid: child.pid, once: (event, listener) => child.once(event, listener), send: (m) => child.send(m) };
  }
  // Node 20 does not run --import hooks before a worker's entry: register tsx there, then load the clients
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: input });
  return { once: (event, listener) => worker.once(event, listener), send: (m) => worker.postMessage(m) };
}
