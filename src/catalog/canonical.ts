// Canonical JSON: object keys sorted at every depth, undefined members dropped. Two values that a JSON
// round trip (or a jsonb column, which reorders keys) cannot tell apart get the same text, so a re-import
// can say "unchanged" instead of "conflict".
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}
