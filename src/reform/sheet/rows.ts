// The rows of the CCHC statistics sheet (Phụ lục 01b, seed 001 "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG
// TÁC CẢI CÁCH HÀNH CHÍNH"): every line of the seed's table in its order, with its code, label, unit of
// measure (ĐVT) and where its value comes from. Pure data; CONTRACTS.md §6 pins the codes and the order.
// Seed 001's own defects are fixed here (docs/reform-report.md "Seed 001's defects"): group rows carry no
// value (4.1, 5.4 and 7.2 held one), codes lose their trailing dot ("2.3." → "2.3"), the "Trong đó" lines get
// codes of their own (3.3.1.direct …), "nt" (ditto) units are written out, 3.5 gets its missing unit, and
// 3.2.6 counts procedures (the seed put the dossier count 494 there).

/** Where a row's value comes from (CONTRACTS.md §6 `source`). */
export type SheetSource = "dossiers" | "catalogue" | "records" | "manual";

/** What kind of number a row holds: a count, a percentage 0–100, or one of a few coded answers. */
export type ValueKind = "count" | "percent" | "choice";

export interface SheetRowDef {
  code: string;
  label: string;
  /** Đơn vị tính; "" for group rows. */
  unitOfMeasure: string;
  /** Group rows (1, 1.1, 3.3, …) head the rows below them and never hold a value. */
  group?: true;
  /** Default source: computed (`dossiers`, `catalogue`) or kept by the reform records (`records`). */
  source: SheetSource;
  kind: ValueKind;
  /** The coded answers of a `choice` row (e.g. 0 = không, 1 = có). */
  choices?: readonly number[];
  /** Indented "Trong đó" line under the row above. */
  part?: true;
}

const g = (code: string, label: string, unitOfMeasure = ""): SheetRowDef => ({
  code,
  label,
  unitOfMeasure,
  group: true,
  source: "records",
  kind: "count",
});
const r = (code: string, label: string, unitOfMeasure: string, extra: Partial<SheetRowDef> = {}): SheetRowDef => ({
  code,
  label,
  unitOfMeasure,
  source: "records",
  kind: "count",
  ...extra,
});
const dossiers = { source: "dossiers" } as const;
const catalogue = { source: "catalogue" } as const;
const percent = { kind: "percent" } as const;
const yesNo = (unitOfMeasure: string): Partial<SheetRowDef> & { unitOfMeasure: string } => ({
  unitOfMeasure,
  kind: "choice",
  choices: [0, 1],
});

const HO_SO = "Số lượng hồ sơ";
const THU_TUC = "Thủ tục";

