import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { listCommands } from "docx-templates";
import JSZip from "jszip";
import { FORM_CATALOG } from "./form-catalog.ts";
import { allFormTemplates, DELIMITERS } from "./form-templates.ts";
import { SHIPPED_TEMPLATES_DIR } from "./forms.ts";
import { toBuffer } from "./official.ts";

const documentXml = async (bytes: Uint8Array) =>
  (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");

test("the committed templates are exactly what scripts/gen-form-templates.ts generates", async () => {
  const templates = allFormTemplates();
  assert.equal(templates.length, FORM_CATALOG.length);
  for (const { path, document } of templates) {
    const committed = await documentXml(await readFile(join(SHIPPED_TEMPLATES_DIR, path)));
    const generated = await documentXml(await toBuffer(document));
    assert.equal(committed, generated, `${path} is stale: run node --import tsx scripts/gen-form-templates.ts`);
  }
});

test("each shipped template holds its commands intact and the receipt an IMAGE command for the QR code", async () => {
  for (const def of FORM_CATALOG) {
    const bytes = await readFile(join(SHIPPED_TEMPLATES_DIR, "forms", def.set, def.file));
    const template = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const commands = await listCommands(template, DELIMITERS);
    assert.ok(commands.length >= 10, `${def.file}: ${commands.length} commands`);
    const images = commands.filter((c) => c.type === "IMAGE").map((c) => c.code.trim());
    assert.deepEqual(images, def.form === "receipt" ? ["qr"] : [], def.file);
    const text = await documentXml(bytes);
    assert.ok(text.includes(def.title), `${def.file} carries its title`);
  }
});
