// Builds the web application into web/dist with Vite's JS API when dist is missing or older than its
// sources. `motcua serve` calls ensureWebBuilt() before serving web/dist (SPA fallback to index.html).
// Vite is imported only when a build is needed, so a server with an up-to-date dist never loads it.
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webRoot = path.dirname(fileURLToPath(import.meta.url));
export const webDist = path.join(webRoot, "dist");

/** Files whose change makes dist stale: sources, the HTML entry, the Vite config, the dependency lock. */
const SOURCES = ["src", "index.html", "vite.config.ts", "../package-lock.json"];

async function newestMtime(entry: string): Promise<number> {
  const stat = await fs.stat(entry).catch(() => undefined);
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  const children = await fs.readdir(entry);
  const times = await Promise.all(children.map((c) => newestMtime(path.join(entry, c))));
  return Math.max(stat.mtimeMs, ...times);
}

/** True when web/dist/index.html is missing or older than any source. */
export async function webBuildIsStale(): Promise<boolean> {
  const built = await fs.stat(path.join(webDist, "index.html")).catch(() => undefined);
  if (!built) return true;
  const sources = await Promise.all(SOURCES.map((s) => newestMtime(path.join(webRoot, s))));
  return Math.max(...sources) > built.mtimeMs;
}

async function build(): Promise<void> {
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    throw new Error(
      "web/dist thiếu hoặc đã cũ và không tìm thấy Vite để dựng lại: chạy `npm install` (kèm devDependencies) rồi thử lại.",
    );
  }
  // Build beside dist, then swap, so a concurrent reader never sees a half-written dist.
  const tmp = path.join(webRoot, `dist.tmp-${process.pid}-${Date.now()}`);
  try {
    await vite.build({
      configFile: path.join(webRoot, "vite.config.ts"),
      root: webRoot,
      logLevel: "warn",
      build: { outDir: tmp, emptyOutDir: true },
    });
    const old = path.join(webRoot, `dist.old-${process.pid}-${Date.now()}`);
    if (existsSync(webDist)) await fs.rename(webDist, old);
    await fs.rename(tmp, webDist);
    await fs.rm(old, { recursive: true, force: true });
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

let pending: Promise<string> | undefined;

/** Builds web/dist if it is missing or stale; resolves to the absolute path of web/dist. */
export function ensureWebBuilt(): Promise<string> {
  pending ??= (async () => {
    try {
      if (await webBuildIsStale()) await build();
      return webDist;
    } finally {
      pending = undefined;
    }
  })();
  return pending;
}