/** Phụ lục 01b, in seed 001's order. */
export const SHEET_ROWS: readonly SheetRowDef[] = [
  g("1", "Công tác chỉ đạo điều hành CCHC"),
  g("1.1", "Kế hoạch CCHC"),
  r("1.1.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ"),
  r("1.1.2", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ"),
  r("1.1.3", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản"),
  g("1.2", "Kiểm tra CCHC"),
  r("1.2.1", "Số bộ phận, công chức chuyên môn cấp xã đã kiểm tra", "Bộ phận, công chức CM"),
  r("1.2.2", "Số vấn đề phát hiện qua kiểm tra", "Vấn đề"),
  r("1.2.3", "Số vấn đề phát hiện đã xử lý xong", "Vấn đề"),
  g("1.3", "Thực hiện nhiệm vụ UBND huyện, Chủ tịch UBND huyện giao"),
  r("1.3.1", "Tổng số nhiệm vụ được giao", "Nhiệm vụ"),
  r("1.3.2", "Số nhiệm vụ đã hoàn thành đúng hạn", "Nhiệm vụ"),
  r("1.3.3", "Số nhiệm vụ đã hoàn thành nhưng quá hạn", "Nhiệm vụ"),
  g("1.4", "Khảo sát sự hài lòng của người dân tổ chức"),
  r("1.4.1", "Số lượng phiếu khảo sát", "Số lượng"),
  r("1.4.2", "Hình thức khảo sát", "Trực tuyến = 0; Phát phiếu = 1; Kết hợp = 2", {
    kind: "choice",
    choices: [0, 1, 2],
  }),
  r(
    "1.5",
    "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp trên địa bàn",
    "Không = 0; Có = 1",
    yesNo("Không = 0; Có = 1"),
  ),
  g("2", "Cải cách thể chế"),
  r("2.1", "Số VBQPPL đã ban hành/tham mưu ban hành", "Văn bản"),
  r("2.2", "Số VBQPPL đã kiểm tra theo thẩm quyền", "Văn bản"),
  r("2.3", "Số VBQPPL đã rà soát", "Văn bản"),
  r("2.4", "Số VBQPPL đã kiến nghị xử lý sau kiểm tra rà soát", "Văn bản"),
  r("2.5", "Số VBQPPL có kiến nghị xử lý đã được xử lý xong", "Văn bản"),
  g("3", "Cải cách thủ tục hành chính"),
  g("3.1", "Thống kê TTHC"),
  r("3.1.1", "Số TTHC/danh mục TTHC thuộc thẩm quyền quản lý công bố mới", THU_TUC, catalogue),
  r("3.1.2", "Số TTHC thuộc thẩm quyền bãi bỏ, thay thế", THU_TUC, catalogue),
  r("3.1.3", "Tổng số TTHC đang áp dụng", THU_TUC, catalogue),
  g("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông"),
  r("3.2.1", "Số TTHC đưa vào thực hiện theo cơ chế một cửa tại cấp xã", THU_TUC, catalogue),
  r("3.2.2", "Số TTHC liên thông cùng cấp", THU_TUC, catalogue),
  r("3.2.3", "Số TTHC liên thông giữa các cấp chính quyền", THU_TUC, catalogue),
  r("3.2.4", "Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ (theo quy trình ISO)", "%", percent),
  r("3.2.5", "Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hóa", "%", { ...catalogue, ...percent }),
  r(
    "3.2.6",
    "Số TTHC đã thực hiện tiếp nhận và giải quyết hồ sơ không phụ thuộc vào địa giới hành chính",
    THU_TUC,
    catalogue,
  ),
  g("3.3", "Kết quả giải quyết TTHC"),
  r("3.3.1", "Số lượng hồ sơ đã tiếp nhận", HO_SO, dossiers),
  r("3.3.1.direct", "Tiếp nhận trực tiếp", HO_SO, { ...dossiers, part: true }),
  r("3.3.1.postal", "Tiếp nhận qua BCCI", HO_SO, { ...dossiers, part: true }),
  r("3.3.1.onlinePartial", "Tiếp nhận trực tuyến mức độ 3 (một phần)", HO_SO, { ...dossiers, part: true }),
  r("3.3.1.onlineFull", "Tiếp nhận trực tuyến mức độ 4 (toàn trình)", HO_SO, { ...dossiers, part: true }),
  r("3.3.2", "Số lượng hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hẹn", HO_SO, dossiers),
  r("3.3.2.direct", "Trả trực tiếp", HO_SO, { ...dossiers, part: true }),
  r("3.3.2.postal", "Trả qua BCCI", HO_SO, { ...dossiers, part: true }),
  r("3.3.2.onlinePartial", "Giải quyết trực tuyến mức độ 3 (một phần)", HO_SO, { ...dossiers, part: true }),
  r("3.3.2.onlineFull", "Giải quyết trực tuyến mức độ 4 (toàn trình)", HO_SO, { ...dossiers, part: true }),
  r("3.3.3", "Số lượng hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hẹn", HO_SO, dossiers),
  r("3.3.4", "Số lượng hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hẹn", HO_SO, dossiers),
  g("3.4", "Công khai kết quả giải quyết"),
  r("3.4.1", "Công khai kết quả giải quyết trên Cổng dịch vụ công của tỉnh", "Số hồ sơ đã giải quyết"),
  r("3.4.2", "Công khai kết quả giải quyết trên trang TTĐT của đơn vị", "Số hồ sơ đã giải quyết"),
  r("3.4.3", "Số TTHC đã tích hợp dịch vụ thanh toán trực tuyến trên Cổng dịch vụ công", THU_TUC, catalogue),
  r("3.5", "Số thư/trường hợp đã công khai xin lỗi", "Trường hợp", dossiers),
  g("4", "Cải cách tổ chức bộ máy hành chính nhà nước"),
  g("4.1", "Số liệu về biên chế cán bộ, công chức"),
  r("4.1.1", "Tổng số biên chế được giao trong năm", "Người"),
  r("4.1.2", "Tổng số biên chế có mặt tại thời điểm báo cáo", "Người"),
  r("4.1.3", "Số biên chế đã tinh giản trong kỳ báo cáo", "Người"),
  g("5", "Cải cách chế độ công vụ"),
  g(
    "5.4",
    "Thực hiện kỷ luật, kỷ cương hành chính; số liệu về xử lý kỷ luật cán bộ, công chức (cả về Đảng và chính quyền)",
  ),
  r(
    "5.4.1",
    "Xây dựng kế hoạch tự kiểm tra kỷ luật, kỷ cương hành chính",
    "Có ban hành KH = 1; Không ban hành KH = 0",
    yesNo("Có ban hành KH = 1; Không ban hành KH = 0"),
  ),
  r("5.4.2", "Số lượng, tỷ lệ đơn vị được kiểm tra kỷ luật, kỷ cương hành chính", "%", percent),
  r("5.4.5", "Số lãnh đạo cấp xã bị kỷ luật", "Người"),
  r("5.4.6", "Số lượng công chức cấp xã bị kỷ luật", "Người"),
  g("6", "Cải cách tài chính công"),
  r(
    "6.1",
    "Đơn vị đã thực hiện xây dựng Quy chế chi tiêu nội bộ",
    "Có ban hành QC = 1; Không ban hành QC = 0",
    yesNo("Có ban hành QC = 1; Không ban hành QC = 0"),
  ),
  r(
    "6.2",
    "Đơn vị đã thực hiện Quy chế quản lý tài sản công",
    "Có ban hành QC = 1; Không ban hành QC = 0",
    yesNo("Có ban hành QC = 1; Không ban hành QC = 0"),
  ),
  g("7", "Xây dựng và phát triển Chính quyền điện tử"),
  r(
    "7.1",
    "Xây dựng và vận hành Hệ thống họp trực tuyến từ UBND tỉnh đến 100% UBND cấp xã",
    "Chưa có = 0; 2 cấp = 1; 3 cấp = 2",
    { kind: "choice", choices: [0, 1, 2] },
  ),
  g("7.2", "Số liệu về trao đổi văn bản điện tử"),
  r(
    "7.2.1",
    "Thực hiện kết nối, liên thông các Hệ thống quản lý văn bản điều hành từ tỉnh, huyện đến cấp xã",
    "Đã kết nối = 1; Chưa kết nối = 0",
    yesNo("Đã kết nối = 1; Chưa kết nối = 0"),
  ),
  r("7.2.3", "Tổng số văn bản đi giữa các cơ quan nhà nước trên địa bàn xã", "Văn bản"),
  r(
    "7.2.3.electronic",
    "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử (sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử)",
    "%",
    { ...percent, part: true },
  ),
  r("7.2.3.withPaper", "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy", "%", {
    ...percent,
    part: true,
  }),
  g("7.4", "Vận hành Hệ thống thông tin một cửa điện tử"),
  r(
    "7.4.1",
    "Kết nối liên thông với Hệ thống một cửa điện tử cấp huyện, tỉnh",
    "Đã kết nối = 1; Chưa kết nối = 0",
    yesNo("Đã kết nối = 1; Chưa kết nối = 0"),
  ),
  g("7.5", "Dịch vụ công trực tuyến"),
  r("7.5.1", "Tổng số TTHC cung cấp trực tuyến mức độ 3 (một phần)", "TTHC", catalogue),
  r("7.5.2", "Tổng số TTHC cung cấp trực tuyến mức độ 4 (toàn trình)", "TTHC", catalogue),
  r(
    "7.6",
    "Thực hiện duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại UBND cấp xã",
    "Có thực hiện = 1; Không thực hiện = 0",
    yesNo("Có thực hiện = 1; Không thực hiện = 0"),
  ),
];

const BY_CODE = new Map(SHEET_ROWS.map((row) => [row.code, row]));

export function sheetRow(code: string): SheetRowDef | undefined {
  return BY_CODE.get(code);
}

/** Codes of the rows the reform records (or a hand entry) fill: neither computed nor a group. */
export const RECORD_CODES: readonly string[] = SHEET_ROWS.filter((row) => !row.group && row.source === "records").map(
  (row) => row.code,
);

/** A row computed by motcua from dossiers or the catalogue: never typed. */
export function isComputedRow(row: SheetRowDef): boolean {
  return row.source === "dossiers" || row.source === "catalogue";
}

/** The printed STT of a row: its code, or "" for a "Trong đó" line (the seed prints "Trong đó" on the first). */
export function printedNumber(row: SheetRowDef, previous: SheetRowDef | undefined): string {
  if (!row.part) return row.code;
  return previous?.part ? "" : "Trong đó";
}
