import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { largestRemainder } from "./percent.ts";

const units = (xs: number[], decimals = 2) => xs.map((x) => Math.round(x * 10 ** decimals));

test("seed 004's online levels: 4.251, 737 and 982 of 5.970 give shares that add to 100", () => {
  const shares = largestRemainder([4251, 737, 982]);
  assert.deepEqual(shares, [71.21, 12.34, 16.45]);
  assert.equal(
    units(shares).reduce((a, b) => a + b, 0),
    10_000,
  );
  // rounding each on its own would give 71.21 + 12.35 + 16.45 = 100.01
  assert.deepEqual(largestRemainder([1, 1, 1], 0), [34, 33, 33]);
  assert.deepEqual(largestRemainder([0, 0]), [0, 0]);
  assert.deepEqual(largestRemainder([5]), [100]);
  assert.throws(() => largestRemainder([1.5]), RangeError);
});

test("property: shares total exactly 100, each within one unit of the exact share, and follow their parts", () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 0, max: 3 }),
      (parts, decimals) => {
        const whole = parts.reduce((a, b) => a + b, 0);
        const shares = largestRemainder(parts, decimals);
        const u = units(shares, decimals);
        if (whole === 0) return assert.ok(shares.every((s) => s === 0));
        assert.equal(
          u.reduce((a, b) => a + b, 0),
          100 * 10 ** decimals,
        );
        parts.forEach((p, i) => {
          const exact = (p / whole) * 100 * 10 ** decimals;
          assert.ok(Math.abs(u[i]! - exact) < 1, `share ${i}: ${u[i]} vs ${exact}`);
          if (p === 0) assert.equal(shares[i], 0);
        });
        for (let i = 0; i < parts.length; i++)
          for (let j = 0; j < parts.length; j++)
            if (parts[i]! > parts[j]!) assert.ok(shares[i]! >= shares[j]!, "a larger part never gets a smaller share");
      },
    ),
    { numRuns: 500 },
  );
});
