// Scheduling groups for bench/intake.ts (`--groups services`): the machine as a host running the database and the
// application as services runs them — systemd puts each service in a cgroup of its own, as a container runtime
// does — so the kernel shares CPU time between the database as a whole, the application as a whole and any other
// work, not between each of PostgreSQL's backends and the application's one thread.
//
// Without it (the default, `--groups plain`), everything runs in the root group, where the kernel's autogroup
// scheduling (on by default on Debian) treats every session alike: each PostgreSQL backend is a session of its own
// (its children call setsid), the bench's process and its children one session. Then a runnable backend weighs
// as much as the whole API server, and busy processes beside both sides starve the server's one thread first.
//
// Linux only, as root: cgroup v1 (`/sys/fs/cgroup/cpu`) or v2 (`/sys/fs/cgroup` with the cpu controller). The
// groups: motcua-bench-db (the cluster's postmaster and every process it has, so every backend it starts later),
// motcua-bench-app (this process and its children: the server, the clients, the bare side's pool) and
// motcua-bench-other (the busy processes). On exit every process goes back to the root group.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ServiceGroups {
  /** Puts a process (a busy one) in the group of other work. */
  other(pid: number): void;
  /** What the header line says. */
  describe: string;
}

/** The cpu controller's root: cgroup v1's own hierarchy, or v2's unified one with cpu on for its children. */
function cpuRoot(): { root: string; version: 1 | 2 } {
  if (existsSync("/sys/fs/cgroup/cpu/cgroup.procs")) return { root: "/sys/fs/cgroup/cpu", version: 1 };
  const controllers = "/sys/fs/cgroup/cgroup.controllers";
  if (existsSync(controllers) && readFileSync(controllers, "utf8").split(/\s+/).includes("cpu")) {
    writeFileSync("/sys/fs/cgroup/cgroup.subtree_control", "+cpu");
    return { root: "/sys/fs/cgroup", version: 2 };
  }
  throw new Error("--groups services: no cpu cgroup controller here (needs Linux, root and cgroup v1 or v2)");
}

/** The pid of every process whose parent is `parent`. */
function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        return parentOf(Number(name)) === parent ? [Number(name)] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

/** The parent of a process (a backend's: the postmaster). */
export function parentOf(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
}

/** Moves the cluster of `postmaster` and this process into groups of their own; see the top of this file. */
export function serviceGroups(postmaster: number): ServiceGroups {
  const { root, version } = cpuRoot();
  const group = (name: string) => {
    const path = join(root, `motcua-bench-${name}`);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const db = group("db");
  const app = group("app");
  const other = group("other");
  const move = (path: string, pid: number) => {
    try {
      writeFileSync(join(path, "cgroup.procs"), String(pid));
    } catch {} // gone meanwhile
  };
  for (const pid of [postmaster, ...childrenOf(postmaster)]) move(db, pid);
  move(app, process.pid);
  process.once("exit", () => {
    for (const path of [db, app, other]) {
      for (const pid of readFileSync(join(path, "cgroup.procs"), "utf8").split("\n").filter(Boolean)) {
        move(root, Number(pid));
      }
      try {
        rmdirSync(path);
      } catch {} // a process not yet moved out: the group stays, empty soon
    }
  });
  return {
    other: (pid) => move(other, pid),
    describe: `service groups (database, application, other work: cgroup v${version})`,
  };
}

/** Whether the kernel shares CPU time between sessions first (sched_autogroup_enabled). */
export function autogroup(): string {
  try {
    return readFileSync("/proc/sys/kernel/sched_autogroup_enabled", "utf8").trim() === "1" ? "on" : "off";
  } catch {
    return "unknown";
  }
}
