// Progress of a long command on stderr. On a terminal: a bar with the percentage of the file read, the lines,
// the rate and the time left, redrawn at most every 200 ms (cheap: one clock read per update). Elsewhere (a log,
// a pipe): nothing until one plain final line, so logs stay clean.
import { statSync } from "node:fs";

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Bytes of the file read so far (a ReadStream's bytesRead). */
  bytesRead: () => number;
  stream?: ProgressStream;
  now?: () => number;
}

const THROTTLE_MS = 200;
const BAR = 24;

const count = (n: number) => Math.round(n).toLocaleString("vi-VN");

/** 75 → "1 phút 15 giây"; 3725 → "1 giờ 2 phút". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} giây`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} phút${s % 60 ? ` ${s % 60} giây` : ""}`;
  return `${Math.floor(m / 60)} giờ${m % 60 ? ` ${m % 60} phút` : ""}`;
}

export interface ProgressState {
  label: string;
  bytes: number;
  total: number;
  lines: number;
  elapsedMs: number;
}

/** One redraw of the bar: `nhập hồ sơ [█████░░░] 52,3% · 520.000 dòng · 1.931 dòng/giây · còn 4 phút`. */
export function renderProgress(p: ProgressState, columns = 80): string {
  const fraction = p.total > 0 ? Math.min(1, p.bytes / p.total) : 1;
  const filled = Math.round(fraction * BAR);
  const percent = (fraction * 100).toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.lines / seconds : 0;
  const left =
    fraction >= 1
      ? "xong"
      : fraction > 0 && seconds > 0
        ? `còn ${formatDuration((seconds * (1 - fraction)) / fraction)}`
        : "còn …";
  const text = `${p.label} [${"█".repeat(filled)}${"░".repeat(BAR - filled)}] ${percent}% · ${count(p.lines)} dòng · ${count(rate)} dòng/giây · ${left}`;
  return text.length < columns ? text : text.slice(0, Math.max(0, columns - 1));
}

/** The final line where no bar was shown: `nhập hồ sơ: 1.000.000 dòng trong 8 phút 36 giây (1.938 dòng/giây)`. */
export function renderSummary(p: Omit<ProgressState, "bytes" | "total">): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.lines / seconds : p.lines;
  return `${p.label}: ${count(p.lines)} dòng trong ${formatDuration(seconds)} (${count(rate)} dòng/giây)`;
}

export function progressReporter(file: string, label: string, options: ProgressOptions) {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  const total = statSync(file).size;
  const started = now();
  let last = Number.NEGATIVE_INFINITY;
  let lines = 0;
  let shown = "";
  const draw = () => {
    shown = renderProgress(
      { label, bytes: options.bytesRead(), total, lines, elapsedMs: now() - started },
      stream.columns ?? 80,
    );
    stream.write(`\r${shown}\x1b[K`);
  };
  return {
    /** Lines read so far; redraws on a terminal when the last redraw is old enough. */
    update(read: number) {
      lines = read;
      if (!tty) return;
      const t = now();
      if (t - last < THROTTLE_MS) return;
      last = t;
      draw();
    },
    /** A message (a rejected line) on its own line, the bar redrawn below it. */
    note(text: string) {
      if (tty && shown) {
        stream.write(`\r\x1b[K${text}\n\r${shown}\x1b[K`);
      } else stream.write(`${text}\n`);
    },
    done(read = lines) {
      lines = read;
      if (tty) {
        draw();
        stream.write("\n");
      } else stream.write(`${renderSummary({ label, lines, elapsedMs: now() - started })}\n`);
    },
  };
}
