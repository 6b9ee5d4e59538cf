// The Decision 766 index (Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ
// đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, DVC theo thời gian
// thực trên môi trường điện tử) as the national portal's technical description computes it ("Mô tả công thức
// tính chỉ số 766", sections 1.1–5.4; docs/figures.md quotes each). Data only: which indicators motcua computes
// (under which id), the scoring rule where the description states one, and for the others why not and from where.

/** The description's scoring note: "Đạt từ X% trở lên sẽ đạt điểm tối đa. Dưới X%: tỷ lệ × Điểm tối đa / X%". */
export interface ScoringRule {
  /** X as a share (0.8 for 80%). */
  threshold: number;
  /** Maximum points of the indicator; null where no text giving it was found (then only the share is shown). */
  maxPoints: number | null;
  /** Where maxPoints comes from, when it is known. */
  maxPointsSource?: string;
}

export interface CatalogEntry {
  /** Section id in the description ("2.1"). */
  code: string;
  title: string;
  group: string;
  /** The description's data sources (Nguồn dữ liệu). */
  dataSources: string[];
  scoring?: ScoringRule;
}

export interface ComputedEntry extends CatalogEntry {
  /** The id of the indicator motcua computes (stable: the web page and the dashboard link use it). */
  id: ComputedId;
  formula: string;
}

export interface NotComputedEntry extends CatalogEntry {
  /** Why motcua has no data for it (shown as "không có dữ liệu trong motcua: …"). */
  reason: string;
}

export type ComputedId =
  | "on-time-766"
  | "average-processing-days"
  | "online-rate"
  | "online-payment-rate"
  | "e-result-rate"
  | "digitization-rate"
  | "satisfaction-rate";

export const SOURCE_DESCRIPTION =
  "Mô tả công thức tính chỉ số 766 (Cổng Dịch vụ công quốc gia; tệp .docx sha256 41A27E55…087AF)";
export const SOURCE_DECISION = "Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ";

const G1 = "1. Nhóm chỉ số về công khai, minh bạch";
const G2 = "2. Nhóm chỉ số về tiến độ, kết quả giải quyết";
const G3 = "3. Nhóm chỉ số về cung cấp dịch vụ trực tuyến";
const G4 = "4. Nhóm chỉ số về số hóa hồ sơ";
const G5 = "5. Nhóm chỉ số về mức độ hài lòng";
const TTHC_DB = "Cơ sở dữ liệu quốc gia về TTHC";
const SYNC = "Hệ thống điều phối (Dữ liệu đồng bộ hồ sơ)";
const PAKN = "Cổng DVCQG, Hệ thống PAKN";

/** The indicators motcua computes from its dossier log, in the description's order. */
export const COMPUTED_766: readonly ComputedEntry[] = [
  {
    id: "on-time-766",
    code: "2.1",
    title: "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn",
    group: G2,
    dataSources: [SYNC],
    formula:
      "Số hồ sơ đã và đang xử lý trước hạn, đúng hạn trong kỳ / Tổng số hồ sơ được tiếp nhận, xử lý trong kỳ × 100%. " +
      "Đúng hạn: thời gian kết thúc xử lý − thời gian bổ sung hồ sơ ≤ ngày hẹn trả. Thời gian kết thúc xử lý: " +
      "Đã xử lý xong (giải quyết hoặc trả lại do không đủ điều kiện) > Đã trả kết quả > Dừng xử lý, Rút hồ sơ; " +
      "yêu cầu bổ sung 01 lần chưa được bổ sung: thời điểm yêu cầu; chưa kết thúc: cuối kỳ. " +
      "Yêu cầu bổ sung hơn 01 lần: quá hạn.",
  },
  {
    id: "average-processing-days",
    code: "2.2",
    title: "Thời gian giải quyết TTHC trung bình",
    group: G2,
    dataSources: [SYNC],
    formula:
      "Tổng thời gian giải quyết (ngày làm việc, từ tiếp nhận đến Đã xử lý xong/Đã trả kết quả, trừ thời gian " +
      "chờ bổ sung) / Số hồ sơ hoàn thành có ngày tiếp nhận trong kỳ (ngày kết thúc có thể thuộc kỳ khác)",
  },
  {
    id: "online-rate",
    code: "3.3",
    title: "Tỷ lệ hồ sơ TTHC nộp trực tuyến",
    group: G3,
    dataSources: [SYNC],
    scoring: { threshold: 0.5, maxPoints: null },
    formula:
      "Số hồ sơ tiếp nhận trực tuyến (một phần và toàn trình) có ngày tiếp nhận trong kỳ / Tổng số hồ sơ tiếp nhận " +
      "trong kỳ × Tỷ lệ đồng bộ hồ sơ (= 1: motcua là hệ thống nguồn) × 100%",
  },
  {
    id: "online-payment-rate",
    code: "3.6",
    title: "Tỷ lệ hồ sơ thanh toán trực tuyến",
    group: G3,
    dataSources: [TTHC_DB, SYNC],
    formula:
      "Số hồ sơ có ngày tiếp nhận trong kỳ được thanh toán phí, lệ phí trực tuyến / Tổng số hồ sơ có ngày tiếp nhận " +
      "trong kỳ có phí, lệ phí khác 0 × 100%",
  },
  {
    id: "e-result-rate",
    code: "4.1",
    title: "Tỷ lệ hồ sơ TTHC có cấp kết quả giải quyết TTHC điện tử",
    group: G4,
    dataSources: [SYNC],
    formula:
      "Số hồ sơ có ngày tiếp nhận trong kỳ được cấp kết quả giải quyết điện tử / Tổng số hồ sơ TTHC thuộc thẩm " +
      "quyền giải quyết có ngày tiếp nhận trong kỳ × 100%",
  },
  {
    id: "digitization-rate",
    code: "4.2",
    title: "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ",
    group: G4,
    dataSources: [SYNC],
    scoring: { threshold: 0.8, maxPoints: null },
    formula:
      "Số hồ sơ có ngày tiếp nhận trong kỳ (1) được số hóa thành phần hồ sơ và (2) số hóa kết quả giải quyết / " +
      "Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết có ngày tiếp nhận trong kỳ × 100%",
  },
  {
    id: "satisfaction-rate",
    code: "5.4",
    title: "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
    group: G5,
    dataSources: [SYNC, PAKN],
    scoring: {
      threshold: 0.9,
      maxPoints: 6,
      maxPointsSource: "Quyết định 766/QĐ-TTg: tối đa 6 trong 18 điểm của nhóm mức độ hài lòng",
    },
    formula:
      "100% − (Tỷ lệ hồ sơ giải quyết quá hạn + Tỷ lệ hồ sơ có phản ánh, kiến nghị hoặc đánh giá không hài lòng), " +
      "trên tập hồ sơ của chỉ số 2.1; hồ sơ vừa quá hạn vừa bị phản ánh chỉ trừ một lần",
  },
];

