// Where the shipped unit seeds live (read by `motcua catalog seed` and the demo; this module reads nothing).
/** Thành phố Huế and Thành phố Đà Nẵng after the 2025 reorganisation (docs/units.md). */
export const STARTER_UNIT_URLS = [
  new URL("./data/hue.json", import.meta.url),
  new URL("./data/da-nang.json", import.meta.url),
];
