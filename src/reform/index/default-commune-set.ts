// The default commune criteria set (Bộ chỉ số CCHC cấp xã), shipped as data from REFORM.md §6(a). Province data
// overrides it: codes are not portable between provinces (REFORM.md §1.2). Maxima are those the sources give;
// every other max is null ("to be set by the province's decision") and such a node is not scored until a set
// gives it one. Provenance per node: "confirmed" = code, name and max seen in seed 003 (Xã Vĩnh Long, huyện
// Vĩnh Linh, Quảng Trị, 2022 — QĐ 4867/QĐ-UBND of 29/12/2022); the set behind it is probably Quảng Trị
// 3501/QĐ-UBND (2/11/2021) [U]. Field names follow Hà Nội 5666/QĐ-UBND (17/11/2025) [U for the point split].
import { type CriteriaSet, parseCriteriaSet } from "./criteria.ts";

const SEED003 = "Hạt 003: QĐ 4867/QĐ-UBND ngày 29/12/2022 của UBND huyện Vĩnh Linh (chỉ số CCHC xã năm 2022)";
const QT3501 = "QĐ 3501/QĐ-UBND ngày 02/11/2021 của UBND tỉnh Quảng Trị (bộ chỉ số dùng cho năm 2021–2022) [U]";
const HN5666 = "QĐ 5666/QĐ-UBND ngày 17/11/2025 của UBND TP Hà Nội (8 nội dung + điểm thưởng/trừ)";

const confirmed = (note?: string) => ({ status: "confirmed" as const, sources: [SEED003, QT3501], note });
const unconfirmed = (note?: string) => ({ status: "unconfirmed" as const, sources: [HN5666], note });

