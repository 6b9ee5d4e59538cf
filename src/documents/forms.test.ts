import assert from "node:assert/strict";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { FORM_CATALOG, formSetFor } from "./form-catalog.ts";
import {
  type FormRenderOptions,
  numberLineOf,
  qrImage,
  renderForm,
  SHIPPED_TEMPLATES_DIR,
  TemplateError,
} from "./forms.ts";
import { mmToTwip } from "./official.ts";
import { openDocx, mm } from "./testing/docx-inspect.ts";
import { context2020, context2025, ledger2025 } from "./testing/fixtures.ts";
import type { FormContext, FormId, FormRequest, FormSet } from "./types.ts";

function request(form: FormId, context: FormContext): FormRequest {
  const at = (iso: string) => new Date(iso);
  const late = new Date(context.dossier.dueAt.getTime() + 2 * 86_400_000);
  switch (form) {
    case "receipt":
      return { form, context };
    case "supplement-request":
      return {
        form,
        context,
        supplement: {
          items: ["Bản sao Giấy khai sinh của người được chứng thực", "Tờ khai có chữ ký của người yêu cầu"],
          reason: "Hồ sơ thiếu thành phần theo quy định",
        },
      };
    case "refusal":
      return { form, context, reason: "Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường" };
    case "apology":
      return { form, context, apology: { reason: "Phải xác minh thông tin tại địa phương khác", newDueAt: late } };
    case "stop-notice":
      return { form, context, stop: { reason: "Người yêu cầu đề nghị dừng giải quyết", stoppedAt: late } };
    case "declined-notice":
      return {
        form,
        context,
        decline: { reason: "Người yêu cầu không thuộc đối tượng được hưởng chính sách", declinedAt: late },
      };
    case "control-sheet":
      return {
        form,
        context,
        handoffs: [
          {
            fromUnit: "Bộ phận Một cửa",
            toUnit: "Công chức Tư pháp - Hộ tịch",
            toOfficer: "Phạm Đức Thắng",
            at: at("2020-07-06T08:30:00+07:00"),
            result: "early",
          },
          {
            fromUnit: "Công chức Tư pháp - Hộ tịch",
            toUnit: "Lãnh đạo UBND phường",
            at: at("2020-07-06T09:40:00+07:00"),
            result: "onTime",
            note: "Trình ký",
          },
        ],
      };
    case "ledger":
      return { form, ledger: ledger2025() };
  }
}

const FORMS: FormId[] = [
  "receipt",
  "supplement-request",
  "refusal",
  "apology",
  "stop-notice",
  "declined-notice",
  "control-sheet",
  "ledger",
];

/** Every form of every set, with the text each must carry once filled. */
const cases = (["2018", "2025"] as FormSet[]).flatMap((set) =>
  FORMS.map((form) => ({ set, form, context: set === "2018" ? context2020() : context2025() })),
);

