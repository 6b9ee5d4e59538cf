// The clients of bench/intake.ts, in a worker thread so their HTTP and JSON work does not share the server's
// event loop: `concurrency` loops, each POSTing counter intakes over one keep-alive connection for `seconds`.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadInput {
  port: number;
  /** One per receiving unit: the unit code and its front-desk officer's session cookie. */
  desks: { unitCode: string; cookie: string }[];
  body: Record<string, unknown>;
  concurrency: number;
  seconds: number;
}

export interface LoadResult {
  created: number;
  failed: number;
  firstFailure?: string;
  seconds: number;
  /** Latency percentiles of the successful requests, ms. */
  p50: number;
  p99: number;
}

const input = workerData as LoadInput;
const agent = new http.Agent({ keepAlive: true, maxSockets: input.concurrency });

function post(desk: LoadInput["desks"][number]): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify({ ...input.body, unitCode: desk.unitCode });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: "127.0.0.1",
        port: input.port,
        method: "POST",
        path: "/api/dossiers",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          cookie: desk.cookie,
        },
      },
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
    request.end(payload);
  });
}

// start when told, so the worker's own start-up is outside the measured window
parentPort!.postMessage("ready");
await new Promise((resolve) => parentPort!.once("message", resolve));
const result: LoadResult = { created: 0, failed: 0, seconds: 0, p50: 0, p99: 0 };
const latencies: number[] = [];
const started = performance.now();
const until = started + input.seconds * 1000;
let next = 0;
await Promise.all(
  Array.from({ length: input.concurrency }, async () => {
    while (performance.now() < until) {
      const desk = input.desks[next++ % input.desks.length]!;
      const t = performance.now();
      const reply = await post(desk);
      if (reply.status === 201) {
        result.created++;
        latencies.push(performance.now() - t);
      } else {
        result.failed++;
        result.firstFailure ??= `${reply.status} ${reply.text.slice(0, 300)}`;
      }
    }
  }),
);
result.seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
result.p50 = latencies[Math.floor(latencies.length * 0.5)] ?? 0;
result.p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
agent.destroy();
parentPort!.postMessage(result);
