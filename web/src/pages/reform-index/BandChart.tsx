// How many units fall in each band, as horizontal bars drawn in SVG (no chart package): one row per band,
// the bar's length proportional to the count, the count written beside it.
import type { Standings } from "./types.ts";

const COLORS = ["#237804", "#389e0d", "#0a4ea3", "#d48806", "#cf1322", "#8c8c8c"];

export function BandChart({ bands }: { bands: Standings["bands"] }) {
  const shown = bands.filter((b) => b.minPercent !== null || b.count > 0);
  const most = Math.max(1, ...shown.map((b) => b.count));
  const total = shown.reduce((s, b) => s + b.count, 0);
  const row = 30;
  const label = 150;
  const width = 520;
  const bar = width - label - 60;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={`Số đơn vị theo xếp loại: ${shown.map((b) => `${b.name} ${b.count}`).join(", ")}`}
        viewBox={`0 0 ${width} ${shown.length * row + 4}`}
        style={{ width: "100%", maxWidth: width }}
        data-testid="band-chart"
      >
        {shown.map((b, i) => {
          const y = i * row + 4;
          const w = Math.round((b.count / most) * bar);
          return (
            <g key={b.name}>
              <text x={0} y={y + 17} fontSize={13}>
                {b.name}
                {b.minPercent !== null && b.minPercent > 0 ? ` (≥ ${b.minPercent}%)` : ""}
              </text>
              <rect x={label} y={y + 3} width={Math.max(w, 1)} height={row - 10} fill={COLORS[i % COLORS.length]} />
              <text x={label + Math.max(w, 1) + 6} y={y + 17} fontSize={13}>
                {b.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: 12, color: "#595959" }}>Tổng số {total} đơn vị</figcaption>
    </figure>
  );
}
