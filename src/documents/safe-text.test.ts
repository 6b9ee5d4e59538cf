// Values are text, never Word XML (issue 14, item 1): a forged run through docx-templates' `||` literal-XML
// delimiter, malformed markup and characters XML forbids all print as text in a well-formed document.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import JSZip from "jszip";
import { renderForm } from "./forms.ts";
import { xmlSafeText } from "./safe-text.ts";
import { openDocx } from "./testing/docx-inspect.ts";
import { context2025, FORGED, ledger2025 } from "./testing/fixtures.ts";
import { checkWellFormed } from "./testing/xml-check.ts";
import type { FormRequest } from "./types.ts";

const MALFORMED = ["||</w:t></w:r></w:p><w:p>||", "||<w:t>", "a || b </w:p> & c <d", "{{office.name}} $c.name"];

function receiptFor(name: string): FormRequest {
  const context = context2025();
  return { form: "receipt", context: { ...context, dossier: { ...context.dossier, applicant: { name } } } };
}

/** Every XML part of a .docx is well-formed; returns word/document.xml. */
async function wellFormed(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    assert.doesNotThrow(() => checkWellFormed(xml), `${name} is well-formed`);
  }
  return zip.file("word/document.xml")!.async("string");
}

const runs = (xml: string) => (xml.match(/<w:r>|<w:r /g) ?? []).length;

test("a forged run in the applicant's name prints as text: no red run, no injected text run", async () => {
  const forged = await renderForm(receiptFor(FORGED));
  const xml = await wellFormed(forged);
  const plain = await wellFormed(await renderForm(receiptFor("Nguyễn Văn An")));
  assert.doesNotMatch(xml, /<w:color w:val="FF0000"/, "no colour from the data");
  assert.equal(runs(xml), runs(plain), "as many runs as with an ordinary name");
  const doc = await openDocx(forged);
  assert.ok(doc.text.includes(FORGED), "the literal string, delimiters and tags included");
  assert.ok(!doc.paragraphs.includes("DA DUYET - MIEN PHI"), "no paragraph or run of its own");
});

test("malformed markup and forbidden characters give a valid document with the text as typed", async () => {
  for (const name of MALFORMED) {
    const doc = await openDocx(await renderForm(receiptFor(name)));
    await wellFormed(await renderForm(receiptFor(name)));
    assert.ok(doc.text.includes(name), name);
  }
  const controls = "Lê\u0000Văn\u0001\u0008Bình\uFFFE\uD800";
  const xml = await wellFormed(await renderForm(receiptFor(controls)));
  assert.ok(xml.includes("LêVănBình"));
});

test("the ledger renders with forged and malformed applicants' names and addresses", async () => {
  const ledger = ledger2025();
  ledger.entries = [...MALFORMED, FORGED].map((name, i) => ({
    ...ledger.entries[0]!,
    code: `X-${i}`,
    applicantName: name,
    applicantAddress: FORGED,
    note: "||<w:br/>||",
  }));
  const bytes = await renderForm({ form: "ledger", ledger });
  const xml = await wellFormed(bytes);
  assert.doesNotMatch(xml, /<w:color /);
  const doc = await openDocx(bytes);
  assert.ok(doc.text.includes(FORGED) && doc.text.includes("||<w:br/>||"));
});

test("property: any applicant name yields a well-formed receipt whose text carries it (forbidden characters removed)", async () => {
  const piece = fc.oneof(
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    fc.constantFrom("||", "<", ">", "&", "</w:t>", "<w:r>", '"', "{{", "}}", "\u0001", "\u0000", "&amp;"),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { maxLength: 6 }), async (pieces) => {
      const name = pieces.join("").replace(/[\r\n]/g, " ");
      const bytes = await renderForm(receiptFor(name));
      await wellFormed(bytes);
      const doc = await openDocx(bytes);
      assert.ok(doc.text.includes(xmlSafeText(name)), JSON.stringify(name));
    }),
    { numRuns: 25, seed: 14 },
  );
});

test("xmlSafeText removes exactly the characters XML 1.0 forbids", () => {
  assert.equal(xmlSafeText("a\u0000b\u0001\u001Fc\td\ne\rf\uFFFFg\uD83D\uDE00h\uDC00"), "abc\td\ne\rfg\uD83D\uDE00h");
  assert.equal(xmlSafeText("Hoa\u0300"), "Hoà", "NFC");
});
