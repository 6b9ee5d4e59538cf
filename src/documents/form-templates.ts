// The shipped default form templates, built with `docx` and holding docx-templates commands between
// {{ and }}. scripts/gen-form-templates.ts writes them to templates/forms/<set>/; a test checks that the
// committed files match this source. Template authors may replace any file (docs/documents.md).
import type { Document, FileChild, Paragraph } from "docx";
import { type FormDefinition, FORM_CATALOG } from "./form-catalog.ts";
import { gridTable, type TableSpec } from "./grid.ts";
import {
  heading,
  officialDocument,
  para,
  recipientLines,
  recipientsAndSignature,
  run,
  signaturesSideBySide,
  title,
} from "./official.ts";
import type { FormSet } from "./types.ts";

/** docx-templates command delimiters used by every shipped template. */
export const DELIMITERS: [string, string] = ["{{", "}}"];

/** "Mẫu số 01" at the top right, as the circular's appendix labels each form. */
const formLabel = (): Paragraph => para([run("{{form.numberLine}}", { bold: true, size: 12 })], { align: "right" });

const head = (): FileChild[] => [
  formLabel(),
  heading({
    parentName: "{{office.parentNameUpper}}",
    issuerName: "{{office.nameUpper}}",
    number: "{{number}}",
    placeDate: "{{dateLine}}",
  }),
];

/** "Label: {{value}}" with the label in regular type. */
const field = (label: string, value: string): Paragraph => para([run(`${label}: `), run(value)], { after: 3 });
const text = (t: string, after = 3): Paragraph => para(t, { align: "justify", after });
const loop = (command: string): Paragraph => para(`{{${command}}}`);

const officerSignature = () => ({ title: "{{signer.title}}", hint: "(Ký và ghi rõ họ tên)", name: "{{signer.name}}" });

function applicantLines(verb: string): Paragraph[] {
  return [
    text(`{{office.name}} ${verb}: {{applicant.name}}`),
    field("Số định danh cá nhân", "{{applicant.idNumber}}"),
    field("Địa chỉ", "{{applicant.address}}"),
    para([run("Số điện thoại: {{applicant.phone}}"), run("    Email: {{applicant.email}}")], { after: 3 }),
    field("Nội dung yêu cầu giải quyết", "{{dossier.procedureName}}"),
  ];
}

function receipt(def: FormDefinition): FileChild[] {
  return [
    ...head(),
    ...title([def.title]),
    para([run("Mã hồ sơ: {{dossier.code}}", { bold: true })], { align: "center" }),
    para("{{IMAGE qr}}", { align: "center" }),
    para([run("(Quét mã QR để tra cứu tình trạng giải quyết hồ sơ)", { italics: true, size: 11 })], {
      align: "center",
      after: 6,
    }),
    ...applicantLines("tiếp nhận hồ sơ của"),
    text("1. Thành phần hồ sơ nộp gồm:"),
    loop("FOR c IN components"),
    para("    {{$c.no}}) {{$c.name}} ({{$c.kind}}): {{$c.count}} bản", { after: 2 }),
    loop("END-FOR c"),
    text("2. Số lượng hồ sơ: {{dossier.sets}} (bộ)"),
    text("3. Thời gian giải quyết hồ sơ theo quy định là: {{dossier.limitText}}"),
    text("4. Thời gian nhận hồ sơ: {{dossier.receivedAtText}}"),
    text("5. Thời gian trả kết quả giải quyết hồ sơ: {{dossier.dueAtText}}"),
    text("6. Hình thức nộp hồ sơ: {{dossier.channelText}}"),
    text("7. Đăng ký nhận kết quả tại: {{dossier.returnViaText}}"),
    para("Tra cứu tình trạng hồ sơ tại: {{dossier.lookupUrl}}", { after: 8 }),
    signaturesSideBySide([
      { title: "NGƯỜI NỘP HỒ SƠ", hint: "(Ký và ghi rõ họ tên)", name: "{{applicant.name}}" },
      officerSignature(),
    ]),
  ];
}

function supplement(def: FormDefinition): FileChild[] {
  return [
    ...head(),
    ...title([def.title]),
    field("Mã hồ sơ", "{{dossier.code}}"),
    ...applicantLines("đã tiếp nhận hồ sơ của"),
    field("Thời gian tiếp nhận", "{{dossier.receivedAtText}}"),
    text("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:"),
    loop("FOR i IN supplement.items"),
    para("    {{$i.no}}. {{$i.text}}", { after: 2 }),
    loop("END-FOR i"),
    field("Lý do", "{{supplement.reason}}"),
    text(
      "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với {{supplement.contactName}}, " +
        "số điện thoại {{supplement.contactPhone}} để được hướng dẫn./.",
      10,
    ),
    recipientsAndSignature(null, officerSignature()),
  ];
}

