// A progress line on stderr for long commands, only when stderr is a terminal (logs stay clean).
import { statSync } from "node:fs";

export function progressReporter(file: string, label: string) {
  const tty = process.stderr.isTTY === true;
  const bytes = statSync(file).size;
  const started = Date.now();
  let last = 0;
  return {
    update(read: number) {
      if (!tty || Date.now() - last < 200) return;
      last = Date.now();
      const seconds = (Date.now() - started) / 1000;
      const rate = Math.round(read / Math.max(seconds, 0.001));
      process.stderr.write(
        `\r${label}: ${read.toLocaleString("vi-VN")} dòng (${rate.toLocaleString("vi-VN")}/giây, tệp ${(bytes / 1e6).toFixed(1)} MB)   `,
      );
    },
    done() {
      if (tty) process.stderr.write("\n");
    },
  };
}
