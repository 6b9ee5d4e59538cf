// One source of truth for form 01: every line the receipt template prints from a value, rebuilt from the JSON
// view (formJson), is a line of the filled .docx; the QR image is the same PNG. A template line reading a value
// the JSON lacks fails, so the quick-print receipt (web ReceiptPage) cannot drift from the official form.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import JSZip from "jszip";
import { formSetFor, getFormDefinition } from "./form-catalog.ts";
import { formJson } from "./form-data.ts";
import { renderForm, resolveTemplate } from "./forms.ts";
import { openDocx } from "./testing/docx-inspect.ts";
import { context2020, context2025, FORGED } from "./testing/fixtures.ts";
import type { FormContext } from "./types.ts";

/** The value at a dotted path ("applicant.idNumber") of a JSON object. */
function at(data: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
}

/** A template line with each {{path}} replaced from `scope`; a path the scope lacks throws. */
function fill(line: string, scope: unknown): string {
  return line.replace(/\{\{\s*([$\w.]+)\s*\}\}/g, (_, path: string) => {
    const value = at(scope, path);
    assert.ok(typeof value === "string" || typeof value === "number", `the JSON has no value at ${path}`);
    return String(value);
  });
}

async function receiptLines(context: FormContext) {
  const request = { form: "receipt", context } as const;
  const def = getFormDefinition(formSetFor(context.dossier.receivedAt), "receipt");
  const template = await openDocx(await readFile(await resolveTemplate(def, undefined)));
  const bytes = await renderForm(request);
  return { template, filled: await openDocx(bytes), bytes, json: await formJson(request, def) };
}

for (const [name, context] of [
  ["2018 set", context2020()],
  ["2025 set", context2025()],
] as const) {
  test(`form 01 (${name}): every value the .docx prints is the JSON's value`, async () => {
    const { template, filled, bytes, json } = await receiptLines(context);
    const valueLines = template.paragraphs.filter((p) => p.includes("{{") && !/\{\{\s*(IMAGE|FOR|END-FOR)\b/.test(p));
    const plain = valueLines.filter((p) => !p.includes("{{$c."));
    assert.ok(plain.length >= 15, `the receipt reads its values (${plain.length} lines)`);
    for (const line of plain) {
      const expected = fill(line, json);
      assert.ok(filled.paragraphs.includes(expected), `the .docx prints "${expected}"`);
    }
    const componentLine = valueLines.find((p) => p.includes("{{$c."));
    assert.ok(componentLine, "the receipt lists the papers received");
    assert.ok(json.components.length > 0);
    for (const c of json.components) {
      const expected = fill(componentLine.replaceAll("$c.", "c."), { c });
      assert.ok(filled.paragraphs.includes(expected), `the .docx lists "${expected}"`);
    }
    // the QR image is the very PNG of the .docx, encoding the lookup URL with its secret
    const zip = await JSZip.loadAsync(bytes);
    const png = filled.media.find((m) => m.endsWith(".png"))!;
    const docxPng = (await zip.file(png)!.async("nodebuffer")).toString("base64");
    assert.equal(json.qr.src, `data:image/png;base64,${docxPng}`);
    assert.equal(json.qr.url, context.dossier.lookupUrl);
    assert.equal(json.form.numberLine, filled.paragraphs[0]);
  });
}

test("form 01's JSON holds the receipt's facts: number, ID, appointment, receiving officer", async () => {
  const context = { ...context2025(), documentNumber: "07/GTN-TTPVHCC", receiverName: "Trần Văn Bình" };
  const { json } = await receiptLines(context);
  assert.equal(json.number, "07/GTN-TTPVHCC");
  assert.equal(json.form.id, "receipt");
  assert.equal(json.form.number, "01");
  assert.equal(json.applicant.idNumber, context.dossier.applicant.idNumber);
  assert.equal(json.signer.name, "Trần Văn Bình");
  assert.equal(json.signer.title, "NGƯỜI TIẾP NHẬN HỒ SƠ");
  assert.match(json.dossier.dueAtText, /^\d{2} giờ \d{2} phút, ngày \d{2}\/\d{1,2}\/\d{4}$/);
  assert.equal(json.office.name, context.office.name);
});

test("form 01's JSON is text as the .docx prints it: forbidden XML characters are gone there too", async () => {
  const context = context2025();
  context.dossier.applicant = { ...context.dossier.applicant, name: `A\u0000${FORGED}` };
  const { json, filled } = await receiptLines(context);
  assert.ok(!json.applicant.name.includes("\u0000"));
  assert.ok(filled.text.includes(json.applicant.name));
});
