// The PDF queue: 8 concurrent requests start at most 2 LibreOffice processes (issue 14, item 10), all 8 are
// converted, each with a LibreOffice profile of its own, and a full queue refuses at once.
import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { convertToPdf } from "./pdf.ts";
import { ConversionQueue, PdfBusyError } from "./pdf-queue.ts";

/**
 * A stand-in for soffice (a real process, as LibreOffice would be): it notes its start in a directory of
 * running processes, records how many are running and with which profile, waits until released by the test
 * (a file appears) or 5 s, and writes the PDF where soffice would.
 */
const FAKE_SOFFICE = `#!/bin/sh
log="$FAKE_SOFFICE_DIR"
for a in "$@"; do
  case "$a" in -env:UserInstallation=*) profile="\${a#-env:UserInstallation=}";; esac
  last="$a"
done
while [ "$1" != "--outdir" ]; do shift; done
outdir="$2"
touch "$log/running.$$"
echo "$(ls "$log" | grep -c '^running\\.') $profile" >> "$log/starts"
i=0
while [ ! -f "$log/release" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
base=$(basename "$last"); printf '%%PDF-1.4 fake\\n' > "$outdir/\${base%.*}.pdf"
rm "$log/running.$$"
`;

test("8 concurrent PDF requests run at most 2 soffice processes at a time; all 8 convert", async () => {
  const dir = await mkdtemp(join(tmpdir(), "motcua-fake-soffice-"));
  const script = join(dir, "soffice");
  const log = join(dir, "log");
  await writeFile(script, FAKE_SOFFICE);
  await chmod(script, 0o755);
  await mkdir(log);
  process.env["FAKE_SOFFICE_DIR"] = log;
  try {
    const queue = new ConversionQueue(2, 16);
    const requests = Array.from({ length: 8 }, (_, i) =>
      convertToPdf(Buffer.from(`document ${i}`), "docx", { soffice: script, queue }),
    );
    // wait until the first two are running and the other six are queued, then let them all finish
    while (queue.running < 2 || queue.queued < 6) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await readdir(log)).filter((f) => f.startsWith("running.")).length <= 2, true);
    await writeFile(join(log, "release"), "");
    const pdfs = await Promise.all(requests);
    assert.equal(pdfs.length, 8);
    for (const pdf of pdfs) assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    const starts = (await readFile(join(log, "starts"), "utf8")).trim().split("\n");
    assert.equal(starts.length, 8, "one process per request, spawned one slot at a time");
    const running = starts.map((line) => Number(line.split(" ")[0]));
    assert.ok(Math.max(...running) <= 2, `processes running at a start: ${running.join(", ")}`);
    assert.equal(queue.peak, 2);
    const profiles = new Set(starts.map((line) => line.split(" ")[1]));
    assert.equal(profiles.size, 8, "a profile of its own for each process");
    assert.equal(queue.running, 0);
  } finally {
    delete process.env["FAKE_SOFFICE_DIR"];
    await rm(dir, { recursive: true, force: true });
  }
});

test("the queue hands a slot straight to the next waiter, and refuses when too many wait", async () => {
  const queue = new ConversionQueue(1, 2);
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const first = queue.run(async (slot) => {
    order.push(`a${slot}`);
    await gate;
  });
  const second = queue.run(async (slot) => {
    order.push(`b${slot}`);
  });
  const third = queue.run(async (slot) => {
    order.push(`c${slot}`);
  });
  await assert.rejects(
    queue.run(async () => {}),
    (e: unknown) => e instanceof PdfBusyError && e.code === "pdf-busy",
  );
  release();
  await Promise.all([first, second, third]);
  assert.deepEqual(order, ["a0", "b0", "c0"]);
  assert.equal(queue.peak, 1);
  assert.equal(queue.running, 0);
  await assert.rejects(
    queue.run(async () => {
      throw new Error("boom");
    }),
    /boom/,
  );
  assert.equal(queue.running, 0, "a failed conversion frees its slot");
  assert.throws(() => new ConversionQueue(0, 1), RangeError);
});
