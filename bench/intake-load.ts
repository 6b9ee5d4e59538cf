// The clients of bench/intake.ts: `concurrency` loops, each POSTing counter intakes over one keep-alive connection
// for `seconds`. Run as a process of its own in a session of its own (intake.ts's default, `--clients-in process`: the
// clients stand for other machines, so they share no scheduling group with the server) or as a worker thread of
// the bench's process (`--clients-in thread`, the figures up to 2026-12-03), so their HTTP and JSON work does not share
// the server's event loop either way. Input: workerData, or MOTCUA_LOAD_INPUT (JSON) with messages over IPC.
// `client: "raw"` (the default) writes each desk's request as bytes built once and reads only the answer's status
// line and length, as a load generator (wrk, autocannon) does: the clients stand for browsers on other machines,
// so the less CPU of this machine they take from the server, the closer the figure is to the server's own.
// `client: "http"` is node:http with an Agent (a JSON body and a response object per request, ~4× the CPU).
import http from "node:http";
import net from "node:net";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadInput {
  port: number;
  /** One per receiving unit: the unit code and its front-desk officer's session cookie. */
  desks: { unitCode: string; cookie: string }[];
  body: Record<string, unknown>;
  concurrency: number;
  seconds: number;
  client: "raw" | "http";
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

const input = (parentPort ? workerData : JSON.parse(process.env.MOTCUA_LOAD_INPUT!)) as LoadInput;
/** The bench's side of the conversation: "ready", then "go" from it, then the result. */
const tell = (message: unknown) => (parentPort ? parentPort.postMessage(message) : process.send!(message));
const agent = new http.Agent({ keepAlive: true, maxSockets: input.concurrency });

type Desk = LoadInput["desks"][number];
type Reply = { status: number; text: string };

/** Each desk's request body, written once. */
const payloads = new Map(input.desks.map((desk) => [desk, JSON.stringify({ ...input.body, unitCode: desk.unitCode })]));

function post(desk: Desk): Promise<Reply> {
  const payload = payloads.get(desk)!;
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

/** The request of each desk, as bytes: the same headers and body node:http sends. */
const requests = new Map(
  input.desks.map((desk) => {
    const body = Buffer.from(payloads.get(desk)!);
    const head =
      `POST /api/dossiers HTTP/1.1\r\nHost: 127.0.0.1:${input.port}\r\nConnection: keep-alive\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nCookie: ${desk.cookie}\r\n\r\n`;
    return [desk, Buffer.concat([Buffer.from(head), body])];
  }),
);

/** One keep-alive connection sending one request at a time; answers are read by their Content-Length. */
class RawConnection {
  private readonly socket: net.Socket;
  private pending: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | undefined;
  private buffered: Buffer = Buffer.alloc(0);

  constructor(port: number) {
    this.socket = net.connect({ host: "127.0.0.1", port, noDelay: true });
    this.socket.on("data", (chunk) => this.read(chunk));
    this.socket.on("error", (error) => this.pending?.reject(error));
    this.socket.on("close", () => this.pending?.reject(new Error("connection closed")));
  }

  post(desk: Desk): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(requests.get(desk)!);
    });
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const end = this.buffered.indexOf("\r\n\r\n");
    if (end < 0) return;
    const head = this.buffered.toString("latin1", 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) {
      this.pending?.reject(new Error(`an answer without Content-Length: ${head}`));
      return;
    }
    const total = end + 4 + Number(length[1]);
    if (this.buffered.length < total) return;
    const status = Number(head.slice(9, 12));
    // the body is read only when the request failed, for the report
    const text = status === 201 ? "" : this.buffered.toString("utf8", end + 4, total);
    this.buffered = this.buffered.subarray(total);
    const pending = this.pending!;
    this.pending = undefined;
    pending.resolve({ status, text });
  }

  close(): void {
    this.socket.destroy();
  }
}

// start when told, so the worker's own start-up is outside the measured window
tell("ready");
await new Promise((resolve) => (parentPort ? parentPort.once("message", resolve) : process.once("message", resolve)));
const result: LoadResult = { created: 0, failed: 0, seconds: 0, p50: 0, p99: 0 };
const latencies: number[] = [];
const started = performance.now();
const until = started + input.seconds * 1000;
let next = 0;
await Promise.all(
  Array.from({ length: input.concurrency }, async () => {
    const raw = input.client === "raw" ? new RawConnection(input.port) : undefined;
    while (performance.now() < until) {
      const desk = input.desks[next++ % input.desks.length]!;
      const t = performance.now();
      const reply = raw ? await raw.post(desk) : await post(desk);
      if (reply.status === 201) {
        result.created++;
        latencies.push(performance.now() - t);
      } else {
        result.failed++;
        result.firstFailure ??= `${reply.status} ${reply.text.slice(0, 300)}`;
      }
    }
    raw?.close();
  }),
);
result.seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
result.p50 = latencies[Math.floor(latencies.length * 0.5)] ?? 0;
result.p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
agent.destroy();
tell(result);
if (!parentPort) process.disconnect();
