// A strict well-formedness check of an XML part for tests (no XML parser is a direct dependency): every
// tag is closed in order, attribute values hold no "<", text holds no bare "<" or "&", entity references
// are the five predefined ones or character references, and no character XML 1.0 forbids appears.

const TOKEN =
  /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|&(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);|[<&]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Throws an Error naming the first fault; returns the number of elements otherwise. */
export function checkWellFormed(xml: string): number {
  const bad = FORBIDDEN.exec(xml);
  if (bad) throw new Error(`forbidden character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`);
  const stack: string[] = [];
  let elements = 0;
  let root = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [token, closing, name, , selfClosing] = m;
    if (token === "<" || token === "&")
      throw new Error(`bare "${token}" at ${m.index}: ${xml.slice(m.index, m.index + 60)}`);
    if (!name) continue;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${m.index}`);
    } else {
      elements++;
      if (stack.length === 0) root++;
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack.join("> <")}>`);
  if (root !== 1) throw new Error(`${root} root elements`);
  return elements;
}
