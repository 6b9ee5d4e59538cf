// The text of the periodic CCHC report (REFORM.md §3 outline, seeds 000–002): sections I–V, each paragraph a
// sentence whose figures are {names} of reportFigures — filled from the same computation as the appendices.
// One template per report kind (quarter, 6 months, nine months, year) and level (commune, district,
// province): the kind names the period and the "nhiệm vụ kỳ tới", the level the area ("trên địa bàn xã").
import type { PeriodName } from "./period-kind.ts";

export type ReportLevel = "commune" | "district" | "province";

export interface TemplateSection {
  heading: string;
  paragraphs: string[];
}

export interface ReportTemplate {
  /** The summary under "BÁO CÁO". */
  summary: string;
  sections: TemplateSection[];
  /** The closing sentence before "Nơi nhận". */
  closing: string;
}

const AREA: Record<ReportLevel, string> = { commune: "xã", district: "huyện", province: "tỉnh" };
const ABOVE: Record<ReportLevel, string> = {
  commune: "UBND huyện",
  district: "UBND tỉnh",
  province: "Bộ Nội vụ",
};

/** The template for a period and level. `unitName`: "UBND xã Hoằng Hợp". */
export function reportTemplate(period: PeriodName, level: ReportLevel, unitName: string): ReportTemplate {
  const area = AREA[level];
  const yearly = period.kind === "year";
  return {
    summary: `Tình hình, kết quả công tác cải cách hành chính ${period.title}; nhiệm vụ trọng tâm ${period.next}`,
    sections: [
      {
        heading: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        paragraphs: [
          `1. Kế hoạch cải cách hành chính: số nhiệm vụ đề ra trong kế hoạch: {tasksPlanned} nhiệm vụ; số nhiệm vụ đã hoàn thành: {tasksDone} nhiệm vụ. Số văn bản chỉ đạo, điều hành CCHC đã ban hành: {directives} văn bản.`,
          `2. Công tác kiểm tra CCHC, kỷ luật, kỷ cương hành chính: đã kiểm tra {inspected} bộ phận, công chức chuyên môn; phát hiện {issuesFound} vấn đề, đã xử lý xong {issuesResolved} vấn đề.`,
          `3. Thực hiện nhiệm vụ cấp trên giao: tổng số nhiệm vụ được giao {tasksAssigned} nhiệm vụ; hoàn thành đúng hạn {tasksAssignedOnTime} nhiệm vụ; hoàn thành nhưng quá hạn {tasksAssignedLate} nhiệm vụ.`,
          `4. Khảo sát sự hài lòng của người dân, tổ chức: số phiếu khảo sát {surveyForms} phiếu.`,
        ],
      },
      {
        heading: "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
        paragraphs: [
          `1. Cải cách thể chế: số văn bản quy phạm pháp luật đã ban hành, tham mưu ban hành {legalIssued} văn bản; đã kiểm tra theo thẩm quyền {legalChecked} văn bản; đã rà soát {legalReviewed} văn bản; đã kiến nghị xử lý {legalProposed} văn bản, trong đó đã xử lý xong {legalHandled} văn bản.`,
          `2. Cải cách thủ tục hành chính: tổng số TTHC đang áp dụng {proceduresInForce} thủ tục (công bố mới trong kỳ {proceduresPublished} thủ tục; bãi bỏ, thay thế {proceduresRepealed} thủ tục). Số TTHC thực hiện theo cơ chế một cửa {proceduresOneStop} thủ tục; liên thông cùng cấp {proceduresSameLevel} thủ tục; liên thông giữa các cấp chính quyền {proceduresAcrossLevels} thủ tục; tiếp nhận không phụ thuộc địa giới hành chính {proceduresBoundaryFree} thủ tục.`,
          `Tổng số hồ sơ đã tiếp nhận: {received} hồ sơ; trong đó trực tiếp {direct} hồ sơ, qua dịch vụ bưu chính công ích {postal} hồ sơ, trực tuyến một phần {onlinePartial} hồ sơ, trực tuyến toàn trình {onlineFull} hồ sơ. Kỳ trước chuyển qua: {carriedOver} hồ sơ. Tỷ lệ hồ sơ trực tuyến: {onlineRate}%; tỷ lệ hồ sơ trực tuyến toàn trình: {onlineFullRate}%.`,
          `Số hồ sơ đã giải quyết: {finished} hồ sơ; trong đó trước hạn và đúng hạn {onTimeOrEarly} hồ sơ, quá hạn {finishedLate} hồ sơ; tỷ lệ giải quyết trước và đúng hạn {onTimeRate}%. Hồ sơ rút, dừng giải quyết: {withdrawnOrStopped} hồ sơ. Hồ sơ đang giải quyết: {open} hồ sơ, trong đó quá hạn {openOverdue} hồ sơ. Hồ sơ lĩnh vực đất đai giải quyết đúng hạn: {landOnTime} hồ sơ; lĩnh vực xây dựng: {constructionOnTime} hồ sơ.`,
          `Số thư, trường hợp đã công khai xin lỗi do giải quyết quá hạn: {apologies} trường hợp. Số TTHC đã tích hợp thanh toán trực tuyến: {onlinePayment} thủ tục.`,
          `3. Cải cách tổ chức bộ máy hành chính: tổng số biên chế được giao {staffQuota} người; có mặt tại thời điểm báo cáo {staffPresent} người; đã tinh giản trong kỳ {staffCut} người.`,
          `4. Cải cách chế độ công vụ: số lãnh đạo bị kỷ luật {leadersDisciplined} người; số công chức bị kỷ luật {officialsDisciplined} người.`,
          `5. Cải cách tài chính công: thực hiện quy chế chi tiêu nội bộ và quy chế quản lý, sử dụng tài sản công theo quy định (Phụ lục 01b, mục 6).`,
          `6. Xây dựng và phát triển chính quyền điện tử, chính quyền số: tổng số văn bản đi {documentsSent} văn bản, tỷ lệ gửi hoàn toàn dưới dạng điện tử {documentsElectronic}%. Số TTHC cung cấp trực tuyến một phần {servicesPartial} thủ tục, toàn trình {servicesFull} thủ tục.`,
        ],
      },
      {
        heading: "III. ĐÁNH GIÁ CHUNG",
        paragraphs: [
          `1. Ưu điểm: công tác cải cách hành chính được triển khai theo kế hoạch; ${unitName} đã giải quyết {finished} hồ sơ trong kỳ, tỷ lệ trước và đúng hạn đạt {onTimeRate}%.`,
          `2. Tồn tại, hạn chế, nguyên nhân: còn {finishedLate} hồ sơ giải quyết quá hạn và {openOverdue} hồ sơ đang giải quyết đã quá hạn tại thời điểm cuối kỳ.`,
        ],
      },
      {
        heading: `IV. PHƯƠNG HƯỚNG, NHIỆM VỤ ${yearly ? "NĂM" : "KỲ"} TỚI (${period.next.toLocaleUpperCase("vi-VN")})`,
        paragraphs: [
          `1. Tiếp tục triển khai Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 – 2030 (Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ) và kế hoạch cải cách hành chính của ${unitName}.`,
          `2. Giải quyết dứt điểm {openOverdue} hồ sơ đang quá hạn; nâng cao tỷ lệ hồ sơ giải quyết trước và đúng hạn, tỷ lệ hồ sơ trực tuyến toàn trình trên địa bàn ${area}.`,
          "3. Hoàn thành các nhiệm vụ còn lại của kế hoạch cải cách hành chính; tăng cường kiểm tra, kỷ luật, kỷ cương hành chính.",
        ],
      },
      { heading: "V. KIẾN NGHỊ, ĐỀ XUẤT", paragraphs: ["Không có."] },
    ],
    closing: `Trên đây là báo cáo tình hình, kết quả công tác cải cách hành chính ${period.title} của ${unitName}, gửi ${ABOVE[level]} tổng hợp, chỉ đạo./.`,
  };
}
