// Which edit the CCHC index pages offer on a node in each phase, and the status they show.
import assert from "node:assert/strict";
import { test } from "node:test";
import { modeFor, statusOf } from "./rules.ts";
import type { Assessment, Phase, ScoredNode } from "./types.ts";

const leaf = (over: Partial<ScoredNode> = {}): ScoredNode => ({
  code: "6.2",
  name: "Công khai tài sản công",
  max: 2,
  rule: "manual",
  source: "assessment",
  score: null,
  selfScore: null,
  inputs: {},
  formula: "",
  reason: null,
  evidenceRequired: [],
  warnings: [],
  children: [],
  ...over,
});
const assessed = (over: Partial<Assessment>): Assessment => ({
  code: "6.2",
  selfScore: null,
  selfNote: null,
  evidence: [],
  appraisal1: null,
  appraisal2: null,
  final: null,
  appraiserNote: null,
  explanation: null,
  explanationEvidence: [],
  version: 1,
  ...over,
});

test("the unit self-scores and explains, the level above appraises, each only in its phase", () => {
  const unit = { self: true, appraise: false };
  const above = { self: true, appraise: true };
  const phases: Phase[] = ["self", "appraisal1", "explanation", "appraisal2", "final", "closed"];
  assert.deepEqual(
    phases.map((phase) => modeFor({ phase, may: unit }, leaf())),
    ["self", null, "explanation", null, null, null],
  );
  assert.deepEqual(
    phases.map((phase) => modeFor({ phase, may: above }, leaf())),
    ["self", "appraisal1", "explanation", "appraisal2", "final", null],
  );
  assert.equal(modeFor({ phase: "self", may: { self: false, appraise: false } }, leaf()), null, "a reader only reads");
});

test("computed nodes, parents and nodes without a max are never edited by hand", () => {
  const may = { self: true, appraise: true };
  assert.equal(modeFor({ phase: "self", may }, leaf({ source: "auto", score: 0.16 })), null);
  assert.equal(modeFor({ phase: "self", may }, leaf({ max: null })), null);
  assert.equal(modeFor({ phase: "self", may }, leaf({ source: "sum", children: [leaf()] })), null);
  // an automatic source with nothing recorded falls back to the assessment: editable
  assert.equal(modeFor({ phase: "self", may }, leaf({ source: "none" })), "self");
});

test("the status follows the latest round", () => {
  assert.equal(statusOf(leaf(), undefined).text, "Chưa chấm");
  assert.equal(statusOf(leaf(), assessed({ selfScore: 2 })).text, "Đã tự chấm");
  assert.equal(statusOf(leaf(), assessed({ selfScore: 2, appraisal1: 1 })).text, "Đã thẩm định lần 1");
  assert.equal(statusOf(leaf(), assessed({ selfScore: 2, appraisal1: 1, appraisal2: 2 })).text, "Đã thẩm định lần 2");
  assert.equal(statusOf(leaf(), assessed({ selfScore: 2, final: 2 })).text, "Đã chốt");
  assert.equal(statusOf(leaf({ source: "auto" }), undefined).text, "Tự động");
  assert.equal(statusOf(leaf({ max: null }), undefined).text, "Chờ điểm tối đa");
});
