// Compact encodings of lists inside one CSV cell: items separated by ";", parts by "|".
// A literal ";", "|" or "\" inside a part is written "\;", "\|", "\\".

function splitEscaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length) {
      cur += c + s[i + 1];
      i++;
    } else if (c === sep) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const unescapePart = (s: string) => s.replace(/\\(.)/g, "$1");
const escapePart = (s: string) => s.replace(/[\\;|]/g, (c) => `\\${c}`);

/** "a|b;c|d" → [["a","b"],["c","d"]]; empty cell → []. Parts are trimmed. */
export function decodeList(cell: string): string[][] {
  if (cell.trim() === "") return [];
  return splitEscaped(cell, ";")
    .filter((item) => item.trim() !== "")
    .map((item) => splitEscaped(item, "|").map((p) => unescapePart(p).trim()));
}

/** Inverse of decodeList; trailing empty parts are dropped. */
export function encodeList(items: readonly (readonly (string | undefined)[])[]): string {
  return items
    .map((parts) => {
      const ps = parts.map((p) => p ?? "");
      while (ps.length > 1 && ps[ps.length - 1] === "") ps.pop();
      return ps.map(escapePart).join("|");
    })
    .join(";");
}

/** "a;b" → ["a","b"] (one part per item). */
export function decodeSimpleList(cell: string): string[] {
  return decodeList(cell).map((parts) => parts.join("|"));
}

export function encodeSimpleList(items: readonly string[]): string {
  return items.map(escapePart).join(";");
}
