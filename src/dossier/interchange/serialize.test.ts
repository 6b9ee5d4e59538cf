import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { DossierEvent, DossierRecord } from "../record.ts";
import { parseDossierLine } from "./parse.ts";
import { dossierDifferences, sameDossier, serializeDossier } from "./serialize.ts";

const EXAMPLE =
  '{"code":"H57.12-200706-0001","unit":{"code":"H57.12","name":"UBND phường Hương Xuân","parent":"H57"},' +
  '"procedure":{"code":"1.001009","name":"Chứng thực bản sao từ bản chính","field":"Chứng thực","level":"commune","limit":"same day"},' +
  '"channel":"direct","applicant":{"name":"Nguyễn Văn An","idNumber":"046090001234","phone":"0905123456","address":"Hương Xuân, Huế"},' +
  '"receivedAt":"2020-07-06T08:15:00+07:00","dueAt":"2020-07-06T17:00:00+07:00",' +
  '"events":[{"type":"resolved","at":"2020-07-06T10:02:00+07:00"},{"type":"returned","at":"2020-07-06T10:30:00+07:00","via":"direct"}],' +
  '"digitized":true,"eResult":false,"fee":{"amount":2000,"paidOnline":false}}';

const parse = (line: string): DossierRecord => {
  const r = parseDossierLine(line);
  if ("error" in r) throw new Error(r.error.message);
  return r.ok;
};

test("the contract's example serializes back to itself, byte for byte", () => {
  assert.equal(serializeDossier(parse(EXAMPLE)), EXAMPLE);
});

test("instants are written in +07:00 local time whatever offset they came with; milliseconds are kept", () => {
  const r = parse(EXAMPLE.replace('"2020-07-06T08:15:00+07:00"', '"2020-07-05T18:15:00.250-07:00"'));
  const out = serializeDossier(r);
  assert.match(out, /"receivedAt":"2020-07-06T08:15:00\.250\+07:00"/);
  const refused = parse(
    '{"code":"X-200706-0001","unit":{"code":"X"},"procedure":{"code":"1"},"channel":"online_full","receivedAt":null,' +
      '"events":[{"type":"refused","at":"2020-07-06T00:30:00Z","reason":"Sai thẩm quyền"}]}',
  );
  assert.equal(
    serializeDossier(refused),
    '{"code":"X-200706-0001","unit":{"code":"X"},"procedure":{"code":"1"},"channel":"online_full",' +
      '"receivedAt":null,"dueAt":null,"events":[{"type":"refused","at":"2020-07-06T07:30:00+07:00","reason":"Sai thẩm quyền"}]}',
  );
});

test("sameDossier: another spelling of the same content is the same; any change is a conflict", () => {
  const a = parse(EXAMPLE);
  const b = parse(
    EXAMPLE.replace("2020-07-06T10:02:00+07:00", "2020-07-06T03:02:00Z").replace('"parent":"H57"', '"parent":"H57"'),
  );
  assert.ok(sameDossier(a, b));
  const noParent = parse(EXAMPLE.replace(',"parent":"H57"', ""));
  const nullParent = parse(EXAMPLE.replace('"parent":"H57"', '"parent":null'));
  assert.ok(sameDossier(noParent, nullParent), "absent and null parent are the same");
  const later = parse(EXAMPLE.replace("2020-07-06T10:30:00+07:00", "2020-07-06T10:31:00+07:00"));
  assert.ok(!sameDossier(a, later));
  assert.deepEqual(dossierDifferences(a, later), ["events[1]"]);
  const fee = parse(EXAMPLE.replace('"amount":2000', '"amount":3000'));
  assert.deepEqual(dossierDifferences(a, fee), ["fee"]);
  assert.ok(!sameDossier(a, noParent));
});

const DAY = 86_400_000;
const base = new Date("2020-01-01T00:00:00+07:00").getTime();

