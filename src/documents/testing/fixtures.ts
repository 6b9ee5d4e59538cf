// Sample inputs shared by the document tests: the dossier of CONTRACTS.md §2 and a unit of seed 000.
import type { FormContext, LedgerContext } from "../types.ts";

export const office = {
  name: "Bộ phận Tiếp nhận và Trả kết quả phường Hương Xuân",
  parentName: "UBND phường Hương Xuân",
  place: "Hương Xuân",
  phone: "0234 3557 123",
};

/** Received 06/7/2020 08:15 local time: a 2018-set dossier. */
export function context2020(): FormContext {
  return {
    office,
    dossier: {
      code: "H57.12-200706-0001",
      procedureName: "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
      field: "Chứng thực",
      applicant: {
        name: "Nguyễn Văn An",
        idNumber: "046090001234",
        phone: "0905123456",
        address: "Tổ 5, phường Hương Xuân, thị xã Hương Trà, tỉnh Thừa Thiên Huế",
      },
      receivedAt: new Date("2020-07-06T08:15:00+07:00"),
      dueAt: new Date("2020-07-06T17:00:00+07:00"),
      limitText: "Trong ngày",
      components: [
        { name: "Bản chính giấy tờ cần chứng thực", original: true, count: 1 },
        { name: "Bản sao cần chứng thực", original: false, count: 3 },
      ],
      channel: "direct",
      returnVia: "direct",
      lookupUrl: "https://motcua.example.vn/tra-cuu/H57.12-200706-0001?k=7f3a9c",
      processingUnit: "Công chức Tư pháp - Hộ tịch",
    },
    receiverName: "Lê Thị Hồng",
    documentNumber: "0001/TNHS",
    issuedAt: new Date("2020-07-06T08:16:00+07:00"),
  };
}

/** Received 06/10/2025 14:05 local time (07:05 UTC): a 2025-set dossier. */
export function context2025(): FormContext {
  const c = context2020();
  return {
    ...c,
    dossier: {
      ...c.dossier,
      code: "H57.12-251006-0042",
      procedureName: "Đăng ký khai sinh",
      field: "Hộ tịch",
      receivedAt: new Date("2025-10-06T07:05:00Z"),
      dueAt: new Date("2025-10-08T14:05:00+07:00"),
      limitText: "02 ngày làm việc",
      channel: "online_full",
      returnVia: "online",
      lookupUrl: "https://motcua.example.vn/tra-cuu/H57.12-251006-0042?k=c0ffee",
    },
    documentNumber: "0042/TNHS",
    issuedAt: new Date("2025-10-06T07:06:00Z"),
  };
}

export function ledger2025(): LedgerContext {
  return {
    office,
    from: "2025-10-01",
    to: "2025-10-31",
    volume: "03",
    issuedAt: new Date("2025-11-03T09:00:00+07:00"),
    entries: [
      {
        code: "H57.12-251006-0042",
        procedureName: "Đăng ký khai sinh",
        applicantName: "Nguyễn Văn An",
        applicantAddress: "Tổ 5, phường Hương Xuân",
        applicantPhone: "0905123456",
        processingUnit: "Công chức Tư pháp - Hộ tịch",
        receivedAt: new Date("2025-10-06T14:05:00+07:00"),
        dueAt: new Date("2025-10-08T14:05:00+07:00"),
        transferredAt: new Date("2025-10-06T14:30:00+07:00"),
        resultReceivedAt: new Date("2025-10-07T10:00:00+07:00"),
        returnedAt: new Date("2025-10-07T15:00:00+07:00"),
      },
      {
        code: "H57.12-251007-0003",
        procedureName: "Chứng thực chữ ký trong các giấy tờ, văn bản",
        applicantName: "Trần Thị Bích Ngọc",
        receivedAt: new Date("2025-10-07T08:00:00+07:00"),
        dueAt: new Date("2025-10-07T17:00:00+07:00"),
        note: "Đã trả đúng hạn",
      },
    ],
  };
}

/** Issue 14's forged run: Word XML between docx-templates' literal-XML delimiters, typed as a name. */
export const FORGED =
  '||</w:t></w:r><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>DA DUYET - MIEN PHI</w:t></w:r><w:r><w:t>||';