const raw = {
  id: "xa-default",
  version: 1,
  title: "Bộ chỉ số CCHC cấp xã (mặc định)",
  province: null,
  year: null,
  decision: "REFORM.md §6(a): mã xác nhận theo hạt 003; còn lại chưa xác nhận",
  scale: 100,
  survey: { optional: true, max: null },
  bands: [
    { name: "Xuất sắc", minPercent: 90 },
    { name: "Tốt", minPercent: 80 },
    { name: "Khá", minPercent: 70 },
    { name: "Trung bình", minPercent: 50 },
    { name: "Yếu", minPercent: 0 },
  ],
  fields: [
    {
      code: "1",
      name: "Công tác chỉ đạo, điều hành CCHC",
      provenance: unconfirmed(),
      children: [
        {
          code: "1.1",
          name: "Kế hoạch CCHC năm",
          provenance: unconfirmed(),
          children: [
            { code: "1.1.1", name: "Ban hành kế hoạch kịp thời", provenance: unconfirmed() },
            { code: "1.1.2", name: "Xác định đủ nhiệm vụ, sản phẩm, thời hạn", provenance: unconfirmed() },
            {
              code: "1.1.3",
              name: "Mức độ thực hiện Kế hoạch",
              max: 2,
              rule: { kind: "tiers", tiers: [{ min: 1, points: 2 }] },
              auto: "plan_completion",
              unprovenDeduction: 0.5,
              evidence: ["Báo cáo CCHC năm liệt kê nhiệm vụ, sản phẩm đầu ra, tiến độ, mức độ hoàn thành"],
              provenance: confirmed(
                "Điểm tối đa 2 và mức trừ 0,5 khi báo cáo thiếu sản phẩm đầu ra theo hạt 003; các mức dưới 100% chưa xác nhận [U] (0 điểm)",
              ),
            },
          ],
        },
        {
          code: "1.2",
          name: "Báo cáo CCHC định kỳ đủ, đúng hạn",
          rule: { kind: "ratio" },
          auto: "report_timeliness",
          evidence: ["Báo cáo CCHC định kỳ (số, ngày gửi)"],
          provenance: unconfirmed("Điểm tối đa và cách tính theo quyết định của tỉnh; motcua tính tỷ lệ gửi đúng hạn"),
        },
        { code: "1.3", name: "Kiểm tra CCHC", provenance: unconfirmed() },
        {
          code: "1.4",
          name: "Tuyên truyền CCHC",
          provenance: unconfirmed(),
          children: [
            { code: "1.4.1", name: "Ban hành, thực hiện kế hoạch tuyên truyền", provenance: unconfirmed() },
            {
              code: "1.4.2",
              name: "Mức độ đa dạng trong tuyên truyền CCHC",
              max: 2,
              rule: { kind: "count", per: 1 },
              auto: "outreach_diversity",
              evidence: ["Tài liệu về cuộc thi, tọa đàm, sân khấu hóa hoặc hình thức mới"],
              provenance: confirmed(
                "Suy ra từ hạt 003: 1 điểm hình thức thông thường + 1 điểm cuộc thi/tọa đàm/sân khấu hóa [U]",
              ),
            },
          ],
        },
        {
          code: "1.5",
          name: "Sự năng động trong chỉ đạo, điều hành",
          provenance: unconfirmed(),
          children: [
            {
              code: "1.5.4",
              name: "Sáng kiến trong triển khai công tác CCHC",
              max: 2,
              rule: { kind: "count", per: 1 },
              auto: "initiatives",
              evidence: ["Quyết định công nhận sáng kiến của hội đồng"],
              provenance: confirmed("1 điểm mỗi sáng kiến được công nhận, tối đa 2 (suy ra từ hạt 003)"),
            },
          ],
        },
      ],
    },
    {
      code: "2",
      name: "Cải cách thể chế",
      provenance: unconfirmed(),
      children: [
        {
          code: "2.2",
          name: "Rà soát VBQPPL",
          provenance: unconfirmed(),
          children: [
            {
              code: "2.2.1",
              name: "Thực hiện Kế hoạch rà soát VBQPPL",
              max: 2,
              rule: { kind: "yes_no" },
              auto: "legal_review_plan",
              evidence: ["Kế hoạch rà soát VBQPPL, tệp riêng"],
              provenance: confirmed(
                "Không ban hành kế hoạch thì 0 điểm; kế hoạch gộp tệp với kế hoạch khác bị 0 (hạt 003)",
              ),
            },
          ],
        },
        {
          code: "2.3",
          name: "Tổ chức triển khai VBQPPL của cấp trên tại cấp xã",
          max: 2,
          evidence: ["Văn bản, biên bản triển khai VBQPPL của cấp trên"],
          provenance: confirmed(),
        },
      ],
    },
    {
      code: "3",
      name: "Cải cách TTHC, một cửa, một cửa liên thông",
      provenance: unconfirmed(),
      children: [
        {
          code: "3.1",
          name: "Công khai TTHC đầy đủ, đúng quy định",
          rule: { kind: "ratio" },
          auto: "published_procedures",
          provenance: unconfirmed(
            "Mã theo Phụ lục 01b (3.1.1 số TTHC được công khai); mã, điểm trong bộ chỉ số của tỉnh chưa xác nhận",
          ),
        },
        {
          code: "3.3",
          name: "Tỷ lệ hồ sơ TTHC giải quyết trước hạn, đúng hạn",
          rule: { kind: "ratio" },
          auto: "on_time_rate",
          provenance: unconfirmed(
            "Mã theo Phụ lục 01b (3.3 kết quả giải quyết TTHC); chỉ số 2.1 của QĐ 766/QĐ-TTg; điểm chưa xác nhận",
          ),
        },
        {
          code: "3.5",
          name: "Xin lỗi người dân, tổ chức khi giải quyết hồ sơ trễ hạn",
          rule: { kind: "ratio" },
          auto: "apology_compliance",
          evidence: ["Văn bản xin lỗi gửi trước ngày hẹn trả kết quả"],
          provenance: unconfirmed(
            "Mã theo Phụ lục 01b (3.5 số thư xin lỗi); NĐ 61/2018/NĐ-CP Điều 19 khoản 2 điểm d; điểm chưa xác nhận",
          ),
        },
        {
          code: "3.11",
          name: "Kết quả điện tử",
          provenance: unconfirmed(),
          children: [
            {
              code: "3.11.2",
              name: "Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử",
              max: 1,
              rule: { kind: "ratio" },
              auto: "e_result_rate",
              provenance: confirmed("Tỷ lệ × điểm tối đa [U]: hạt 003 trừ 0,84/1"),
            },
          ],
        },
        {
          code: "3.12",
          name: "Thanh toán trực tuyến",
          max: 2,
          provenance: confirmed(),
          children: [
            {
              code: "3.12.1",
              name: "Tỷ lệ TTHC được triển khai thanh toán trực tuyến",
              max: 1,
              rule: { kind: "ratio" },
              auto: "online_payment_procedures",
              provenance: confirmed("Cách tính theo tỷ lệ chưa xác nhận [U]"),
            },
            {
              code: "3.12.2",
              name: "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến",
              max: 0.5,
              rule: { kind: "ratio" },
              auto: "online_payment_used_procedures",
              provenance: confirmed("Cách tính theo tỷ lệ chưa xác nhận [U]"),
            },
            {
              code: "3.12.3",
              name: "Tỷ lệ hồ sơ thanh toán trực tuyến",
              max: 0.5,
              rule: { kind: "ratio" },
              auto: "online_payment_rate",
              provenance: confirmed("Cách tính theo tỷ lệ chưa xác nhận [U]"),
            },
          ],
        },
        {
          code: "3.13",
          name: "Dịch vụ công trực tuyến",
          provenance: unconfirmed(),
          children: [
            {
              code: "3.13.2",
              name: "Tỷ lệ hồ sơ trực tuyến toàn trình",
              max: 0.5,
              rule: { kind: "ratio" },
              auto: "fully_online_rate",
              provenance: confirmed("Cách tính theo tỷ lệ chưa xác nhận [U]"),
            },
            {
              code: "3.13.3",
              name: "Tỷ lệ DVCTT mức độ cao triển khai trên Cổng DVC tỉnh",
              provenance: confirmed("Hạt 003 ghi 82/124 TTHC nhưng không ghi điểm: điểm tối đa chưa biết"),
            },
          ],
        },
        {
          code: "3.14",
          name: "Số hóa hồ sơ, kết quả giải quyết TTHC",
          rule: { kind: "ratio" },
          auto: "digitization_rate",
          provenance: unconfirmed(
            "Mã do motcua đặt; hạt 003: Vĩnh Long đặt mục tiêu ≥ 50% hồ sơ được số hóa năm 2023; điểm chưa xác nhận",
          ),
        },
      ],
    },
    { code: "4", name: "Cải cách tổ chức bộ máy hành chính", provenance: unconfirmed() },
    { code: "5", name: "Cải cách chế độ công vụ", provenance: unconfirmed() },
    {
      code: "6",
      name: "Cải cách tài chính công",
      provenance: unconfirmed(),
      children: [
        {
          code: "6.2",
          name: "Công khai, minh bạch trong quản lý, sử dụng tài sản công",
          max: 2,
          evidence: ["Tài liệu công khai quản lý, sử dụng tài sản công"],
          provenance: confirmed(),
        },
        {
          code: "6.3",
          name: "Giải ngân vốn đầu tư phát triển nguồn NSNN hằng năm",
          max: 2,
          evidence: ["Báo cáo giải ngân vốn đầu tư phát triển"],
          provenance: confirmed("Hạt 003 ghi trùng mã 6.2; mã 6.3 là suy đoán [U]"),
        },
      ],
    },
    { code: "7", name: "Xây dựng, phát triển chính quyền điện tử, chính quyền số", provenance: unconfirmed() },
    {
      code: "8",
      name: "Tác động của CCHC",
      provenance: unconfirmed("Chấm qua điều tra xã hội học (khảo sát)"),
    },
    { code: "9", name: "Điểm thưởng / điểm trừ", rule: { kind: "signed" }, provenance: unconfirmed() },
  ],
};

/** The default commune set, parsed through the same schema as an imported one. */
export const DEFAULT_COMMUNE_SET: CriteriaSet = parseCriteriaSet(raw);
