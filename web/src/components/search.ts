// Local filtering of short option lists (units) the way the server searches procedures: without diacritics.
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** antd Select `showSearch` config: "phu xuan" finds "Phường Phú Xuân". */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    fold(String(option?.label ?? "")).includes(fold(input)),
};