const NO_TTHC_DB = "cần Cơ sở dữ liệu quốc gia về TTHC (quyết định công bố, trạng thái công khai), motcua không lưu";

/** The indicators motcua cannot compute, with the description's data source and the reason. */
export const NOT_COMPUTED_766: readonly NotComputedEntry[] = [
  {
    code: "1.1",
    title: "Tỷ lệ thủ tục hành chính công bố đúng hạn",
    group: G1,
    dataSources: [TTHC_DB],
    reason: `${NO_TTHC_DB}: ngày quyết định công bố so với ngày hiệu lực của văn bản quy định TTHC`,
  },
  {
    code: "1.2",
    title: "Tỷ lệ thủ tục hành chính được cập nhật, công khai đúng hạn",
    group: G1,
    dataSources: [TTHC_DB],
    reason: `${NO_TTHC_DB}: ngày công khai trên CSDL quốc gia so với ngày quyết định công bố`,
  },
  {
    code: "1.3",
    title: "Tỷ lệ TTHC được công khai có đầy đủ các nội dung về bộ phận tạo thành",
    group: G1,
    dataSources: [TTHC_DB],
    reason: `${NO_TTHC_DB}: nội dung TTHC đang công khai trên Cổng`,
  },
  {
    code: "1.4",
    title: "Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia",
    group: G1,
    dataSources: [SYNC],
    reason: "cần số hồ sơ đã đồng bộ trên Hệ thống điều phối và Hệ thống báo cáo quốc gia, motcua không đồng bộ",
  },
  {
    code: "3.1",
    title: "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến",
    group: G3,
    dataSources: [TTHC_DB],
    scoring: { threshold: 0.8, maxPoints: null },
    reason: `${NO_TTHC_DB}: DVCTT được tích "công khai" trên Cổng và TTHC đủ điều kiện toàn trình`,
  },
  {
    code: "3.2",
    title: "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ",
    group: G3,
    dataSources: [TTHC_DB, SYNC],
    reason: `${NO_TTHC_DB}: danh mục DVC đang công khai, chờ dừng công khai, đang kiểm thử`,
  },
  {
    code: "3.5",
    title: "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến trên Cổng DVCQG",
    group: G3,
    dataSources: [TTHC_DB, SYNC],
    scoring: { threshold: 0.8, maxPoints: null },
    reason: `${NO_TTHC_DB}: thông tin phí, lệ phí của TTHC trên CSDL quốc gia`,
  },
  {
    code: "4.3",
    title: "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
    group: G4,
    dataSources: [SYNC],
    scoring: { threshold: 0.8, maxPoints: null },
    reason: "motcua không ghi thành phần hồ sơ nào được tái sử dụng từ dữ liệu số hóa (DuocSoHoa)",
  },
  {
    code: "4.4",
    title: "Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng",
    group: G4,
    dataSources: [SYNC],
    reason: "cần đánh dấu thành phần lấy từ kho dữ liệu cá nhân trên Cổng DVCQG (DuocLayTuKhoDMQG)",
  },
  {
    code: "4.5",
    title: "Ứng dụng dữ liệu dân cư trong giải quyết TTHC, cung cấp dịch vụ công",
    group: G4,
    dataSources: [TTHC_DB, SYNC],
    reason: "cần xác thực VNeID và dữ liệu từ CSDL quốc gia về dân cư, motcua không kết nối",
  },
  {
    code: "5.1",
    title: "Tỷ lệ phản ánh, kiến nghị theo phân loại",
    group: G5,
    dataSources: [PAKN],
    reason: "phân loại PAKN của Hệ thống PAKN quốc gia; motcua không phân loại PAKN theo quy định/hành vi",
  },
  {
    code: "5.2",
    title: "Tiến độ xử lý phản ánh, kiến nghị",
    group: G5,
    dataSources: [PAKN],
    reason:
      "tính trên trạng thái của Hệ thống PAKN quốc gia (chuyển VPCP, từ chối, công khai); báo cáo PAKN của motcua " +
      "chỉ tính PAKN trả lời đúng hạn tại đơn vị",
  },
  {
    code: "5.3",
    title: "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị",
    group: G5,
    dataSources: [PAKN],
    reason: "cần lượt like/dislike của người dân trên Cổng DVCQG đối với PAKN, motcua không có",
  },
];

export function computedEntry(id: ComputedId): ComputedEntry {
  return COMPUTED_766.find((e) => e.id === id)!;
}