function refusal(def: FormDefinition): FileChild[] {
  return [
    ...head(),
    ...title([def.title]),
    field("Mã hồ sơ", "{{dossier.code}}"),
    ...applicantLines("tiếp nhận hồ sơ của"),
    field("Thời gian nộp hồ sơ", "{{dossier.receivedAtText}}"),
    text("Qua xem xét, {{office.name}} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"),
    text("{{refusal.reason}}"),
    text("Xin thông báo để Ông/Bà được biết và thực hiện./.", 10),
    recipientsAndSignature(null, officerSignature()),
  ];
}

const recipientsBlock = () => [
  ...recipientLines([]),
  loop("FOR r IN recipients"),
  para([run("- {{$r}}", { size: 11 })]),
  loop("END-FOR r"),
];

const leaderSignature = () => ({
  authority: "{{signer.authority}}",
  title: "{{signer.title}}",
  name: "{{signer.name}}",
});

function apology(def: FormDefinition, set: FormSet): FileChild[] {
  const promise =
    set === "2025"
      ? "{{office.name}} xin lỗi Ông/Bà/Tổ chức và đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả giải quyết hồ sơ vào {{apology.newDueText}}."
      : "{{office.name}} xin lỗi Ông/Bà/Tổ chức và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức vào {{apology.newDueText}}.";
  return [
    ...head(),
    ...title([def.title]),
    para([run("Kính gửi: {{applicant.name}}")], { align: "center", after: 6 }),
    text(
      "Vào {{dossier.receivedAtText}}, {{office.name}} tiếp nhận hồ sơ của Ông/Bà/Tổ chức {{applicant.name}}, " +
        "mã hồ sơ {{dossier.code}}, nội dung yêu cầu giải quyết: {{dossier.procedureName}}.",
    ),
    text("Thời hạn trả kết quả giải quyết hồ sơ: {{apology.originalDueText}}."),
    text("Tuy nhiên đến nay, {{office.name}} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức."),
    field("Lý do", "{{apology.reason}}"),
    text(`Sự chậm trễ này đã gây phiền hà cho Ông/Bà/Tổ chức. ${promise}`),
    text("Kính mong nhận được sự thông cảm của Ông/Bà/Tổ chức vì sự chậm trễ này./.", 10),
    recipientsAndSignature(recipientsBlock(), leaderSignature()),
  ];
}

function stopNotice(def: FormDefinition): FileChild[] {
  return [
    ...head(),
    ...title([def.title]),
    para([run("Kính gửi: {{applicant.name}}")], { align: "center", after: 6 }),
    text(
      "Vào {{dossier.receivedAtText}}, {{office.name}} đã tiếp nhận hồ sơ của Ông/Bà/Tổ chức {{applicant.name}}, " +
        "mã hồ sơ {{dossier.code}}, nội dung yêu cầu giải quyết: {{dossier.procedureName}}.",
    ),
    text("Vào {{stop.atText}}, việc giải quyết hồ sơ nêu trên được dừng lại với lý do như sau:"),
    text("{{stop.reason}}"),
    text("{{office.name}} thông báo để Ông/Bà/Tổ chức được biết./.", 10),
    recipientsAndSignature(recipientsBlock(), leaderSignature()),
  ];
}

/**
 * A table row repeated once per item: docx-templates repeats the rows between a row holding only the FOR
 * command and a row holding only END-FOR, and drops those two rows. (FOR and END-FOR in the first and last
 * cells of one row repeat the cells instead, all items in one row: the bug of issue 13.)
 */
function loopRows(loop: string, width: number, cells: string[]): string[][] {
  const variable = loop.split(" ")[0];
  const blank = (first: string) => [first, ...new Array<string>(width - 1).fill("")];
  return [blank(`{{FOR ${loop}}}`), cells, blank(`{{END-FOR ${variable}}}`)];
}

function declinedNotice(def: FormDefinition): FileChild[] {
  return [
    ...head(),
    ...title([def.title, "(Hồ sơ không đủ điều kiện giải quyết)"]),
    para([run("Kính gửi: {{applicant.name}}")], { align: "center", after: 6 }),
    text(
      "Vào {{dossier.receivedAtText}}, {{office.name}} đã tiếp nhận hồ sơ của Ông/Bà/Tổ chức {{applicant.name}}, " +
        "mã hồ sơ {{dossier.code}}, nội dung yêu cầu giải quyết: {{dossier.procedureName}}.",
    ),
    text(
      "Sau khi thẩm định, cơ quan có thẩm quyền xác định hồ sơ không đủ điều kiện giải quyết và trả lại hồ sơ " +
        "vào {{decline.atText}}, với lý do cụ thể như sau:",
    ),
    text("{{decline.reason}}"),
    text("{{office.name}} thông báo và trả lại hồ sơ để Ông/Bà/Tổ chức được biết./.", 10),
    recipientsAndSignature(recipientsBlock(), leaderSignature()),
  ];
}

