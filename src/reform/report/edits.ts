// Text a unit writes into its report before issuing it (REFORM.md §3: đánh giá chung, phương hướng, kiến
// nghị): paragraphs that replace the template's in sections III–V. A figure in them is written as a {name}
// of reportFigures ("còn {finishedLate} hồ sơ quá hạn"), so it is the computation's, never a typed number:
// a count typed as digits next to its unit ("21 nhiệm vụ") is refused (`literal-figure`) — seed 001 typed 21
// tasks done in its text against 19 in its 01b — and so is a {name} nobody computed (`unknown-figure`).
import { figuresUsed, type ReportFigures } from "./figures.ts";

/** Replacement paragraphs per section; absent = the template's. */
export interface ReportEdits {
  assessment?: string[];
  directions?: string[];
  proposals?: string[];
}

/** The template's section index each edit replaces (I, II, III, IV, V = 0…4). */
export const EDITED_SECTIONS: Record<keyof ReportEdits, number> = { assessment: 2, directions: 3, proposals: 4 };

export interface EditFinding {
  code: "literal-figure" | "unknown-figure";
  section: keyof ReportEdits;
  paragraph: number;
  text: string;
}

const COUNTED =
  /(?<![\p{L}\d{])(\d[\d.,]*)\s*(hồ sơ|nhiệm vụ|thủ tục|TTHC|văn bản|người|trường hợp|phiếu|vấn đề|đơn vị|%)/giu;

/** Every figure typed as digits, and every unknown {name}, in the edited paragraphs. */
export function checkEdits(edits: ReportEdits, figures: ReportFigures): EditFinding[] {
  const found: EditFinding[] = [];
  for (const section of Object.keys(EDITED_SECTIONS) as (keyof ReportEdits)[]) {
    (edits[section] ?? []).forEach((paragraph, i) => {
      const bare = paragraph.replace(/\{[A-Za-z0-9.]+\}/g, "");
      for (const m of bare.matchAll(COUNTED)) {
        found.push({ code: "literal-figure", section, paragraph: i + 1, text: `${m[1]} ${m[2]}` });
      }
      for (const name of figuresUsed(paragraph)) {
        if (!(name in figures)) found.push({ code: "unknown-figure", section, paragraph: i + 1, text: `{${name}}` });
      }
    });
  }
  return found;
}
