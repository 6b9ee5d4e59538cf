// The one-sentence verdict of a dossier import on the admin page.
import { formatCount } from "../../format.ts";
import type { DossierImportSummary } from "../../types.ts";

/** What the import did, in one sentence: never "Đã nhập" when nothing was imported (issue 15). */
export function importVerdict(r: Pick<DossierImportSummary, "read" | "imported" | "unchanged" | "rejected">): {
  type: "success" | "info" | "warning" | "error";
  title: string;
} {
  const n = formatCount(r.imported);
  if (r.read === 0) return { type: "warning", title: "Tệp không có dòng hồ sơ nào" };
  if (r.imported === 0 && r.rejected === 0) {
    return { type: "info", title: "Không có hồ sơ mới: mọi dòng đều đã có và không thay đổi" };
  }
  if (r.imported === 0) return { type: "error", title: "Không nhập được hồ sơ nào: các dòng còn lại bị từ chối" };
  if (r.rejected > 0) return { type: "warning", title: `Đã nhập ${n} hồ sơ; có dòng bị từ chối` };
  return { type: "success", title: `Đã nhập ${n} hồ sơ` };
}