function controlSheet(def: FormDefinition): FileChild[] {
  const table: TableSpec = {
    caption: [],
    header: [
      [
        { text: "TÊN CƠ QUAN" },
        { text: "THỜI GIAN GIAO, NHẬN HỒ SƠ" },
        { text: "KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n(Trước hạn/đúng hạn/quá hạn)" },
        { text: "GHI CHÚ" },
      ],
    ],
    columns: [{ width: 34, align: "left" }, { width: 24 }, { width: 22 }, { width: 20, align: "left" }],
    body: loopRows("h IN handoffs", 4, [
      "{{$h.no}}. Giao: {{$h.fromUnit}}\nNgười giao: {{$h.fromOfficer}}\nNhận: {{$h.toUnit}}\nNgười nhận: {{$h.toOfficer}}",
      "{{$h.atText}}",
      "{{$h.resultText}}",
      "{{$h.note}}",
    ]),
  };
  return [
    ...head(),
    ...title([def.title]),
    field("Kèm theo hồ sơ của", "{{applicant.name}}"),
    field("Mã hồ sơ", "{{dossier.code}}"),
    field("Nội dung yêu cầu giải quyết", "{{dossier.procedureName}}"),
    field("Thời gian nhận hồ sơ", "{{dossier.receivedAtText}}"),
    para([run("Thời gian hẹn trả kết quả: "), run("{{dossier.dueAtText}}")], { after: 8 }),
    gridTable(table),
  ];
}

function ledger(def: FormDefinition): FileChild[] {
  const table: TableSpec = {
    caption: [],
    header: [
      [
        { text: "STT", rowSpan: 2 },
        { text: "Mã hồ sơ", rowSpan: 2 },
        { text: "Tên thủ tục hành chính", rowSpan: 2 },
        { text: "Số lượng hồ sơ (bộ)", rowSpan: 2 },
        { text: "Tên cá nhân, tổ chức", rowSpan: 2 },
        { text: "Địa chỉ, số điện thoại", rowSpan: 2 },
        { text: "Cơ quan chủ trì giải quyết", rowSpan: 2 },
        { text: "Nhận và trả kết quả", colSpan: 5 },
        { text: "Ghi chú", rowSpan: 2 },
      ],
      [
        { text: "Ngày, tháng, năm nhận hồ sơ" },
        { text: "Ngày, tháng, năm hẹn trả kết quả" },
        { text: "Ngày, tháng, năm chuyển hồ sơ đến cơ quan giải quyết" },
        { text: "Ngày, tháng, năm nhận kết quả từ cơ quan giải quyết" },
        { text: "Ngày, tháng, năm trả kết quả cho cá nhân, tổ chức" },
      ],
    ],
    columns: [4, 11, 16, 6, 11, 12, 10, 9, 9, 9, 9, 9, 8].map((width) => ({ width })),
    body: loopRows("e IN entries", 13, [
      "{{$e.no}}",
      "{{$e.code}}",
      "{{$e.procedureName}}",
      "{{$e.sets}}",
      "{{$e.applicantName}}",
      "{{$e.contact}}",
      "{{$e.processingUnit}}",
      "{{$e.receivedText}}",
      "{{$e.dueText}}",
      "{{$e.transferredText}}",
      "{{$e.resultReceivedText}}",
      "{{$e.returnedText}}",
      "{{$e.note}}",
    ]),
    landscape: true,
  };
  return [
    formLabel(),
    para([run("{{office.parentNameUpper}}", { size: 12 })], { align: "left" }),
    para([run("{{office.nameUpper}}", { size: 12, bold: true })], { align: "left" }),
    ...title([def.title]),
    para("Từ ngày {{period.fromText}} đến ngày {{period.toText}}", { align: "center" }),
    para("Quyển số: {{volume}}", { align: "center", after: 8 }),
    gridTable(table),
    para([run("{{dateLine}}", { italics: true })], { align: "right", before: 8 }),
  ];
}

/** The default template of one catalogue entry. */
export function formTemplate(def: FormDefinition): Document {
  const content = (): FileChild[] => {
    switch (def.form) {
      case "receipt":
        return receipt(def);
      case "supplement-request":
        return supplement(def);
      case "refusal":
        return refusal(def);
      case "apology":
        return apology(def, def.set);
      case "stop-notice":
        return stopNotice(def);
      case "declined-notice":
        return declinedNotice(def);
      case "control-sheet":
        return controlSheet(def);
      case "ledger":
        return ledger(def);
    }
  };
  return officialDocument({ children: content(), landscape: def.landscape });
}

/** Every shipped template: its path under templates/ and its document. */
export function allFormTemplates(): { path: string; document: Document }[] {
  return FORM_CATALOG.map((def) => ({ path: `forms/${def.set}/${def.file}`, document: formTemplate(def) }));
}
