// Runs the `motcua` command line inside the test process: `main(args)` of src/cli/main.ts, exactly what
// bin/motcua.js calls, with what it writes to process.stdout/process.stderr captured, the environment and the
// working directory of the run applied, stdin empty (or the given bytes) — and all of it restored afterwards.
// A test reads what the binary would print and its exit code, without paying a `node` start, a tsx compile
// and the module graph's load per command (seconds each on a busy machine). Runs are serialized: the
// environment, the working directory and the standard streams belong to the whole process.
//
// Only writes made by the command (its async context, tracked with AsyncLocalStorage) are captured; anything
// else writing to process.stdout meanwhile — node:test's reporter in a test child process writes its events
// there — passes through untouched. The streams look like pipes to the command (isTTY unset), as they are
// for a spawned binary, so progress bars stay off.
//
// One real spawn per concern stays in the tests (src/cli/readme-commands.db.test.ts runs bin/motcua.js for
// --help and end to end), so the binary path itself is still proven.
import { AsyncLocalStorage } from "node:async_hooks";
import { Readable } from "node:stream";
import { main } from "./main.ts";

export interface CliRun {
  /** The exit code bin/motcua.js would exit with. */
  status: number;
  /** stdout decoded as UTF-8. */
  stdout: string;
  stderr: string;
  /** stdout as written, byte for byte. */
  stdoutBytes: Buffer;
}

export interface CliOptions {
  /** Variables set for the run; `undefined` removes one (as a child's environment without it). */
  env?: Record<string, string | undefined>;
  /** The working directory of the run (relative paths, ./data). */
  cwd?: string;
  /** What the command reads on stdin; empty by default, as `spawnSync` without input gives it. */
  stdin?: string | Buffer;
}

interface Capture {
  stdout: Buffer[];
  stderr: Buffer[];
}

const current = new AsyncLocalStorage<Capture>();
let queue: Promise<unknown> = Promise.resolve();

/** `motcua …args` in process: resolves to its exit code and what it printed. Never rejects for a command's error. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const run = queue.then(() => runNow([...args], options));
  queue = run.catch(() => {});
  return run;
}

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === "string")
    return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError(`runCli: cannot capture a write of ${typeof chunk}`);
}

/** Replaces `stream.write` and `stream.isTTY` for the run; returns the restore function. */
function intercept(stream: NodeJS.WriteStream, pick: (capture: Capture) => Buffer[]): () => void {
  const saved = ["write", "isTTY"].map((key) => [key, Object.getOwnPropertyDescriptor(stream, key)] as const);
  const original = stream.write as unknown as Write;
  const write: Write = function (this: unknown, chunk, encoding, callback) {
    const capture = current.getStore();
    if (!capture) return original.call(stream, chunk, encoding, callback);
    pick(capture).push(Buffer.from(toBuffer(chunk, encoding)));
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done as () => void);
    return true;
  };
  Object.defineProperty(stream, "write", { value: write, configurable: true, writable: true });
  Object.defineProperty(stream, "isTTY", { value: undefined, configurable: true, writable: true });
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(stream, key, descriptor);
      else delete (stream as unknown as Record<string, unknown>)[key];
    }
  };
}

/** Sets the run's variables; returns the restore function. */
function applyEnv(env: Record<string, string | undefined>): () => void {
  const before = Object.keys(env).map((key) => [key, process.env[key]] as const);
  const put = (key: string, value: string | undefined) => {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  for (const [key, value] of Object.entries(env)) put(key, value);
  return () => {
    for (const [key, value] of before) put(key, value);
  };
}

/** Swaps process.stdin for a stream of the given bytes; returns the restore function. */
function applyStdin(input: string | Buffer | undefined): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(process, "stdin");
  const stream = Readable.from(input === undefined || input.length === 0 ? [] : [Buffer.from(input)]);
  Object.defineProperty(process, "stdin", { value: stream, configurable: true, writable: true });
  return () => {
    if (descriptor) Object.defineProperty(process, "stdin", descriptor);
  };
}

async function runNow(args: string[], options: CliOptions): Promise<CliRun> {
  const capture: Capture = { stdout: [], stderr: [] };
  const cwd = process.cwd();
  const restores: (() => void)[] = [];
  let status: number;
  try {
    restores.push(intercept(process.stdout, (c) => c.stdout));
    restores.push(intercept(process.stderr, (c) => c.stderr));
    restores.push(applyEnv(options.env ?? {}));
    restores.push(applyStdin(options.stdin));
    if (options.cwd) {
      process.chdir(options.cwd);
      restores.push(() => process.chdir(cwd));
    }
    status = await current.run(capture, () => main(args));
  } finally {
    for (const restore of restores.reverse()) restore();
  }
  const stdoutBytes = Buffer.concat(capture.stdout);
  return {
    status,
    stdout: stdoutBytes.toString("utf8"),
    stderr: Buffer.concat(capture.stderr).toString("utf8"),
    stdoutBytes,
  };
}
