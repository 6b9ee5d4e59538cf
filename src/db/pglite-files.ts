// The embedded database's directory on disk (docs/security.md): only motcua's OS user may read it or reach its
// socket (0700 directories, 0600 files), one process holds it at a time, and a holder that died is noticed at once.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import lockfile from "proper-lockfile";

export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
  readonly code = "database-busy";
}

/** Longest Unix socket path every platform accepts (sun_path is 104 bytes on macOS, 108 on Linux). */
const MAX_SOCKET_PATH = 100;
/** `pg` reaches a Unix socket as host = its directory, port = the number in `.s.PGSQL.<port>`. */
export const SOCKET_PORT = 5432;

/** Makes the directory private to this OS user: itself and every directory below 0700, every file 0600. */
export function protectDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const walk = (dir: string) => {
    chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) chmodSync(path, 0o600);
    }
  };
  walk(dataDir);
}

/**
 * Where the socket goes: `<data>/.socket/` (0700), or a private temporary directory when the data directory's
 * path is too long for a socket. Returns the directory, the socket's path and how to clean up.
 */
export function socketPlace(dataDir: string): { dir: string; path: string; cleanup(): void } {
  const name = `.s.PGSQL.${SOCKET_PORT}`;
  let dir = join(dataDir, ".socket");
  let temporary = false;
  if (Buffer.byteLength(join(dir, name)) > MAX_SOCKET_PATH) {
    dir = mkdtempSync(join(tmpdir(), "motcua-pg-")); // created 0700
    temporary = true;
  } else {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  chmodSync(dir, 0o700);
  const path = join(dir, name);
  return {
    dir,
    path,
    cleanup() {
      rmSync(temporary ? dir : path, { recursive: true, force: true });
    },
  };
}

const LOCK = ".motcua.lock";
const OWNER = ".motcua.owner";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/** The process named as the lock's holder, if it is on this machine. */
function holderOf(dataDir: string): { pid: number; alive: boolean } | undefined {
  try {
    const [pid, host] = readFileSync(join(dataDir, OWNER), "utf8").split("\n");
    if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return undefined;
    return { pid: Number(pid), alive: alive(Number(pid)) };
  } catch {
    return undefined;
  }
}

function busy(dataDir: string, pid?: number): DatabaseBusyError {
  const who = pid === undefined ? "một tiến trình motcua khác" : `tiến trình motcua khác (PID ${pid})`;
  return new DatabaseBusyError(
    `Thư mục dữ liệu ${dataDir} đang được ${who} sử dụng (ví dụ "motcua serve"). ` +
      `Dừng tiến trình đó rồi chạy lại, hoặc dùng DATABASE_URL để kết nối PostgreSQL. ` +
      `(The data directory is held by another motcua process${pid === undefined ? "" : `, PID ${pid}`}.)`,
  );
}

/**
 * Takes the directory's lock and names this process as its holder. A lock whose holder has died (a crash,
 * kill -9) is taken over at once instead of after the lock's staleness period.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const take = () => lockfile.lock(dataDir, { lockfilePath: join(dataDir, LOCK), stale: 15_000, update: 5_000 });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
    const holder = holderOf(dataDir);
    if (!holder || holder.alive) throw busy(dataDir, holder?.pid);
    rmSync(join(dataDir, LOCK), { recursive: true, force: true });
    try {
      release = await take();
    } catch (again) {
      if ((again as { code?: string }).code === "ELOCKED") throw busy(dataDir, holderOf(dataDir)?.pid);
      throw again;
    }
  }
  chmodSync(join(dataDir, LOCK), 0o700);
  writeFileSync(join(dataDir, OWNER), `${process.pid}\n${hostname()}\n`, { mode: 0o600 });
  return async () => {
    rmSync(join(dataDir, OWNER), { force: true });
    await release();
  };
}

/** Whether a path is a Unix socket (for tests and diagnostics). */
export function isSocket(path: string): boolean {
  try {
    return lstatSync(path).isSocket();
  } catch {
    return false;
  }
}
