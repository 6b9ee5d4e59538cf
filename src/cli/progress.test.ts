import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { formatDuration, progressReporter, renderProgress, renderSummary } from "./progress.ts";

const dir = mkdtempSync(join(tmpdir(), "motcua-progress-"));
const file = join(dir, "x.jsonl");
writeFileSync(file, "x".repeat(1000));
after(() => rmSync(dir, { recursive: true, force: true }));

test("durations in Vietnamese", () => {
  assert.equal(formatDuration(12.4), "12 giây");
  assert.equal(formatDuration(75), "1 phút 15 giây");
  assert.equal(formatDuration(120), "2 phút");
  assert.equal(formatDuration(3725), "1 giờ 2 phút");
});

test("the bar: percentage of bytes, lines, rate, and the time left from the rate so far", () => {
  const text = renderProgress({ label: "nhập hồ sơ", bytes: 250, total: 1000, lines: 5000, elapsedMs: 10_000 }, 200);
  assert.equal(text, `nhập hồ sơ [${"█".repeat(6)}${"░".repeat(18)}] 25,0% · 5.000 dòng · 500 dòng/giây · còn 30 giây`);
  const doneText = renderProgress({ label: "l", bytes: 1000, total: 1000, lines: 9, elapsedMs: 1000 }, 200);
  assert.match(doneText, /100,0% .* xong$/);
  const start = renderProgress({ label: "l", bytes: 0, total: 1000, lines: 0, elapsedMs: 0 }, 200);
  assert.match(start, /0,0% · 0 dòng · 0 dòng\/giây · còn …$/);
  assert.ok(renderProgress({ label: "l", bytes: 1, total: 2, lines: 1, elapsedMs: 1 }, 30).length < 30, "fits");
  assert.equal(
    renderSummary({ label: "nhập hồ sơ", lines: 1_000_000, elapsedMs: 516_000 }),
    "nhập hồ sơ: 1.000.000 dòng trong 8 phút 36 giây (1.938 dòng/giây)",
  );
});

const CLEAR = "\x1b[K";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 120, write: (text: string) => writes.push(text) } };
}

test("on a terminal: redrawn at most every 200 ms, notes above the bar, a last full bar", () => {
  const { writes, stream } = fakeStream(true);
  let clock = 0;
  let bytes = 0;
  const progress = progressReporter(file, "nhập", { stream, bytesRead: () => bytes, now: () => clock });
  bytes = 100;
  progress.update(10);
  clock = 50;
  progress.update(20); // throttled
  clock = 250;
  bytes = 500;
  progress.update(50);
  assert.equal(writes.length, 2);
  assert.ok(writes[1]!.startsWith("\r") && writes[1]!.endsWith(CLEAR));
  assert.match(writes[1]!, /nhập \[.*\] 50,0% · 50 dòng · 200 dòng\/giây · còn 0 giây/);
  progress.note("line 7: invalid-json: …");
  assert.ok(writes[2]!.startsWith(`\r${CLEAR}line 7: invalid-json: …\n\rnhập [`));
  bytes = 1000;
  progress.done(80);
  assert.match(writes[3]!, /100,0% · 80 dòng .* xong/);
  assert.equal(writes[4], "\n");
});

test("elsewhere: no bar, notes as plain lines, one final summary line", () => {
  const { writes, stream } = fakeStream(false);
  let clock = 0;
  const progress = progressReporter(file, "nhập hồ sơ", { stream, bytesRead: () => 500, now: () => clock });
  clock = 1000;
  progress.update(10);
  progress.note("line 2: invalid-json: x");
  clock = 2000;
  progress.done(30);
  assert.deepEqual(writes, ["line 2: invalid-json: x\n", "nhập hồ sơ: 30 dòng trong 2 giây (15 dòng/giây)\n"]);
});
