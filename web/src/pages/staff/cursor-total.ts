// The total a keyset-paged list shows (issue 20): exact, or "khoảng" with two significant digits when the API
// estimated it (past 1,000 dossiers).
import { formatCount } from "../../format.ts";

export interface CursorPage {
  total: number;
  totalExact?: boolean;
  nextCursor?: string | null;
}

/** "1.234 hồ sơ", or "khoảng 12.000 hồ sơ" for an estimate. */
export function totalText(page: CursorPage | undefined): string {
  if (!page) return "";
  if (page.totalExact !== false) return `${formatCount(page.total)} hồ sơ`;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, page.total))) - 1);
  return `khoảng ${formatCount(Math.round(page.total / magnitude) * magnitude)} hồ sơ`;
}
