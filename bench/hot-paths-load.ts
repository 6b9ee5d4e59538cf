// The clients of bench/hot-paths.ts's mixed-read run, in a worker thread so their HTTP and JSON work does not
// share the server's event loop: `concurrency` loops, each GETting a random request of the mix over keep-alive
// connections for `seconds`. Reports every request's latency by name, and failures.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface MixInput {
  port: number;
  requests: { name: string; path: string; cookie: string }[];
  concurrency: number;
  seconds: number;
}

export interface MixResult {
  done: number;
  failed: number;
  firstFailure?: string;
  seconds: number;
  /** Latencies (ms) of successful requests, by request name. */
  latencies: Record<string, number[]>;
}

const input = workerData as MixInput;
const agent = new http.Agent({ keepAlive: true, maxSockets: input.concurrency });

function get(path: string, cookie: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, host: "127.0.0.1", port: input.port, method: "GET", path, headers: { cookie } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

parentPort!.postMessage("ready");
await new Promise((resolve) => parentPort!.once("message", resolve));
const result: MixResult = { done: 0, failed: 0, seconds: 0, latencies: {} };
const started = performance.now();
const until = started + input.seconds * 1000;
let seed = 12345;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
await Promise.all(
  Array.from({ length: input.concurrency }, async () => {
    while (performance.now() < until) {
      const r = input.requests[Math.floor(random() * input.requests.length)]!;
      const t = performance.now();
      const reply = await get(r.path, r.cookie).catch((e: Error) => ({ status: 0, text: e.message }));
      if (reply.status === 200) {
        result.done++;
        result.latencies[r.name] ??= [];
        result.latencies[r.name]!.push(performance.now() - t);
      } else {
        result.failed++;
        result.firstFailure ??= `${r.name} ${reply.status} ${reply.text.slice(0, 300)}`;
      }
    }
  }),
);
result.seconds = (performance.now() - started) / 1000;
agent.destroy();
parentPort!.postMessage(result);
