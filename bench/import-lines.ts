// Interchange lines for bench/import.ts: a pool of demo dossiers (generateDemo: realistic names, addresses,
// channels, supplements, transfers, late and refused dossiers), serialized once and written again and again
// with the daily sequence of each code shifted past the pool's, so every line is valid and every code new.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Procedure } from "../src/catalog/procedure.ts";
import { generateDemo } from "../src/demo/generate.ts";
import { serializeDossier } from "../src/dossier/interchange/index.ts";
import type { Unit } from "../src/units/unit.ts";

const POOL = 50_000;
const CODE = /^(.*-\d{6}-)(\d{4})$/;

export async function writeDemoLines(
  file: string,
  count: number,
  reference: { units: readonly Unit[]; procedures: readonly Procedure[] },
): Promise<{ templates: number; copies: number }> {
  const demo = generateDemo({
    seed: 1,
    today: new Date("2026-03-02T17:00:00+07:00"),
    units: reference.units,
    procedures: reference.procedures,
    dossiers: Math.min(count, POOL),
  });
  const templates = demo.records.map((record) => {
    const line = serializeDossier(record);
    const [, prefix, sequence] = CODE.exec(record.code)!;
    const at = line.indexOf(`"${record.code}"`);
    return {
      head: `${line.slice(0, at)}"${prefix}`,
      sequence: Number(sequence),
      tail: line.slice(at + record.code.length + 1),
    };
  });
  const stride = Math.max(...templates.map((t) => t.sequence));
  const copies = Math.ceil(count / templates.length);
  if (stride * copies > 9999)
    throw new Error(`${copies} copies of sequences up to ${stride} overflow a day's 9999 codes`);
  const out = createWriteStream(file, { encoding: "utf8" });
  let written = 0;
  for (let copy = 0; copy < copies && written < count; copy++) {
    let chunk = "";
    for (const t of templates) {
      if (written === count) break;
      chunk += `${t.head}${String(t.sequence + copy * stride).padStart(4, "0")}${t.tail}\n`;
      written++;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, "drain");
        chunk = "";
      }
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return { templates: templates.length, copies };
}
