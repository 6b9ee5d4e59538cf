// Where the CPU goes during a phase of bench/intake.ts (Linux, PostgreSQL on this host), from /proc: this process
// (the clients' worker, the bare loop, the server unless it runs in processes of its own), the server processes,
// this database's backends — tells a slow server from a busy database — and, from the scheduler's side, how long
// the measured main threads were on a CPU and how long runnable but waiting for one (/proc schedstat): a thread
// that waits most of a phase is starved, not slow.
import { readFileSync } from "node:fs";

/** utime + stime of a process, ms (100 Hz ticks); 0 once it is gone. */
export function ticks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function schedstat(threads: number[]) {
  let run = 0;
  let wait = 0;
  for (const pid of threads) {
    try {
      const fields = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ");
      run += Number(fields[0]) / 1e6;
      wait += Number(fields[1]) / 1e6;
    } catch {}
  }
  return { run, wait, at: performance.now() };
}

const since = (before: Map<number, number>) =>
  [...before].reduce((sum, [pid, start]) => sum + Math.max(0, ticks(pid) - start), 0);

/** A phase's CPU: `now(threads)` at its start (threads: the main threads to watch), `since(start)` at its end. */
export function cpuMeter(serverPids: number[], backendPids: () => number[]) {
  /** `others`: more processes counted with the servers (the clients when they run in a process). */
  const now = (threads = [process.pid], others: number[] = []) => ({
    node: process.cpuUsage(),
    servers: new Map([...serverPids, ...others].map((pid) => [pid, ticks(pid)])),
    postgres: new Map(backendPids().map((pid) => [pid, ticks(pid)])),
    sched: schedstat(threads),
    threads,
  });
  const elapsed = (before: ReturnType<typeof now>) => {
    const used = process.cpuUsage(before.node);
    const sched = schedstat(before.threads);
    const wall = (sched.at - before.sched.at) * before.threads.length;
    const share = (ms: number) => `${((ms / wall) * 100).toFixed(0)}%`;
    const plural = before.threads.length > 1 ? "s" : "";
    const thread = sched.run
      ? `main thread${plural} on a CPU ${share(sched.run - before.sched.run)}, waiting for one ${share(sched.wait - before.sched.wait)}`
      : "";
    return { node: (used.user + used.system) / 1000 + since(before.servers), postgres: since(before.postgres), thread };
  };
  return { now, since: elapsed };
}