/** Random legal records: a receipt, optional supplements/extension/transfers, then an ending (or none). */
const record: fc.Arbitrary<DossierRecord> = fc
  .record({
    start: fc.integer({ min: 0, max: 2000 * DAY }),
    gaps: fc.array(fc.integer({ min: 0, max: 3 * DAY }), { minLength: 12, maxLength: 12 }),
    middle: fc.array(fc.constantFrom("supplement", "extended", "transferred"), { maxLength: 4 }),
    ending: fc.constantFrom(
      "none",
      "resolved",
      "resolved+returned",
      "declined",
      "declined+returned",
      "returned",
      "withdrawn",
      "stopped",
      "refused",
    ),
    channel: fc.constantFrom("direct", "postal", "online_partial", "online_full" as const),
    idNumber: fc.option(fc.stringMatching(/^(\d{12}|\d{9})$/), { nil: undefined }),
    name: fc.option(
      fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
      { nil: undefined },
    ),
    fee: fc.option(fc.record({ amount: fc.nat(1_000_000), paidOnline: fc.boolean() }), { nil: undefined }),
    apology: fc.boolean(),
  })
  .map((g) => {
    let t = base + g.start;
    const next = (i: number) => {
      t += g.gaps[i % g.gaps.length]!;
      return new Date(t);
    };
    const receivedAt = new Date(t);
    const events: DossierEvent[] = [];
    if (g.ending === "refused") {
      events.push({ type: "refused", at: receivedAt, reason: "Không đủ điều kiện" });
    } else {
      g.middle.forEach((kind, i) => {
        if (kind === "supplement") {
          events.push({ type: "supplement_requested", at: next(i), reason: "Thiếu giấy tờ" });
          const at = next(i + 1);
          events.push({ type: "supplement_received", at, dueAt: new Date(at.getTime() + DAY) });
        } else if (kind === "extended") {
          const at = next(i);
          events.push({ type: "extended", at, dueAt: new Date(at.getTime() + 2 * DAY), apology: g.apology });
        } else events.push({ type: "transferred", at: next(i), toUnit: `H${i}.01` });
      });
      if (g.ending.startsWith("resolved")) events.push({ type: "resolved", at: next(7) });
      if (g.ending.startsWith("declined"))
        events.push({ type: "declined", at: next(7), reason: "Không đủ điều kiện giải quyết" });
      if (g.ending.endsWith("returned")) events.push({ type: "returned", at: next(8), via: "postal" });
      if (g.ending === "withdrawn" || g.ending === "stopped")
        events.push({ type: g.ending, at: next(9), reason: "Lý do" });
    }
    const r: DossierRecord = {
      code: `H57.12-${String(g.start % 1000).padStart(6, "0")}-0001`,
      unit: { code: "H57.12", parent: "H57" },
      procedure: { code: "1.001009", level: "commune", limit: "3 working days" },
      channel: g.channel,
      receivedAt: g.ending === "refused" ? null : receivedAt,
      dueAt: g.ending === "refused" ? null : new Date(receivedAt.getTime() + 3 * DAY),
      events,
    };
    if (g.idNumber !== undefined || g.name !== undefined) {
      r.applicant = {};
      if (g.idNumber !== undefined) r.applicant.idNumber = g.idNumber;
      if (g.name !== undefined) r.applicant.name = g.name;
    }
    if (g.fee !== undefined) r.fee = { ...g.fee };
    return r;
  });

test("serialize → parse gives back the same record (property)", () => {
  fc.assert(
    fc.property(record, (r) => {
      const line = serializeDossier(r);
      const back = parseDossierLine(line);
      assert.ok("ok" in back, `${line}\n${JSON.stringify(back)}`);
      assert.deepEqual(back.ok, r);
      assert.ok(sameDossier(back.ok, r));
      assert.equal(serializeDossier(back.ok), line);
    }),
    { numRuns: 300 },
  );
});
