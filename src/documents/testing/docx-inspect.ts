// Opens a .docx for tests: the text of word/document.xml paragraph by paragraph, fonts, page setup, media.
import JSZip from "jszip";

export interface DocxView {
  xml: string;
  /** Text of each paragraph (w:t runs joined), in order. */
  paragraphs: string[];
  text: string;
  /** Every font named in w:rFonts of the document and its styles. */
  fonts: Set<string>;
  /** Run sizes (w:sz, half-points) used in the document. */
  sizes: Set<number>;
  page: { width: number; height: number; orient?: string; top: number; bottom: number; left: number; right: number };
  media: string[];
  files: string[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
}

export async function openDocx(bytes: Uint8Array): Promise<DocxView> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(""),
  );
  const fonts = new Set<string>();
  for (const m of `${xml}${styles}`.matchAll(/<w:rFonts [^>]*>/g)) {
    for (const key of ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"]) {
      const f = attr(m[0], key);
      if (f) fonts.add(f);
    }
  }
  const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1])));
  const pgSz = /<w:pgSz [^>]*>/.exec(xml)?.[0] ?? "";
  const pgMar = /<w:pgMar [^>]*>/.exec(xml)?.[0] ?? "";
  const num = (tag: string, name: string) => Number(attr(tag, name));
  return {
    xml,
    paragraphs,
    text: paragraphs.join("\n"),
    fonts,
    sizes,
    page: {
      width: num(pgSz, "w:w"),
      height: num(pgSz, "w:h"),
      orient: attr(pgSz, "w:orient"),
      top: num(pgMar, "w:top"),
      bottom: num(pgMar, "w:bottom"),
      left: num(pgMar, "w:left"),
      right: num(pgMar, "w:right"),
    },
    media: Object.keys(zip.files).filter((f) => f.startsWith("word/media/")),
    files: Object.keys(zip.files),
  };
}

/** Millimetres from twips, rounded to 0.1 mm. */
export const mm = (twips: number): number => Math.round((twips / 1440) * 254) / 10;
