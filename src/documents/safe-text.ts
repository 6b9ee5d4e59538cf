// Values reaching a document are text, never markup. docx-templates copies a value between two of its
// "literal XML" delimiters (`||` by default) into word/document.xml unescaped, so an applicant named
// `||</w:t></w:r><w:r>…||` could print a forged red "approved" run, or corrupt the form. renderForm therefore
// (1) passes every value through `textOnly`, which drops the characters XML 1.0 forbids (C0 controls other
// than tab and line breaks, U+FFFE/U+FFFF, lone surrogates), and (2) names as the literal delimiter
// LITERAL_XML_DELIMITER, a control character that `textOnly` removes from data and that a well-formed
// template cannot contain: no value can ever open a literal segment. Line breaks still become <w:br/>, the
// only literal XML docx-templates itself writes. The shipped and uploaded templates remain the only markup.

/** Characters that may not appear in an XML 1.0 document. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The literal-XML delimiter given to docx-templates: U+0001, which no value or template can contain. */
export const LITERAL_XML_DELIMITER = "\u0001";

/** A string as XML character data can hold it: forbidden characters removed, NFC. */
export function xmlSafeText(value: string): string {
  return value.replace(NOT_XML, "").normalize("NFC");
}

/**
 * A deep copy of template data with every string made XML-safe. Binary values (images) are kept as they
 * are; anything that is not plain data (functions, class instances other than Date and Buffer) is refused,
 * so a template can only ever print text.
 */
export function textOnly<T>(data: T): T {
  return walk(data) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === "string") return xmlSafeText(value);
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(walk);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  }
  throw new TypeError(`template data must be plain text, numbers or images, not ${typeof value}`);
}
