// Where the server thread's CPU goes during the intake bench's API phases (issue 20): bench/intake.ts
// --profile FILE records a V8 CPU profile of its main thread (the server; the clients run in a worker) around
// the API rounds only, and prints this summary: self time by package or source area, and the top functions.
//
//   node --import tsx bench/intake-profile.ts FILE.cpuprofile [--per N]   (N: dossiers, for ms per dossier)
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The area a frame belongs to: a package under node_modules, a source directory of ours, node's own, or V8's. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return url;
  const src = url.indexOf("/src/");
  if (src >= 0) return `src/${url.slice(src + 5).replace(/\/[^/]*$/, "")}`;
  return url.replace(/^file:\/\//, "");
}

/** Self time (ms) per area and per function, from the profile's samples. */
export function summarize(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const name = `${functionName || "(anonymous)"} ${url ? `${url.split("/").slice(-2).join("/")}:${lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    total += ms;
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  const idle = areas.get("(idle)") ?? 0;
  return { total, busy: total - idle, areas: sorted(areas), functions: sorted(functions) };
}

export function printSummary(profile: CpuProfile, dossiers: number, top = 25): void {
  const { total, busy, areas, functions } = summarize(profile);
  const per = (ms: number) => (dossiers ? `${((ms / dossiers) * 1000).toFixed(0).padStart(5)} µs/dossier` : "");
  console.log(
    `server thread: ${total.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms busy${dossiers ? ` (${per(busy).trim()})` : ""}`,
  );
  console.log("  self time by area:");
  for (const [area, ms] of areas.slice(0, top)) {
    console.log(`    ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${per(ms)}  ${area}`);
  }
  console.log("  top functions (self time):");
  for (const [name, ms] of functions.slice(0, top)) {
    console.log(`    ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${per(ms)}  ${name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { per: { type: "string", default: "0" }, top: { type: "string", default: "25" } },
  });
  if (!positionals[0]) throw new Error("usage: bench/intake-profile.ts FILE.cpuprofile [--per N] [--top N]");
  printSummary(JSON.parse(readFileSync(positionals[0], "utf8")), Number(values.per), Number(values.top));
}
