// Shares that add up: an appendix prints each part's percentage rounded to `decimals` places, and a column of
// rounded shares must total exactly 100 (seed 004 prints 71.2 + 12.35 + 16.45 = 100). Rounding each share on
// its own can give 100.01 or 99.99, so the largest-remainder method (Hamilton) is used: every share is first
// rounded down to the unit of the last place, then the units still missing to 100 go one each to the shares
// with the largest remainders (ties: the larger part, then the earlier one).

/** Percentages of `parts` rounded to `decimals` places that sum to exactly 100 (all 0 when the parts are). */
export function largestRemainder(parts: readonly number[], decimals = 2): number[] {
  for (const p of parts) {
    if (!Number.isInteger(p) || p < 0) throw new RangeError(`parts are counts (non-negative integers), not ${p}`);
  }
  const whole = parts.reduce((a, b) => a + b, 0);
  if (whole === 0) return parts.map(() => 0);
  const unit = 10 ** decimals;
  const scale = 100 * unit; // the total in units of the last place
  // exact integer arithmetic: quota_i = parts_i * scale / whole = floor_i + rest_i / whole
  const floors = parts.map((p) => Math.floor((p * scale) / whole));
  const rests = parts.map((p, i) => p * scale - floors[i]! * whole);
  let missing = scale - floors.reduce((a, b) => a + b, 0);
  const order = parts.map((_, i) => i).sort((a, b) => rests[b]! - rests[a]! || parts[b]! - parts[a]! || a - b);
  for (const i of order) {
    if (missing === 0) break;
    floors[i]! += 1;
    missing--;
  }
  return floors.map((f) => f / unit);
}
