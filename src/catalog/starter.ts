// Where the shipped reference data lives (read by `motcua catalog seed` and the demo; this module reads nothing).
/** The starter catalogue: 57 commune-level procedures (docs/catalog.md). */
export const STARTER_CATALOG_URL = new URL("./data/procedures.json", import.meta.url);
