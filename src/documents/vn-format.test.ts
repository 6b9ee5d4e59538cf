import assert from "node:assert/strict";
import { test } from "node:test";
import { countText, decreeDate, instantText, isoDateText, placeDateLine, upper } from "./vn-format.ts";

test("instants print in Vietnamese local time, also between 00:00 and 07:00 local when UTC is a day behind", () => {
  assert.equal(instantText(new Date("2020-07-06T08:15:00+07:00")), "08 giờ 15 phút, ngày 06/7/2020");
  assert.equal(instantText(new Date("2020-07-05T18:30:00Z")), "01 giờ 30 phút, ngày 06/7/2020");
  assert.equal(instantText(new Date("2020-12-31T17:00:00Z")), "00 giờ 00 phút, ngày 01/1/2021");
});

test("the Decree 30 date line pads days below 10 and the months January and February", () => {
  assert.equal(placeDateLine("Huế", new Date("2020-07-06T09:00:00+07:00")), "Huế, ngày 06 tháng 7 năm 2020");
  assert.equal(decreeDate(new Date("2021-02-15T09:00:00+07:00")), "ngày 15 tháng 02 năm 2021");
  assert.equal(decreeDate(new Date("2021-01-01T00:10:00+07:00")), "ngày 01 tháng 01 năm 2021");
  assert.equal(decreeDate(new Date("2020-12-09T09:00:00+07:00")), "ngày 09 tháng 12 năm 2020");
});

test("counts, dates and capitals", () => {
  assert.equal(countText(5970), "5.970");
  assert.equal(countText(1234567), "1.234.567");
  assert.equal(countText(724), "724");
  assert.equal(isoDateText("2025-10-01"), "01/10/2025");
  const title = upper("Ủy ban nhân dân phường Hương Xuân");
  assert.equal(title, "ỦY BAN NHÂN DÂN PHƯỜNG HƯƠNG XUÂN");
  assert.equal(title, title.normalize("NFC"));
  assert.equal(upper("Bộ phận Một cửa xã Ia Blứ"), "BỘ PHẬN MỘT CỬA XÃ IA BLỨ");
});