for (const { set, form, context } of cases) {
  test(`form ${form} of the ${set} set: every placeholder filled, Vietnamese intact, Decree 30 page`, async () => {
    const req = request(form, context);
    const doc = await openDocx(await renderForm(req, { set }));
    assert.doesNotMatch(doc.text, /\{\{|\}\}/, "a command was left in the document");
    assert.doesNotMatch(doc.text, /undefined|null|\[object Object\]/);
    assert.equal(doc.text, doc.text.normalize("NFC"));
    const def =
      FORM_CATALOG.find((d) => d.form === form && d.set === set) ??
      FORM_CATALOG.find((d) => d.form === form && d.set === "2025")!;
    assert.ok(doc.paragraphs.includes(def.title), `title ${def.title}`);
    assert.equal(doc.paragraphs[0], numberLineOf(def), "the form's number line comes first");
    if (form === "declined-notice") {
      assert.ok(doc.text.includes("Người yêu cầu không thuộc đối tượng được hưởng chính sách"), "the reasons");
      assert.ok(doc.paragraphs.includes("(Hồ sơ không đủ điều kiện giải quyết)"));
    }
    assert.deepEqual([...doc.fonts], ["Times New Roman"]);
    for (const size of doc.sizes) assert.ok(size >= 22 && size <= 28, `run size ${size / 2} pt`);
    const { page } = doc;
    assert.deepEqual([Math.min(page.width, page.height), Math.max(page.width, page.height)], [11906, 16838]);
    assert.equal(page.width > page.height, form === "ledger");
    assert.ok(mm(page.top) >= 20 && mm(page.top) <= 25 && mm(page.bottom) >= 20 && mm(page.bottom) <= 25);
    assert.ok(mm(page.left) >= 30 && mm(page.left) <= 35 && mm(page.right) >= 15 && mm(page.right) <= 20);
    if (form === "ledger") {
      assert.ok(doc.paragraphs.includes("Trần Thị Bích Ngọc"));
      assert.ok(doc.paragraphs.includes("14 giờ 05 phút, ngày 06/10/2025"));
      assert.ok(doc.paragraphs.includes("Từ ngày 01/10/2025 đến ngày 31/10/2025"));
      return;
    }
    assert.ok(doc.text.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert.ok(doc.paragraphs.includes("Độc lập - Tự do - Hạnh phúc"));
    const motto = /<w:r>((?:(?!<\/w:r>)[\s\S])*)<w:t[^>]*>Độc lập - Tự do - Hạnh phúc<\/w:t>/.exec(doc.xml);
    assert.ok(motto, "the motto is one run");
    assert.match(motto[1]!, /<w:u w:val="single"\/>/, "underlined");
    assert.match(motto[1]!, /<w:b\/>/, "bold");
    assert.ok(
      doc.paragraphs.some((p) => p.startsWith("Số: ")),
      "number and symbol",
    );
    assert.ok(doc.paragraphs.includes("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ PHƯỜNG HƯƠNG XUÂN"));
    assert.ok(doc.text.includes("Nguyễn Văn An"));
    assert.ok(doc.text.includes(context.dossier.code));
    const dateLine = set === "2018" ? "Hương Xuân, ngày 06 tháng 7 năm 2020" : "Hương Xuân, ngày 06 tháng 10 năm 2025";
    assert.ok(doc.paragraphs.includes(dateLine), dateLine);
    const dateRun = new RegExp(`<w:r>((?:(?!</w:r>)[\\s\\S])*)<w:t[^>]*>${dateLine}</w:t>`).exec(doc.xml);
    assert.match(dateRun?.[1] ?? "", /<w:i\/>/, "the place and date line is in italics");
  });
}

test("the receipt slip carries the appointment and the QR code of the public lookup address", async () => {
  const context = context2020();
  const bytes = await renderForm({ form: "receipt", context });
  const doc = await openDocx(bytes);
  assert.ok(doc.paragraphs.includes("4. Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 06/7/2020"));
  assert.ok(doc.paragraphs.includes("5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 06/7/2020"));
  assert.ok(doc.paragraphs.some((p) => p.includes("Bản sao cần chứng thực (bản sao): 3 bản")));
  const images = doc.media.filter((f) => f.endsWith(".png"));
  assert.equal(images.length, 1);
  const JSZip = (await import("jszip")).default;
  const png = await (await JSZip.loadAsync(bytes)).file(images[0]!)!.async("nodebuffer");
  const expected = Buffer.from((await qrImage(context.dossier.lookupUrl)).data, "base64");
  assert.ok(png.equals(expected), "the image is the QR code of the lookup URL");
  assert.match(doc.xml, /<a:blip r:embed=/);
});

test("the form set follows the receipt date: 2018 forms before 15/9/2025 local time, 2025 forms from then", async () => {
  assert.equal(formSetFor(new Date("2025-09-14T16:59:59Z")), "2018");
  assert.equal(formSetFor(new Date("2025-09-14T17:00:00Z")), "2025", "00:00 on 15/9 in Vietnam");
  assert.equal(formSetFor(new Date("2025-09-20T09:00:00+07:00"), "2025-10-01"), "2018");
  const old = await openDocx(await renderForm(request("apology", context2020())));
  assert.ok(old.paragraphs.includes("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"));
  const current = await openDocx(await renderForm(request("apology", context2025())));
  assert.ok(current.paragraphs.includes("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"));
  assert.ok(current.text.includes("Thời hạn trả kết quả giải quyết hồ sơ: 14 giờ 05 phút, ngày 08/10/2025."));
  assert.ok(current.text.includes("14 giờ 05 phút, ngày 10/10/2025"), "the new appointment");
});

test("an administrator's templates directory overrides the defaults file by file", async () => {
  const dir = await mkdtemp(join(tmpdir(), "motcua-templates-"));
  try {
    await mkdir(join(dir, "forms", "2025"), { recursive: true });
    // A custom receipt: the shipped one with its title replaced, as a clerk would edit it in Word.
    const JSZip = (await import("jszip")).default;
    const shipped = await readFile(join(SHIPPED_TEMPLATES_DIR, "forms/2025/01-giay-tiep-nhan-hen-tra.docx"));
    const zip = await JSZip.loadAsync(shipped);
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file(
      "word/document.xml",
      xml.replace("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "BIÊN NHẬN HỒ SƠ {{dossier.code}}"),
    );
    await writeFile(
      join(dir, "forms/2025/01-giay-tiep-nhan-hen-tra.docx"),
      await zip.generateAsync({ type: "nodebuffer" }),
    );
    const options: FormRenderOptions = { templatesDir: dir };
    const custom = await openDocx(await renderForm(request("receipt", context2025()), options));
    assert.ok(custom.paragraphs.includes("BIÊN NHẬN HỒ SƠ H57.12-251006-0042"));
    const fallback = await openDocx(await renderForm(request("refusal", context2025()), options));
    assert.ok(fallback.paragraphs.includes("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"));
    // A template naming a value that does not exist fails with the file named.
    zip.file("word/document.xml", xml.replace("{{dossier.code}}", "{{dossier.nosuchfield}}"));
    await writeFile(
      join(dir, "forms/2025/01-giay-tiep-nhan-hen-tra.docx"),
      await zip.generateAsync({ type: "nodebuffer" }),
    );
    await assert.rejects(renderForm(request("receipt", context2025()), options), (e: unknown) => {
      assert.ok(e instanceof TemplateError);
      assert.match(e.message, /01-giay-tiep-nhan-hen-tra\.docx/);
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("forms refuse inputs the law does not allow", async () => {
  const context = context2025();
  await assert.rejects(renderForm({ form: "supplement-request", context, supplement: { items: [] } }), RangeError);
  await assert.rejects(
    renderForm({ form: "apology", context, apology: { reason: "x", newDueAt: context.dossier.dueAt } }),
    RangeError,
  );
});

test("margins are rounded up so that the legal minimum is never undershot", () => {
  assert.ok(mm(mmToTwip(15)) >= 15 && mm(mmToTwip(20)) >= 20 && mm(mmToTwip(30)) >= 30);
});
