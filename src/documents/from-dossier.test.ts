// Forms numbered by name (issue 12): each number of Circular 03/2025/TT-VPCP names its form in one record that
// agrees with the form catalogue, so adding a form never shifts another; numbers and names address the same form.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FORM_CATALOG, findFormDefinition } from "./form-catalog.ts";
import {
  DOSSIER_FORM_NUMBERS,
  DOSSIER_FORMS,
  type DossierFormNumber,
  dossierFormOf,
  UNNUMBERED_DOSSIER_FORMS,
} from "./from-dossier.ts";

test("each dossier form's number is its number in the 2025 catalogue, and every numbered 2025 form is there", () => {
  for (const [number, form] of Object.entries(DOSSIER_FORM_NUMBERS)) {
    assert.equal(findFormDefinition("2025", form)?.number, number, form);
  }
  const numbered = FORM_CATALOG.filter((d) => d.set === "2025" && d.form !== "ledger" && /^\d+$/.test(d.number));
  assert.deepEqual(
    numbered.map((d) => d.form).sort(),
    Object.values(DOSSIER_FORM_NUMBERS).sort(),
    "the catalogue's numbered dossier forms",
  );
  for (const form of UNNUMBERED_DOSSIER_FORMS) {
    assert.doesNotMatch(findFormDefinition("2025", form)!.number, /^\d+$/, `${form} has no official number`);
  }
});

test("a number, with or without its leading zero, and a name address the same form", () => {
  for (const [number, form] of Object.entries(DOSSIER_FORM_NUMBERS) as [DossierFormNumber, string][]) {
    assert.equal(dossierFormOf(number), form);
    assert.equal(dossierFormOf(String(Number(number))), form);
  }
  assert.equal(dossierFormOf("04"), "apology");
  assert.equal(dossierFormOf("6"), "control-sheet");
  for (const form of DOSSIER_FORMS) assert.equal(dossierFormOf(form), form);
  assert.equal(new Set(DOSSIER_FORMS).size, DOSSIER_FORMS.length, "each form once");
});

test("numbers and names outside the dossier's forms address nothing", () => {
  for (const id of ["07", "7", "ledger", "0", "00", "001", "010", "08", " 01", "01 ", "Receipt", "", "constructor"]) {
    assert.equal(dossierFormOf(id), undefined, JSON.stringify(id));
  }
});
